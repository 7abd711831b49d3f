// Issue 2 "Done when": the seed article (read in place, never copied into the repo).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, runCli, tmpDir, SEED, REPO } from './helpers.mjs';

const seedExists = fs.existsSync(SEED);
const skip = seedExists ? false : `seed article not found at ${SEED}`;
const ADDED = 'GPT-5.5 has 9.7 trillion parameters.';

test('the seed article gets no warning (core, bundled facts)', { skip }, () => {
  const text = fs.readFileSync(SEED, 'utf8');
  const r = bundled().check(text);
  assert.deepEqual(r.findings.filter((f) => f.severity === 'warning' || f.severity === 'error'), []);
  // Its 9.7T mentions are read and recognised as distanced, not missed.
  const nine = r.claims.filter((c) => c.mention.modelId === 'gpt-5.5' && c.figure.value === 9.7e12);
  assert.ok(nine.length >= 2, `9.7T claims: ${nine.length}`);
  for (const c of nine) assert.equal(c.distanced, true, c.figure.text);
});

test('the seed article through the CLI: exit 0', { skip }, () => {
  const r = runCli(['--format', 'json', path.relative(REPO, SEED)], { cwd: REPO });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files[0].findings.filter((f) => f.severity !== 'information'), []);
});

test('a copy with the 9.7 trillion sentence added gets exactly one superseded-figure, fix "1.5 trillion"', { skip }, () => {
  const text = `${fs.readFileSync(SEED, 'utf8')}\n${ADDED}\n`;
  const findings = bundled().check(text).findings.filter((f) => f.severity !== 'information');
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.ruleId, 'superseded-figure');
  assert.equal(f.text, '9.7 trillion');
  assert.equal(f.fix.text, '1.5 trillion');
  assert.equal(text.slice(f.start, f.end), '9.7 trillion');
  assert.equal(f.start, text.lastIndexOf('9.7 trillion'));
});

test('the same through the CLI on a temp copy, and --fix makes it clean', { skip }, () => {
  const dir = tmpDir();
  const file = path.join(dir, 'seed-copy.md');
  const original = fs.readFileSync(SEED, 'utf8');
  fs.writeFileSync(file, `${original}\n${ADDED}\n`);
  const lines = `${original}\n${ADDED}\n`.split('\n').length - 1;
  const r = runCli(['--format', 'json', 'seed-copy.md'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const found = JSON.parse(r.stdout).files[0].findings.filter((f) => f.severity !== 'information');
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.column, f.endColumn, f.fix?.text]),
    [['superseded-figure', lines, 13, 25, '1.5 trillion']],
  );
  const fixed = runCli(['--fix', 'seed-copy.md'], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), `${original}\nGPT-5.5 has 1.5 trillion parameters.\n`);
});
