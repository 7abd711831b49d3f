// A figure a change started from ("down from the 9.7T", "9.7T → 1.5T", "从 9.7 万亿下调到"), a hypothetical ("If GPT-5.5 had 9.7T")
// and a reported belief ("Sources say", "Some analysts believe", "一度被传为") are not the writer's claims; the figure a change
// arrives at, and the writer's own belief, are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, FIXTURES, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'changes-and-hypotheticals.md'), 'utf8');

test('the fixture: old values, hypotheticals and reported beliefs are silent; new values and own beliefs are checked', () => {
  const got = bundled()
    .check(FIXTURE)
    .findings.filter((f) => f.severity === 'warning')
    .map((f) => `${lineOf(FIXTURE, f.start)} ${f.ruleId} ${f.modelId} ${f.text}`);
  assert.deepEqual(got, [
    '47 contradicted-figure deepseek-v3 900B',
    '49 contradicted-figure deepseek-v3 800B',
    '51 contradicted-figure deepseek-v3 900B',
    '53 contradicted-figure deepseek-v3 8000 亿',
    '55 superseded-figure gpt-5.5 9.7T',
    '57 superseded-figure gpt-5.5 9.7T',
    '59 contradicted-figure llama-3.1 90B',
    '61 contradicted-figure mixtral-8x7b 56B',
  ]);
});

test('the old value is read only right after "from" with a change word before it, or before an arrow or an old-value label', () => {
  const silent = (text) => bundled().check(text).findings.filter((f) => f.severity === 'warning').length === 0;
  // "from" without a change word is a range or a source, not an old value.
  assert.equal(silent('Llama 3.1 ranges from 8B to 90B.'), false);
  assert.equal(silent('GPT-5.5 went from 9.7T to 1.5T in the estimates.'), true);
  // A label after the figure must say the value is old: "(recalculated)" is not such a label.
  assert.equal(silent('GPT-5.5: 9.7T (recalculated).'), false);
  assert.equal(silent('GPT-5.5: 9.7T (rumoured).'), true);
});
