// Scaling probe (issue 8): repeats one-line and one-paragraph templates into drafts of ~50 KB and ~200 KB in several
// shapes and flags any whose check time grows faster than linearly (200 KB / 50 KB ratio above ~6; linear is ~4;
// a pair above it is confirmed from 200 to 800 KB, and its ratio is the lower of the two).
// Not part of npm test; run after `node esbuild.js`:
//
//   node test/bench/scaling.mjs [--quick] [--only SUBSTRING] [--top N] [--limit N]
//
// Templates: every line of the Markdown fixtures, of the seed draft, a sample of lines from the real-text corpus
// (English and Chinese, tables, lists, quotes, HTML) and hand-made shapes that exercise each rule.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './adversarial.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = require(path.join(root, 'dist', 'core.js'));
const facts = require(path.join(root, 'dist', 'facts.json'));
const shared = path.join(root, '..', 'shared');

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const quick = args.includes('--quick');
const only = flag('--only', '');
const top = Number(flag('--top', 25));
const limit = Number(flag('--limit', Infinity));
const SMALL = Number(flag('--small', 50_000));
const LARGE = Number(flag('--large', 200_000));
const THRESHOLD = Number(flag('--threshold', 6));

// ---------------------------------------------------------------- templates

const templates = new Map(); // text → origin
const add = (text, origin) => {
  const t = text.replace(/\s+$/, '');
  if (t.trim().length < 3 || templates.has(t)) return;
  templates.set(t, origin);
};

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const linesOf = (file) => fs.readFileSync(file, 'utf8').split(/\r?\n/);

for (const file of walk(path.join(root, 'test', 'fixtures')).filter((f) => f.endsWith('.md')).sort()) {
  for (const line of linesOf(file)) add(line, path.relative(root, file));
}
const seed = path.join(shared, 'seed', 'gpt-5.5-parameter-recalculation.md');
if (fs.existsSync(seed)) for (const line of linesOf(seed)) add(line, 'seed');

// A sample of the real text: every line naming a digit or a table/list/quote/HTML marker is a candidate; a seeded
// sample of them, capped per file, keeps the probe's run time bounded.
const realDir = path.join(shared, 'corpus', 'realtext');
if (fs.existsSync(realDir)) {
  const next = random(8);
  for (const file of fs.readdirSync(realDir).filter((f) => f.endsWith('.md')).sort()) {
    const lines = linesOf(path.join(realDir, file)).filter((l) => l.trim().length >= 8 && l.length <= 2000);
    const interesting = lines.filter((l) => /\d|^\s*[|>*-]|^\s*\d+\.|<\w|[\u4e00-\u9fff]/.test(l));
    const picked = interesting.filter(() => next() < 0.12).slice(0, quick ? 4 : 14);
    for (const line of picked) add(line, `realtext/${file}`);
  }
  // Multi-line paragraphs of the real text too (one paragraph, repeated, keeps its soft breaks).
  for (const file of fs.readdirSync(realDir).filter((f) => f.endsWith('.md')).sort()) {
    const paras = fs.readFileSync(path.join(realDir, file), 'utf8').split(/\n\s*\n/).filter((p) => p.includes('\n') && /\d/.test(p) && p.length < 3000);
    const next2 = random(file.length);
    for (const p of paras.filter(() => next2() < 0.05).slice(0, quick ? 1 : 3)) add(p, `realtext/${file} (paragraph)`);
  }
}

// Hand-made shapes, one or more per rule.
const HAND = [
  // figures and names
  'GPT-5.5 has 9.7T parameters',
  'GPT-5.5 has 1.5T parameters, not 9.7T',
  'Llama 3.1 405B is the largest Llama 3.1 model',
  'Llama 3.1 comes in 8B, 70B and 405B sizes',
  'Llama 3.1 comes in 8B, 70B, and 405B',
  'Qwen2.5 提供 0.5B/1.5B/3B/7B/14B/32B/72B 版本',
  'Llama 3 has 8B and 70B sizes; the 70B model leads',
  'The 70B model leads',
  'the 405B one',
  'DeepSeek-V3 has 671B total and 37B active parameters',
  'Mixtral 8x7B has 46.7B parameters (12.9B active)',
  'Qwen3-235B-A22B has 235B parameters with 22B active',
  '通义千问 Qwen2.5-VL 有 72B 参数',
  'GPT-3 has 175 billion parameters',
  'GPT-3 有 1750 亿参数',
  'GPT-3 有1750亿个参数',
  'ChatGLM-6B 有 62 亿参数',
  '参数量为 3亿（340M）',
  'BERT-large 3亿（340M）参数',
  'GPT-2 has 1.5B (1,542M) parameters',
  'Llama 2 70B (70 billion parameters)',
  'GPT-4 reportedly has 1.8T parameters',
  'GPT-4 is rumoured to have 1.8T parameters',
  'GPT-5.5 is not 9.7T but rumoured 9.7T, initially 9.7T',
  '据传 GPT-4 有 1.8 万亿参数',
  'some claim GPT-5.5 has 9.7T parameters',
  'earlier estimates put GPT-5.5 at 9.7T',
  // unnamed subjects and size references
  'It has 9.7T parameters',
  'The model has 70B parameters',
  'a 7B model',
  'Foo is a 3B model',
  'Bar Baz (3B)',
  'Arya is a 3.35B model',
  'Ayas is a 3.35B parameter model',
  'The Widget (3B) beat Llama 3 8B',
  'Apple Intelligence Foundation (3B) runs on device',
  // tiers and variants
  'Phi-3.5-medium (16B)',
  'Phi-3.5-mini (3.8B), Phi-3.5-vision (4.2B), and the Phi-3.5-medium (16B) that does not exist',
  'Phi-3.5-small (3.8B) is sized like a Phi-3.5 model',
  'Tiny Aya (3.35B)',
  'Llama 3.1 8B-Instruct and Llama-3.1-70B-Instruct',
  'Qwen2.5-72B-Instruct and Qwen2.5-Coder-32B',
  'Gemma 3 27B, Gemma 3 12B, Gemma 3 4B',
  // release dates
  'Code Llama 70B was released in August 2023',
  'In August 2023, Meta released Code Llama in 7B, 13B and 34B sizes',
  'Llama 2 was released in July 2023; Code Llama followed in August 2023',
  'Meta在2023年8月发布了专注于代码生成的Code-Llama，共有7B、13B、34B和70B四个参数量版本',
  '2023年8月发布了 Llama 2',
  'Meta is expected to release Llama 5 in 2027',
  'released on 2024-07-23, Llama 3.1 405B',
  'GPT-4 launched March 14, 2023',
  'DeepSeek-R1 (January 2025) released',
  // public weights called internal or unreleased
  "Meta's internal 90B version of Llama 3.2 Vision",
  '企业内部提供 11B/90B 对齐版本',
  'Llama 3.2 的 90B 版本未开源',
  'Meta keeps Llama 3.1 405B internal',
  'Internal benchmarks show Llama 3.2 (90B) beats GPT-4o',
  // one version's sizes given to a compound name
  'Llama 3/2（7B/13B/70B）',
  'based on Llama 3/2 (7B, 13B and 70B)',
  '**Llama 3 & 2**: 7B/13B/70B',
  'Llama 2/3 (7B/8B/13B/70B)',
  // disable comments and directives
  'GPT-5.5 has 9.7T parameters. <!-- factlint-disable-line contradicted-figure -->',
  '<!-- factlint-disable-next-line --> GPT-5.5 has 9.7T parameters',
  '<!-- factlint-disable --> GPT-5.5 has 9.7T <!-- factlint-enable -->',
  // headings with names
  '## GPT-5.5',
  '# Llama 3.1 405B: 405B parameters',
  '### Qwen2.5-72B (72B)',
  // table rows
  '| GPT-5.5 | 9.7T | 1.5T | 6.5x |',
  '| Llama 3.1 | 8B | 70B | 405B | 128K | 2024-07-23 |',
  '| Model | Params | Active | Context | Release |',
  '| Qwen2.5-72B | 72.7B | — | 128K | 2024年9月 |',
  // lists, quotes, HTML, code, math
  '- GPT-5.5: 9.7T parameters',
  '1. Llama 3.1 405B (405B)',
  '> GPT-5.5 has 9.7T parameters',
  '<td>GPT-5.5</td><td>9.7T</td>',
  '<p>GPT-5.5 has 9.7T parameters</p>',
  '`GPT-5.5` has 9.7T parameters',
  'GPT-5.5 has $9.7T$ parameters',
  '[GPT-5.5](https://example.com/gpt-5.5-9.7T) has 9.7T parameters',
  '**GPT-5.5** has *9.7T* parameters',
  'GPT‑5.5 has 9.7 trillion parameters',
  // separators, numbers, noise
  '9.7T, 1.5T, 6.5x, 405B, 70B, 8B',
  'GPT-5.2 → 5.3 → 5.4 → 5.5',
  'From 8B to 70B to 405B',
  '8B、13B、34B和70B',
  '7B/13B/70B',
  'v1.2.3 2024.07.23 3.5x 128k tokens',
  'Arya, Ayas, Lama, GPT5, Qwen, Mistal, Gemmа, Phi3',
  'the Llama family and the GPT family and the Qwen family',
  'OpenAI, Meta, Google, Anthropic, Mistral AI, DeepSeek, Alibaba',
];
for (const h of HAND) add(h, 'hand');

// ---------------------------------------------------------------- shapes

const chinese = (t) => /[\u4e00-\u9fff]/.test(t);
const oneLine = (t) => t.replace(/\s*\n\s*/g, ' ');
const sentence = (t) => {
  const line = oneLine(t);
  if (chinese(line)) return /[。！？]$/.test(line) ? line : `${line}。`;
  return /[.!?]$/.test(line) ? `${line} ` : `${line}. `;
};
const cells = (t) => oneLine(t).replace(/\|/g, '\\|');

function repeatTo(unit, size, head = '', tail = '') {
  const n = Math.max(1, Math.floor((size - head.length - tail.length) / Math.max(1, unit.length)));
  return head + unit.repeat(n) + tail;
}

const SHAPES = {
  'one line': (t, size) => repeatTo(`${oneLine(t)} `, size),
  'one paragraph, sentences': (t, size) => repeatTo(sentence(t), size),
  'one paragraph, soft breaks': (t, size) => repeatTo(`${oneLine(t)}\n`, size),
  'list items': (t, size) => repeatTo(`- ${oneLine(t)}\n`, size),
  'table rows': (t, size) => {
    const line = oneLine(t).trim();
    if (/^\|.*\|$/.test(line)) {
      const columns = Math.max(1, line.split('|').length - 2);
      const head = `|${' h |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n`;
      return repeatTo(`${line}\n`, size, head);
    }
    return repeatTo(`| x | ${cells(t)} |\n`, size, '| Model | Notes |\n|---|---|\n');
  },
  'paragraphs': (t, size) => repeatTo(`${t}\n\n`, size),
};

// ---------------------------------------------------------------- timing

// --dump FILE writes every template/shape draft at --small characters as JSON (for comparing outputs before/after).
if (args.includes('--dump')) {
  const drafts = {};
  for (const [template] of templates) for (const [shape, build] of Object.entries(SHAPES)) drafts[`${shape}: ${template}`] = build(template, SMALL);
  fs.writeFileSync(flag('--dump'), JSON.stringify(drafts));
  console.log(`${Object.keys(drafts).length} drafts written`);
  process.exit(0);
}

const checker = core.createChecker(facts);
function time(text, runs) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checker.check(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

// Warm the JIT on a normal draft.
{
  const warm = repeatTo('GPT-5.5 has 9.7T parameters, Llama 3.1 405B has 405B. It was released in July 2024.\n\n', 300_000);
  for (let i = 0; i < 5; i++) checker.check(warm);
}

const entries = [...templates].filter(([t]) => !only || t.includes(only)).slice(0, limit);
console.log(`${entries.length} templates × ${Object.keys(SHAPES).length} shapes, ${SMALL / 1000} KB → ${LARGE / 1000} KB`);
const results = [];
const started = performance.now();
for (const [index, [template, origin]] of entries.entries()) {
  for (const [shape, build] of Object.entries(SHAPES)) {
    const small = build(template, SMALL);
    const large = build(template, LARGE);
    const s = time(small, quick ? 2 : 3);
    // A small draft already slow means the large one may take minutes: flag it from a 2x step instead.
    let l;
    let scale = large.length / small.length;
    if (s > 1500) {
      const mid = build(template, SMALL * 2);
      l = time(mid, 1);
      scale = mid.length / small.length;
    } else {
      l = time(large, quick ? 1 : 2);
    }
    // Normalise to the 4x step, so a 2x fallback reads as a linear ~4 too.
    const ratio = (l / s) * (4 / scale);
    const result = { template, origin, shape, smallMs: +s.toFixed(1), largeMs: +l.toFixed(1), ratio: +ratio.toFixed(2) };
    // Tiny times are noise: re-time a suspicious pair before flagging it.
    if (ratio > THRESHOLD && s < 1500) {
      const s2 = time(small, 5);
      const l2 = time(large, 3);
      result.smallMs = +s2.toFixed(1);
      result.largeMs = +l2.toFixed(1);
      result.ratio = +((l2 / s2) * (4 / scale)).toFixed(2);
    }
    // Small drafts run partly cold and in cache: a pair still above the bound is confirmed one step up (200 → 800 KB),
    // and flagged only if it grows faster than linearly there too.
    if (result.ratio > THRESHOLD && s < 1500 && !args.includes('--no-confirm')) {
      const huge = build(template, LARGE * 4);
      const h = time(huge, 2);
      const up = (h / result.largeMs) * (4 / (huge.length / large.length));
      result.confirmMs = +h.toFixed(1);
      result.confirmRatio = +up.toFixed(2);
      result.ratio = +Math.min(result.ratio, up).toFixed(2);
    }
    results.push(result);
  }
  if ((index + 1) % 50 === 0) console.log(`  ${index + 1}/${entries.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

results.sort((a, b) => b.ratio - a.ratio);
const flagged = results.filter((r) => r.ratio > THRESHOLD && r.largeMs > 5);
const show = (r) => `${r.ratio.toFixed(2).padStart(7)}  ${String(r.smallMs).padStart(8)} ms → ${String(r.largeMs).padStart(8)} ms${r.confirmMs !== undefined ? ` → ${r.confirmMs} ms (${r.confirmRatio})` : ''}  [${r.shape}] ${JSON.stringify(r.template.length > 90 ? r.template.slice(0, 90) + '…' : r.template)} (${r.origin})`;
console.log(`\nworst ${top} ratios (200 KB / 50 KB check time; linear ≈ 4):`);
for (const r of results.slice(0, top)) console.log(show(r));
const slowest = [...results].sort((a, b) => b.largeMs - a.largeMs).slice(0, 10);
console.log(`\nslowest at ${LARGE / 1000} KB:`);
for (const r of slowest) console.log(show(r));
console.log(`\n${flagged.length} of ${results.length} template/shape pairs above ${THRESHOLD}; ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (args.includes('--json')) fs.writeFileSync(flag('--json', 'scaling.json'), JSON.stringify(results, null, 1));
process.exitCode = 0;
