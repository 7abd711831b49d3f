// Precision and mutation recall of the checker on annotated real text (npm run eval [CORPUS_DIR]).
//
//   node test/eval/eval.mjs [CORPUS_DIR] [--seed N] [--json FILE] [--claims FILE] [--quiet]
//
// False positives: warning/error findings on the unmodified files that are not on a source error
// the annotations mark. Mutation recall: each asserted claim about a model the fact base sizes is
// rewritten, in the writer's format, to a value that no figure of that model matches (another
// model's size, ×1.5, or one of the model's superseded figures), chosen by a seeded generator; the
// checker must report superseded-figure, contradicted-figure or kind-mismatch on that range.
// A warning is on an annotated source error when it is on that line and its text overlaps the
// annotated figure, or, for the rules whose finding sits on a name (misspelled-name,
// unknown-variant), the annotated model as written: the error is in the name, not the figure.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutationFor, locateFigure, isAnnotatedError, languageOf } from './mutate.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = require(path.join(root, 'dist', 'core.js'));
const bundled = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'facts.json'), 'utf8'));

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const bool = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const jsonOut = flag('--json') ?? path.join(root, 'test-results', 'eval.json');
const seed = Number(flag('--seed') ?? 20261125);
const claimsArg = flag('--claims');
const quiet = bool('--quiet');
const corpus = path.resolve(args[0] ?? path.join(root, '..', 'shared', 'corpus', 'realtext'));
const claimsFile = claimsArg ?? path.join(corpus, 'CLAIMS-dev.tsv');
const trickyFile = path.join(corpus, 'TRICKY-dev.tsv');
const manifestFile = path.join(corpus, 'MANIFEST.tsv');

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
const manifest = new Map(readTsv(manifestFile).map((r) => [r.saved_as, r]));
const checker = core.createChecker(bundled);
const VIOLATIONS = new Set(['superseded-figure', 'contradicted-figure', 'kind-mismatch']);
const NAME_RULES = new Set(['misspelled-name', 'unknown-variant']);
const overlaps = (a, b) => !!a && !!b && (a.includes(b) || b.includes(a));
const random = rng(seed);
const started = performance.now();

const files = [...new Set([...claims, ...tricky].map((r) => r.file))].sort();
const perFile = [];
const falsePositives = [];
const misses = [];
const mutationsLog = [];
const knownErrors = [];

for (const file of files) {
  const abs = path.join(corpus, file);
  if (!fs.existsSync(abs)) continue;
  const fileStarted = performance.now();
  const text = fs.readFileSync(abs, 'utf8').replace(/^\ufeff/, '');
  const bytes = Buffer.byteLength(text);
  const lang = languageOf(manifest.get(file)?.note, text);
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
  const errorRows = fileClaims.filter((c) => isAnnotatedError(c.context));
  let fp = 0;
  let tp = 0;
  let info = 0;
  for (const f of result.findings) {
    const line = pos(f.start).line;
    if (f.severity === 'information' || f.severity === 'hint') {
      info++;
      continue;
    }
    const row = errorRows.find((c) => Number(c.line) === line && (overlaps(c.figure_as_written, f.text) || (NAME_RULES.has(f.ruleId) && overlaps(c.model_as_written, f.text))));
    if (row) {
      tp++;
      // Counted per annotated line: the annotator notes one error per sentence, sometimes on every figure of it.
      if (!knownErrors.some((k) => k.file === file && k.line === line)) knownErrors.push({ file, line, text: row.figure_as_written, found: true, finding: f.text, ruleId: f.ruleId });
      continue;
    }
    fp++;
    falsePositives.push({ file, line, ruleId: f.ruleId, text: f.text, message: f.message, source: lines[line - 1]?.slice(0, 160) });
  }
  for (const c of errorRows) {
    const line = Number(c.line);
    if (!knownErrors.some((k) => k.file === file && k.line === line)) knownErrors.push({ file, line, text: c.figure_as_written, found: false, note: c.context });
  }
  // Mutation recall over asserted claims about models the fact base sizes.
  let tried = 0;
  let caught = 0;
  const seen = new Map();
  for (const c of fileClaims) {
    if (c.polarity !== 'asserted' || c.figure_as_written.includes('|')) continue;
    const model = checker.lookup(c.model_as_written);
    if (!model || model.figures.length === 0 || !model.disclosed) continue;
    const key = `${c.line}\t${c.figure_as_written}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const lineText = lines[Number(c.line) - 1] ?? '';
    const at = locateFigure(lineText, c.figure_as_written, c.context, nth);
    if (at < 0) continue;
    const mutation = mutationFor(c.figure_as_written, model, c.kind, bundled, random);
    if (!mutation) continue;
    const start = lineStart[Number(c.line) - 1] + at;
    const mutated = text.slice(0, start) + mutation.text + text.slice(start + c.figure_as_written.length);
    const end = start + mutation.text.length;
    const hit = checker.check(mutated).findings.find((f) => VIOLATIONS.has(f.ruleId) && f.start < end && f.end > start);
    tried++;
    const entry = { file, line: Number(c.line), model: c.model_as_written, original: c.figure_as_written, mutated: mutation.text, choice: mutation.choice, caught: !!hit, rule: hit?.ruleId };
    mutationsLog.push(entry);
    if (hit) caught++;
    else misses.push({ ...entry, source: lineText.slice(0, 160) });
  }
  perFile.push({ file, lang, bytes, findings: result.findings.length, information: info, falsePositives: fp, truePositives: tp, mutations: tried, caught, ms: Math.round(performance.now() - fileStarted) });
}

// Files the annotations do not cover: their warnings are listed for a reader to judge, not counted.
const unjudged = [];
for (const file of fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => /\.md$/i.test(f) && f !== 'README.md' && !files.includes(f)).sort() : []) {
  const text = fs.readFileSync(path.join(corpus, file), 'utf8').replace(/^\ufeff/, '');
  const pos = core.createPositionMap(text);
  for (const f of checker.check(text).findings) {
    if (f.severity === 'warning' || f.severity === 'error') unjudged.push({ file, line: pos(f.start).line, ruleId: f.ruleId, text: f.text, message: f.message });
  }
}

function totals(list) {
  const bytes = list.reduce((a, f) => a + f.bytes, 0);
  const fp = list.reduce((a, f) => a + f.falsePositives, 0);
  const tp = list.reduce((a, f) => a + f.truePositives, 0);
  const info = list.reduce((a, f) => a + f.information, 0);
  const mutations = list.reduce((a, f) => a + f.mutations, 0);
  const caught = list.reduce((a, f) => a + f.caught, 0);
  return {
    files: list.length,
    kilobytes: Math.round(bytes / 1024),
    falsePositives: fp,
    truePositives: tp,
    falsePositivesPer100KB: +(fp / Math.max(1, bytes / 102400)).toFixed(2),
    informationPer100KB: +(info / Math.max(1, bytes / 102400)).toFixed(2),
    // Precision of warnings on the unmodified text: annotated source errors found / all warnings.
    precision: fp + tp === 0 ? null : +(tp / (fp + tp)).toFixed(3),
    mutations,
    caught,
    mutationRecall: mutations === 0 ? null : +(caught / mutations).toFixed(3),
  };
}

const byChoice = {};
for (const m of mutationsLog) {
  byChoice[m.choice] ??= { tried: 0, caught: 0 };
  byChoice[m.choice].tried++;
  if (m.caught) byChoice[m.choice].caught++;
}
const summary = {
  corpus,
  seed,
  ...totals(perFile),
  english: totals(perFile.filter((f) => f.lang === 'EN')),
  chinese: totals(perFile.filter((f) => f.lang === 'ZH')),
  mutationChoices: byChoice,
  knownErrorsFound: `${knownErrors.filter((k) => k.found).length}/${knownErrors.length}`,
  unjudgedWarnings: unjudged.length,
  ms: Math.round(performance.now() - started),
};

const fmt = (v) => (v === null ? 'n/a' : String(v));
console.log(`factlint eval on ${corpus} (seed ${seed}; rerun with --seed ${seed} to reproduce)\n`);
console.log(`${'file'.padEnd(62)} lang    KB  find   FP   TP  prec  FP/100KB   mut  caught  recall    ms`);
for (const f of perFile) {
  const t = totals([f]);
  console.log(
    `${f.file.slice(0, 62).padEnd(62)} ${f.lang.padEnd(4)} ${String(t.kilobytes).padStart(5)} ${String(f.findings).padStart(5)} ${String(f.falsePositives).padStart(4)} ${String(f.truePositives).padStart(4)} ${fmt(t.precision).padStart(5)} ${String(t.falsePositivesPer100KB).padStart(9)} ${String(f.mutations).padStart(5)} ${String(f.caught).padStart(7)} ${fmt(t.mutationRecall).padStart(7)} ${String(f.ms).padStart(5)}`,
  );
}
for (const [name, t] of [['ALL', summary], ['EN', summary.english], ['ZH', summary.chinese]]) {
  console.log(
    `${name.padEnd(62)} ${''.padEnd(4)} ${String(t.kilobytes).padStart(5)} ${''.padStart(5)} ${String(t.falsePositives).padStart(4)} ${String(t.truePositives).padStart(4)} ${fmt(t.precision).padStart(5)} ${String(t.falsePositivesPer100KB).padStart(9)} ${String(t.mutations).padStart(5)} ${String(t.caught).padStart(7)} ${fmt(t.mutationRecall).padStart(7)}`,
  );
}
if (!quiet) {
  console.log('\nfalse positives:');
  for (const f of falsePositives) console.log(`  ${f.file}:${f.line} ${f.ruleId} "${f.text}" | ${f.message.slice(0, 120)}`);
  console.log('\nmutation misses:');
  for (const m of misses) console.log(`  ${m.file}:${m.line} ${m.model} "${m.original}" -> "${m.mutated}" (${m.choice}) | ${m.source}`);
  console.log(`\nwarnings in files without annotations (not counted; judge by reading): ${unjudged.length}`);
  for (const u of unjudged) console.log(`  ${u.file}:${u.line} ${u.ruleId} "${u.text}" | ${u.message.slice(0, 100)}`);
  console.log('\nannotated source errors (true positives when reported):');
  for (const k of knownErrors) console.log(`  ${k.found ? 'found ' : 'MISSED'} ${k.file}:${k.line} "${k.text}"${k.found ? ` (${k.ruleId} on "${k.finding}")` : ''}`);
}
console.log('\nsummary:', JSON.stringify(summary, null, 2));
fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, JSON.stringify({ summary, perFile, falsePositives, misses, knownErrors, unjudged, mutations: mutationsLog }, null, 2));
