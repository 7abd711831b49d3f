// The eval harness on its own small annotated fixture corpus (test/eval/fixture, written for this test):
// it reports the known error, no false positive, catches every mutation, and is reproducible by seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO, tmpDir } from './helpers.mjs';

function runEval(seed) {
  const out = path.join(tmpDir('factlint-eval-'), 'eval.json');
  const r = spawnSync(process.execPath, [path.join(REPO, 'test', 'eval', 'eval.mjs'), path.join(REPO, 'test', 'eval', 'fixture'), '--seed', String(seed), '--json', out, '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ALL\s/);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

test('eval self-test: 0 false positives, the annotated error found, every mutation caught, EN and ZH', () => {
  const { summary, mutations } = runEval(20261125);
  assert.equal(summary.falsePositives, 0);
  assert.equal(summary.knownErrorsFound, '1/1');
  assert.ok(summary.mutations >= 12, `mutations ${summary.mutations}`);
  assert.equal(summary.mutationRecall, 1);
  assert.ok(summary.english.mutations > 0 && summary.chinese.mutations > 0);
  for (const m of mutations) assert.notEqual(m.mutated, m.original);
});

test('eval self-test: the same seed gives the same mutations, another seed may differ', () => {
  const a = runEval(7).mutations.map((m) => m.mutated);
  const b = runEval(7).mutations.map((m) => m.mutated);
  assert.deepEqual(a, b);
});
