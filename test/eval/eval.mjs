// Precision and mutation recall of the checker on annotated real text (npm run eval [CORPUS_DIR]).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = require(path.join(root, 'dist', 'core.js'));
const bundled = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'facts.json'), 'utf8'));

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const jsonOut = flag('--json') ?? path.join(root, 'test-results', 'eval.json');
const seed = Number(flag('--seed') ?? 20261125);
const corpus = path.resolve(args[0] ?? path.join(root, '..', 'shared', 'corpus', 'realtext'));
const claimsFile = flag('--claims') ?? path.join(corpus, 'CLAIMS-dev.tsv');
const trickyFile = path.join(corpus, 'TRICKY-dev.tsv');

function readTsv(file) {
  if (!fs.existsSync(file)) return [];
  const [head, ...rows] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}

/** Deterministic choice: a small LCG seeded from the command line, printed with the report. */
function rng(s) {
  let x = s >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const claims = readTsv(claimsFile);
const tricky = readTsv(trickyFile);
const checker = core.createChecker(bundled);
const KNOWN_ERROR = /\b(?:error|wrong|incorrect|mistake|typo|should be|actually)\b|错误/i;
const VIOLATIONS = new Set(['superseded-figure', 'contradicted-figure', 'kind-mismatch']);
const random = rng(seed);
const started = performance.now();

const files = [...new Set([...claims, ...tricky].map((r) => r.file))].sort();
const perFile = [];
const falsePositives = [];
const misses = [];
const knownErrors = [];
let totalBytes = 0;
let infoCount = 0;

function mutate(figure, model) {
  const m = /^(.*?)(\d[\d,]*(?:\.\d+)?)(.*)$/s.exec(figure);
  if (!m) return undefined;
  const n = Number(m[2].replace(/,/g, ''));
  const decimals = (m[2].split('.')[1] ?? '').length;
  // A mutation must be wrong: it may not land within 10% of any of the model's figures
  // (compared in the writer's unit, which the fact base's labels share for B and T).
  const wrong = (x) => model.figures.every((f) => {
    const w = Number(String(f.label).replace(/[^\d.]/g, ''));
    return !(Math.abs(x - w) <= 0.1 * w);
  });
  const options = [n * 1.5, n * 2.5, n / 2.5].filter(wrong);
  if (options.length === 0) return undefined;
  const stale = model?.figures.find((f) => f.status === 'superseded');
  const pick = options[Math.floor(random() * options.length)];
  const value = stale && random() < 0.5 ? undefined : pick;
  if (value === undefined) return stale.label;
  const written = decimals ? value.toFixed(decimals) : String(Math.round(value) === n ? Math.round(value) + 1 : Math.round(value));
  return `${m[1]}${written}${m[3]}`;
}

for (const file of files) {
  const abs = path.join(corpus, file);
  if (!fs.existsSync(abs)) continue;
  const text = fs.readFileSync(abs, 'utf8').replace(/^\ufeff/, '');
  totalBytes += Buffer.byteLength(text);
  const lines = text.split('\n');
  const lineStart = [];
  let off = 0;
  for (const l of lines) {
    lineStart.push(off);
    off += l.length + 1;
  }
  const pos = core.createPositionMap(text);
  const result = checker.check(text);
  const fileClaims = claims.filter((c) => c.file === file);
  let fp = 0;
  for (const f of result.findings) {
    const line = pos(f.start).line;
    if (f.severity === 'information' || f.severity === 'hint') {
      infoCount++;
      continue;
    }
    const row = fileClaims.find((c) => Number(c.line) === line && (c.figure_as_written.includes(f.text) || f.text.includes(c.figure_as_written)));
    if (row && KNOWN_ERROR.test(row.context)) {
      knownErrors.push({ file, line, text: f.text, found: true });
      continue;
    }
    fp++;
    falsePositives.push({ file, line, ruleId: f.ruleId, text: f.text, message: f.message, source: lines[line - 1]?.slice(0, 160) });
  }
  for (const c of fileClaims.filter((r) => KNOWN_ERROR.test(r.context))) {
    const line = Number(c.line);
    if (!knownErrors.some((k) => k.file === file && k.line === line)) knownErrors.push({ file, line, text: c.figure_as_written, found: false });
  }
  // Mutation recall over asserted claims about models the fact base knows.
  let tried = 0;
  let caught = 0;
  for (const c of fileClaims) {
    if (c.polarity !== 'asserted' || c.figure_as_written.includes('|')) continue;
    const model = checker.lookup(c.model_as_written);
    if (!model || model.figures.length === 0 || !model.disclosed) continue;
    const lineText = lines[Number(c.line) - 1] ?? '';
    const at = lineText.indexOf(c.figure_as_written);
    if (at < 0) continue;
    const replacement = mutate(c.figure_as_written, model);
    if (!replacement || replacement === c.figure_as_written) continue;
    const start = lineStart[Number(c.line) - 1] + at;
    const mutated = text.slice(0, start) + replacement + text.slice(start + c.figure_as_written.length);
    const end = start + replacement.length;
    const found = checker.check(mutated).findings.some((f) => VIOLATIONS.has(f.ruleId) && f.start < end && f.end > start);
    tried++;
    if (found) caught++;
    else misses.push({ file, line: Number(c.line), model: c.model_as_written, original: c.figure_as_written, mutated: replacement, source: lineText.slice(0, 160) });
  }
  perFile.push({ file, bytes: Buffer.byteLength(text), findings: result.findings.length, falsePositives: fp, mutations: tried, caught });
}

const mutations = perFile.reduce((a, f) => a + f.mutations, 0);
const caught = perFile.reduce((a, f) => a + f.caught, 0);
const fpTotal = falsePositives.length;
const summary = {
  corpus,
  seed,
  files: perFile.length,
  kilobytes: Math.round(totalBytes / 1024),
  falsePositives: fpTotal,
  falsePositivesPer100KB: +(fpTotal / (totalBytes / 102400)).toFixed(2),
  informationPer100KB: +(infoCount / (totalBytes / 102400)).toFixed(2),
  precision: +(1 - fpTotal / Math.max(1, fpTotal + knownErrors.filter((k) => k.found).length)).toFixed(3),
  mutationRecall: +(caught / Math.max(1, mutations)).toFixed(3),
  mutations,
  knownErrorsFound: `${knownErrors.filter((k) => k.found).length}/${knownErrors.length}`,
  ms: Math.round(performance.now() - started),
};

console.log(`factlint eval on ${corpus} (seed ${seed})\n`);
console.log('file'.padEnd(70), 'KB'.padStart(5), 'find'.padStart(5), 'FP'.padStart(4), 'mut'.padStart(4), 'caught'.padStart(7));
for (const f of perFile) console.log(f.file.slice(0, 70).padEnd(70), String(Math.round(f.bytes / 1024)).padStart(5), String(f.findings).padStart(5), String(f.falsePositives).padStart(4), String(f.mutations).padStart(4), String(f.caught).padStart(7));
console.log('\nfalse positives:');
for (const f of falsePositives) console.log(`  ${f.file}:${f.line} ${f.ruleId} "${f.text}" | ${f.source}`);
console.log('\nmutation misses:');
for (const m of misses) console.log(`  ${m.file}:${m.line} ${m.model} "${m.original}" -> "${m.mutated}" | ${m.source}`);
console.log('\nknown source errors:');
for (const k of knownErrors) console.log(`  ${k.found ? 'found' : 'MISSED'} ${k.file}:${k.line} "${k.text}"`);
console.log('\nsummary:', JSON.stringify(summary, null, 2));
fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, JSON.stringify({ summary, perFile, falsePositives, misses, knownErrors }, null, 2));
