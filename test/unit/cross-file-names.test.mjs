// Two fact files naming different models alike: a warning at the later one (within one file it is an error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, project, runCli } from './helpers.mjs';

const model = (id, name) =>
  `schema: 1\nasOf: 2026-01-01\nmodels:\n  - {id: ${id}, name: ${name}, vendor: V, disclosed: true, figures: [{value: 7B, kind: total, status: official, source: "https://example.com", stated: "2025"}]}\n`;
const ENV = { env: { FACTLINT_NO_CODE_CACHE: '1' } };

test('two --facts files with a model of the same name: a warning at the second, naming the first; the check goes on', () => {
  const dir = project({ 'a.yaml': model('foo-a', 'Foo Model'), 'b.yaml': model('foo-b', 'foo model'), 'w.md': 'Foo Model has 9B parameters.\n' });
  const r = runCli(['--no-bundled-facts', '--facts', 'a.yaml', '--facts', 'b.yaml', '--format', 'json', 'w.md'], { cwd: dir, ...ENV });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr.trim(), 'b.yaml:4:5: warning: foo model: model "foo-b" has the name of model "foo-a" (a.yaml:4); drafts naming it are read as "foo-a"');
  assert.deepEqual(JSON.parse(r.stdout).files[0].findings.map((f) => f.ruleId), ['contradicted-figure']);
  assert.match(runCli(['facts', '--no-bundled-facts', '--facts', 'a.yaml', '--facts', 'b.yaml'], { cwd: dir, ...ENV }).stderr, /^b\.yaml:4:5: warning: /);
});

test('a fact file naming a bundled model under another id is warned about; the same id merges silently', () => {
  const dir = project({ 'c.yaml': model('mine', 'GPT-5.5'), 'd.yaml': model('gpt-5.5', 'GPT-5.5'), 'w.md': 'Plain.\n' });
  assert.match(runCli(['--facts', 'c.yaml', 'w.md'], { cwd: dir, ...ENV }).stderr, /^c\.yaml:4:5: warning: GPT-5\.5: model "mine" has the name of model "gpt-5\.5" \(bundled\.yaml:\d+\)/);
  assert.equal(runCli(['--facts', 'd.yaml', 'w.md'], { cwd: dir, ...ENV }).stderr, '');
});

test('nameClashes: nothing for distinct names, one warning per later model', () => {
  const base = { schema: 1, asOf: '', models: [{ id: 'a', name: 'Alpha', aliases: [], figures: [] }] };
  const extra = { schema: 1, asOf: '', models: [{ id: 'b', name: 'ALPHA', aliases: [], figures: [], origin: { file: '/x/e.yaml', line: 3, column: 5 } }, { id: 'c', name: 'Gamma', aliases: [], figures: [] }] };
  assert.deepEqual(core.nameClashes(base, []), []);
  assert.deepEqual(core.nameClashes(base, [extra]).map((p) => [p.file, p.line, p.column, p.severity]), [['/x/e.yaml', 3, 5, 'warning']]);
});
