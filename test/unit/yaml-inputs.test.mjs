// Fact files and .factlint.yaml as bytes: invalid UTF-8, a BOM, lone CRs, size, several documents, collection keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, project, runCli } from './helpers.mjs';

const DRAFT = 'GPT-5.5 has 9.7T parameters.\n';
const FACT_HEAD = 'schema: 1\nasOf: 2026-01-01\nmodels:\n';
const ENV = { env: { FACTLINT_NO_CODE_CACHE: '1' } };

test('a fact file with a byte that is no UTF-8: an error at the line and column of that byte', () => {
  const bytes = Buffer.concat([Buffer.from(`${FACT_HEAD}  - {id: foo, name: "Fé`), Buffer.from([0xe2, 0x82]), Buffer.from('", vendor: V, disclosed: true, figures: []}\n')]);
  const dir = project({ 'f.yaml': bytes });
  const r = runCli(['facts', '--check', 'f.yaml'], { cwd: dir, ...ENV });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), 'f.yaml:4:24: error: fact file is not valid UTF-8 (the first bad byte is here)');
  // The core reads bytes the same way (the editor passes bytes too).
  const { base, problems } = core.parseFactBase('f.yaml', bytes);
  assert.equal(base, undefined);
  assert.deepEqual([problems[0].line, problems[0].column], [4, 24]);
});

test('a .factlint.yaml with a byte that is no UTF-8: an error at it, exit 2', () => {
  const dir = project({ '.factlint.yaml': Buffer.concat([Buffer.from('rules: {}\nignore: ["a'), Buffer.from([0xff]), Buffer.from('"]\n')]), 'd.md': DRAFT });
  const r = runCli(['d.md'], { cwd: dir, ...ENV });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^\.factlint\.yaml:2:12: error: \.factlint\.yaml is not valid UTF-8/m);
});

test('a BOM does not shift columns on line 1', () => {
  const plain = 'rules: {contradicted-figure: nope}\n';
  for (const text of [plain, `\ufeff${plain}`]) {
    const dir = project({ '.factlint.yaml': text, 'd.md': DRAFT });
    const r = runCli(['d.md'], { cwd: dir, ...ENV });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.factlint\.yaml:1:30: error: rules\.contradicted-figure must be one of/m, JSON.stringify(text));
  }
});

test('lone-CR line endings: a config and a fact file parse, and problems are on the lines an editor shows', () => {
  const ok = project({ '.factlint.yaml': 'ignore: []\rrules:\r  unverified-figure: off\r', 'd.md': DRAFT });
  assert.equal(runCli(['d.md'], { cwd: ok, ...ENV }).code, 1);
  const bad = project({ '.factlint.yaml': 'ignore: []\r\nrules:\r  contradicted-figure: nope\r', 'd.md': DRAFT });
  assert.match(runCli(['d.md'], { cwd: bad, ...ENV }).stderr, /^\.factlint\.yaml:3:24: error: rules\.contradicted-figure must be one of/m);
  const facts = `${FACT_HEAD}  - {id: foo, name: Foo, vendor: V, disclosed: maybe, figures: []}\n`.replace(/\n/g, '\r');
  const { base, problems } = core.parseFactBase('f.yaml', facts);
  assert.equal(base, undefined);
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [[4, 48, 'Foo: disclosed must be true or false']]);
  const good = core.parseFactBase('g.yaml', `${FACT_HEAD}  - {id: foo, name: Foo, vendor: V, disclosed: true, figures: []}\n`.replace(/\n/g, '\r'));
  assert.deepEqual(good.problems, []);
  assert.equal(good.base.models[0].name, 'Foo');
});

test('.factlint.yaml over the fact files\' size limit is refused at 1:1 before parsing', () => {
  const text = `ignore:\n${'  - x\n'.repeat(Math.ceil(core.MAX_FACT_FILE_CHARS / 6) + 1)}`;
  const t = performance.now();
  const { problems } = core.parseProjectConfig('.factlint.yaml', text);
  assert.ok(performance.now() - t < 2000);
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [[1, 1, `.factlint.yaml is too large (${text.length} characters; the limit is ${core.MAX_FACT_FILE_CHARS})`]]);
});

test('several YAML documents: said in factlint\'s words, at the second', () => {
  const { problems } = core.parseFactBase('f.yaml', `${FACT_HEAD}  []\n---\n${FACT_HEAD}  []\n`);
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [[5, 1, 'a fact file holds one YAML document']]);
  const config = core.parseProjectConfig('.factlint.yaml', 'rules: {}\n---\nrules: {}\n');
  assert.deepEqual(config.problems.map((p) => [p.line, p.column, p.message]), [[2, 1, 'a .factlint.yaml holds one YAML document']]);
});

test('a collection as a key: one positioned error, no raw library warning on stderr', () => {
  const dir = project({ '.factlint.yaml': '? [a]\n: 1\n', 'd.md': DRAFT });
  const r = runCli(['d.md'], { cwd: dir, ...ENV });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^\.factlint\.yaml:1:3: error: unknown key/);
  assert.doesNotMatch(r.stderr, /stringified/);
});
