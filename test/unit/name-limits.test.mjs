// Huge names and alias lists: validation caps a name's length, and the name matcher never throws on a base it is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { core, loadFacts, runCli, STARTER, tmpDir } from './helpers.mjs';

const DRAFT = 'GPT-5.5 has 9.7T parameters. Claude Opus 4 is large.';

function withModel(model) {
  const base = loadFacts(STARTER);
  return { ...base, models: [...base.models, { vendor: 'V', disclosed: false, architecture: 'unknown', figures: [], aliases: [], ...model }] };
}

const findingsOf = (base, text) => core.createChecker(base).check(text).findings.map((f) => [f.ruleId, f.start, f.end]);

test('an alias of 35,000 letters: the matcher compiles, finds it, and checks the rest as before', () => {
  const long = 'A'.repeat(35000);
  const base = withModel({ id: 'long', name: 'Longname', aliases: [long] });
  const checker = core.createChecker(base);
  assert.deepEqual(findingsOf(base, DRAFT), findingsOf(loadFacts(STARTER), DRAFT));
  const mentions = checker.check(`Here ${long} is named.`).mentions;
  assert.deepEqual(mentions.map((m) => [m.modelId, m.start, m.end]), [['long', 5, 35005]]);
  // A cut prefix in the prefilter must not let a longer letter run pass as the name.
  assert.deepEqual(checker.check(`Here ${long}A is not.`).mentions, []);
});

test('100,000 short aliases: the matcher compiles and finds the same names', () => {
  const aliases = [];
  for (let i = 0; i < 100000; i++) aliases.push(`Zq${i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[d])} ${i}`);
  const base = withModel({ id: 'many', name: 'Manyname', aliases });
  const checker = core.createChecker(base);
  assert.deepEqual(findingsOf(base, DRAFT), findingsOf(loadFacts(STARTER), DRAFT));
  const text = `${DRAFT} Then ${aliases[4242]} and ${aliases[99999]}, not Zqbx 1x.`;
  const found = checker.check(text).mentions.map((m) => [m.modelId, m.text]);
  assert.deepEqual(found.filter(([id]) => id === 'many'), [['many', aliases[4242]], ['many', aliases[99999]]]);
});

test('facts --check refuses a 35,000-character alias at the alias; the check never crashes', () => {
  const dir = tmpDir();
  const facts = path.join(dir, 'long.yaml');
  fs.writeFileSync(facts, `schema: 1\nasOf: 2026-01-01\nmodels:\n  - {id: foo, name: Foo, aliases: ["${'A'.repeat(35000)}"], vendor: V, disclosed: true, figures: []}\n`);
  const checked = runCli(['facts', '--check', facts]);
  assert.equal(checked.code, 2);
  assert.match(checked.stderr, /long\.yaml:4:36: error: Foo: alias is 35000 characters long; the limit is 200/);
  fs.writeFileSync(path.join(dir, 'w.md'), 'GPT-5.5 has 9.7T.\n');
  const run = runCli(['--facts', facts, path.join(dir, 'w.md')]);
  assert.equal(run.code, 2);
  assert.doesNotMatch(run.stderr, /internal error/);
  assert.ok(run.stderr.length < 2000, run.stderr.slice(0, 300));
});
