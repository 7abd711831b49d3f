// Reported lines count a lone CR as a line break, as editors and SARIF viewers do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { core, FIXTURES, project, runCli } from './helpers.mjs';

const SAMPLE = fs.readFileSync(path.join(FIXTURES, 'sample-draft.md'), 'utf8');

function positions(text) {
  const dir = project({ 'd.md': text });
  const r = runCli(['--format', 'json', 'd.md'], { cwd: dir, env: { FACTLINT_NO_CODE_CACHE: '1' } });
  return JSON.parse(r.stdout).files[0].findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn]);
}

test('a draft with lone-CR line endings gets the lines and columns of the same draft with LF', () => {
  const lf = positions(SAMPLE);
  assert.ok(lf.some(([, line]) => line > 1));
  assert.deepEqual(positions(SAMPLE.replace(/\n/g, '\r')), lf);
  assert.deepEqual(positions(SAMPLE.replace(/\n/g, '\r\n')), lf);
});

test('createPositionMap and offsetAt: CRLF, LF and a lone CR each end a line', () => {
  const text = 'a\r\nb\nc\rd';
  const at = core.createPositionMap(text);
  assert.deepEqual([0, 3, 5, 7].map((o) => at(o)), [1, 2, 3, 4].map((line) => ({ line, column: 1 })));
  assert.equal(core.offsetAt(text, 4, 1), 7);
});
