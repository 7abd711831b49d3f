// Issue 3: integrity of the bundled fact base, and the loader's positioned errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { core, BUNDLED_YAML, FIXTURES, runCli } from './helpers.mjs';

const parsed = core.parseFactBase(BUNDLED_YAML, fs.readFileSync(BUNDLED_YAML, 'utf8'));
const base = parsed.base;
const models = base?.models ?? [];

const COMMON_WORDS = fs
  .readFileSync(path.join(FIXTURES, 'common-words.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

test('the bundled base loads without errors or warnings', () => {
  assert.deepEqual(parsed.problems, []);
  assert.ok(base);
  assert.equal(base.schema, core.SCHEMA_VERSION);
  assert.match(base.asOf, /^\d{4}-\d{2}-\d{2}$/);
});

test('at least 150 models', () => {
  assert.ok(models.length >= 150, `${models.length}`);
});

test('every figure has a source URL, a status, a kind and a stated date', () => {
  const missing = [];
  for (const m of models) {
    for (const f of m.figures) {
      if (!/^https?:\/\/\S+$/.test(f.source ?? '')) missing.push(`${m.id}: source ${f.source}`);
      if (!['official', 'derived', 'estimate', 'rumor', 'superseded'].includes(f.status)) missing.push(`${m.id}: status ${f.status}`);
      if (!['total', 'active'].includes(f.kind)) missing.push(`${m.id}: kind ${f.kind}`);
      if (!f.stated) missing.push(`${m.id}: no stated date`);
      if (!(f.value > 0)) missing.push(`${m.id}: value ${f.value}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('ids are unique, and names/aliases are unique across models (ignoring case and separators)', () => {
  const ids = new Set();
  const dupIds = [];
  const owner = new Map();
  const clashes = [];
  for (const m of models) {
    if (ids.has(m.id)) dupIds.push(m.id);
    ids.add(m.id);
    for (const a of [m.name, ...m.aliases]) {
      const k = core.normalizeName(a);
      const prior = owner.get(k);
      if (prior && prior !== m.id) clashes.push(`${a}: ${prior} vs ${m.id}`);
      owner.set(k, m.id);
    }
  }
  assert.deepEqual(dupIds, []);
  assert.deepEqual(clashes, []);
});

test('every superseded figure has a current figure of the same kind beside it', () => {
  const orphans = [];
  for (const m of models) {
    for (const f of m.figures) {
      if (f.status !== 'superseded') continue;
      if (!m.figures.some((x) => x !== f && x.kind === f.kind && x.status !== 'superseded')) orphans.push(`${m.id} ${f.label}`);
      if (f.replacedBy !== undefined && !m.figures.some((x) => x.value === f.replacedBy)) orphans.push(`${m.id} ${f.label} replacedBy ${f.replacedBy} is not a figure`);
    }
  }
  assert.deepEqual(orphans, []);
});

function validDate(s) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1990 && y <= 2030;
}

test('dates parse: asOf, released.date, figure stated (real calendar dates, 1990-2030)', () => {
  const bad = [];
  if (!validDate(base.asOf)) bad.push(`asOf ${base.asOf}`);
  for (const m of models) {
    if (m.released && !validDate(m.released.date)) bad.push(`${m.id} released ${m.released.date}`);
    for (const f of m.figures) if (!validDate(f.stated)) bad.push(`${m.id} ${f.label} stated ${f.stated}`);
    // A figure is not stated after the base's review date.
    for (const f of m.figures) if (f.stated > base.asOf) bad.push(`${m.id} ${f.label} stated ${f.stated} after asOf ${base.asOf}`);
  }
  assert.deepEqual(bad, []);
});

test('the common-word list has at least 500 words', () => {
  assert.ok(COMMON_WORDS.length >= 500, `${COMMON_WORDS.length}`);
  assert.equal(new Set(COMMON_WORDS).size, COMMON_WORDS.length, 'no duplicates');
});

test('no model name or alias is a common English word', () => {
  const words = new Set(COMMON_WORDS.map((w) => core.normalizeName(w)));
  const hits = [];
  for (const m of models) for (const a of [m.name, ...m.aliases]) if (words.has(core.normalizeName(a))) hits.push(`${m.id}: ${a}`);
  assert.deepEqual(hits, []);
});

test('the word-list check would catch a planted common-word alias', () => {
  const words = new Set(COMMON_WORDS.map((w) => core.normalizeName(w)));
  assert.ok(words.has(core.normalizeName('Model')));
  assert.ok(words.has(core.normalizeName('Spring')));
});

test('GPT-5.5 in the bundled base: 9.7T superseded, 1.5T current estimate, undisclosed, released 2026-04-23', () => {
  const m = models.find((x) => x.id === 'gpt-5.5');
  assert.ok(m);
  assert.equal(m.disclosed, false);
  assert.equal(m.released?.date, '2026-04-23');
  const nine = m.figures.find((f) => f.value === 9.7e12);
  const one5 = m.figures.find((f) => f.value === 1.5e12);
  assert.equal(nine.status, 'superseded');
  assert.equal(nine.kind, 'total');
  assert.equal(one5.status, 'estimate');
  assert.equal(one5.kind, 'total');
});

// ---- The loader rejects planted problems, with positions ----

function problemsOf(name) {
  const file = path.join(FIXTURES, 'factbase', name);
  return core.parseFactBase(file, fs.readFileSync(file, 'utf8'));
}

test('planted duplicate alias: rejected at the second model (line 11, column 5)', () => {
  const { base: b, problems } = problemsOf('duplicate-alias.yaml');
  assert.equal(b, undefined);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].severity, 'error');
  assert.equal(problems[0].line, 11);
  assert.equal(problems[0].column, 5);
  assert.match(problems[0].message, /alias "zephyr-one" is ambiguous: it already names alpha-1 \(line 4\)/);
});

test('planted missing source: rejected', () => {
  const { base: b, problems } = problemsOf('missing-source.yaml');
  assert.equal(b, undefined);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /Alpha-1: figure source \(a URL\) is required/);
});

test('planted missing source: positioned at the figure (line 9, column 9)', () => {
  const { problems } = problemsOf('missing-source.yaml');
  assert.deepEqual([problems[0].line, problems[0].column], [9, 9]);
});

test('planted unknown key: rejected at the key (line 8, column 5)', () => {
  const { base: b, problems } = problemsOf('unknown-key.yaml');
  assert.equal(b, undefined);
  assert.equal(problems.length, 1);
  assert.deepEqual([problems[0].line, problems[0].column, problems[0].endLine, problems[0].endColumn], [8, 5, 8, 15]);
  assert.match(problems[0].message, /^unknown key "parameters" in a model/);
});

test('factlint facts --check on the planted files: exit 2 with file:line:col', () => {
  for (const [name, pos] of [
    ['duplicate-alias.yaml', '11:5'],
    ['unknown-key.yaml', '8:5'],
  ]) {
    const r = runCli(['facts', '--check', path.join('test', 'fixtures', 'factbase', name)]);
    assert.equal(r.code, 2, name);
    assert.match(r.stderr, new RegExp(`^test/fixtures/factbase/${name.replace('.', '\\.')}:${pos}: error: `, 'm'));
  }
  const r = runCli(['facts', '--check', 'src/facts/bundled.yaml']);
  assert.equal(r.code, 0, r.stderr);
});

test('mergeFactBases: same id overrides fields and figures, keeps the other models, aliases move', () => {
  const a = { schema: 1, asOf: '2026-01-01', models: [
    { id: 'x', name: 'X-1', aliases: ['Ex One'], vendor: 'V', disclosed: true, architecture: 'dense', figures: [{ value: 1e9, label: '1B', kind: 'total', status: 'official', source: 'https://a', stated: '2026' }] },
    { id: 'y', name: 'Y-1', aliases: [], vendor: 'V', disclosed: true, architecture: 'dense', figures: [] },
  ] };
  const b = { schema: 1, asOf: '2026-06-01', models: [
    { id: 'x', name: 'X-1', aliases: [], vendor: 'W', disclosed: false, architecture: 'dense', figures: [{ value: 2e9, label: '2B', kind: 'total', status: 'official', source: 'https://b', stated: '2026' }] },
    { id: 'z', name: 'Z-1', aliases: ['Ex One'], vendor: 'V', disclosed: true, architecture: 'dense', figures: [] },
  ] };
  const m = core.mergeFactBases(a, [b]);
  assert.equal(m.asOf, '2026-06-01');
  assert.deepEqual(m.models.map((x) => x.id), ['x', 'y', 'z']);
  const x = m.models[0];
  assert.equal(x.vendor, 'W');
  assert.deepEqual(x.figures.map((f) => f.value), [2e9]);
  assert.deepEqual(x.aliases, [], 'the alias given to z later belongs to z alone');
  assert.deepEqual(m.models[2].aliases, ['Ex One']);
});
