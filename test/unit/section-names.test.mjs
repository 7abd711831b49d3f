// A bare short name ("R1", "V3") stands for a model the nearest heading above names, within that section only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, FIXTURES, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'estimates-and-short-names.md'), 'utf8');
const named = (text) =>
  bundled()
    .check(text)
    .mentions.filter((m) => /^[A-Z]\d$/.test(m.text))
    .map((m) => [m.text, m.modelId]);
const claims = (text) =>
  bundled()
    .check(text)
    .claims.map((c) => [c.mention.text, c.mention.modelId, c.figure.text, c.verdict]);

test('the fixture gets exactly the expected findings, on the expected lines', () => {
  const got = bundled()
    .check(FIXTURE)
    .findings.map((f) => `${lineOf(FIXTURE, f.start)} ${f.ruleId} ${f.modelId} ${f.text} ${f.severity} ${f.speculation?.cue ?? '-'}`);
  assert.deepEqual(got, [
    '6 contradicted-figure deepseek-r1 40B warning 推测',
    '7 contradicted-figure deepseek-r1 50B warning probably',
    '20 contradicted-figure deepseek-r1 50B warning We speculate',
  ]);
});

test('under "### DeepSeek-V3 / DeepSeek-R1", "V3" and "R1" carry their figures (the corpus line)', () => {
  const text = '### 3.2 DeepSeek-V3 / DeepSeek-R1\n- **模型尺寸**：V3 提出 671B 总参数、活跃 37B；R1 在同一骨干上增加推理奖励与代理策略，推测活跃参数 40B+。\n';
  assert.deepEqual(claims(text), [
    ['V3', 'deepseek-v3', '671B', 'matches'],
    ['V3', 'deepseek-v3', '37B', 'matches'],
    ['R1', 'deepseek-r1', '40B', 'contradicted-figure'],
  ]);
  // A wrong size for V3 is now seen, as for the full name.
  assert.deepEqual(
    bundled()
      .check(text.replace('671B', '900B'))
      .findings.map((f) => [f.modelId, f.text, f.ruleId]),
    [
      ['deepseek-v3', '900B', 'contradicted-figure'],
      ['deepseek-r1', '40B', 'contradicted-figure'],
    ],
  );
});

test('the heading may stand in an earlier block, at any level; the short name in English prose too', () => {
  assert.deepEqual(claims('## DeepSeek-R1\n\nSome words first.\n\nR1 has 900B total parameters.\n'), [['R1', 'deepseek-r1', '900B', 'contradicted-figure']]);
  assert.deepEqual(claims('# Kimi K2\n\nK2 has 1T total parameters.\n'), [['K2', 'kimi-k2', '1T', 'matches']]);
});

test('"R1" is no name outside a section whose heading names DeepSeek-R1', () => {
  for (const text of [
    'R1 has 900B total parameters.',
    '# DeepSeek-V3\n\nR1 has 900B total parameters.\n',
    // The nearest heading names no model: the section of "DeepSeek-R1" ended at "### Training".
    '## DeepSeek-R1\n\n### Training\n\nR1 has 900B total parameters.\n',
    // Headings themselves are not read for short names.
    '## DeepSeek-R1\n\n### R1 has 900B total parameters\n',
    // A heading that lists many models is no one section's topic.
    '## DeepSeek-V3, DeepSeek-R1, Kimi K2, GPT-4, Llama 3\n\nR1 has 900B total parameters.\n',
  ]) {
    assert.deepEqual(named(text), [], text);
    assert.deepEqual(claims(text), [], text);
    assert.deepEqual(bundled().check(text).findings, [], text);
  }
});

test('a short name is a whole, exactly cased token: not in "R1-Zero", "V3.1", "r1" or "DeepSeek-R1"', () => {
  const text = '## DeepSeek-V3 / DeepSeek-R1\n\nR1-Zero, V3.1, r1 and v3 are other names; DeepSeek-R1 is the full one, and R1 (R1) is short: R1 has 37B active parameters.\n';
  assert.deepEqual(named(text), [
    ['R1', 'deepseek-r1'],
    ['R1', 'deepseek-r1'],
    ['R1', 'deepseek-r1'],
  ]);
});

test('in a section, "R1" stands for the model only through a figure: a block without figures reads no short names', () => {
  const text = '## DeepSeek-R1\n\nR1 is a reasoning model.\n';
  assert.deepEqual(named(text), []);
});

test('an editor session follows a heading edit as a fresh check does', () => {
  const session = bundled().session();
  const text = '## DeepSeek-R1\n\nR1 has 900B total parameters.\n';
  assert.deepEqual(session.check(text).findings.map((f) => f.modelId), ['deepseek-r1']);
  const edited = text.replace('DeepSeek-R1', 'Reasoning');
  const after = session.check(edited);
  assert.deepEqual(after.findings, []);
  assert.deepEqual(after.claims, bundled().check(edited).claims);
  const back = session.check(text);
  assert.deepEqual(back.findings, bundled().check(text).findings);
  assert.deepEqual(back.mentions, bundled().check(text).mentions);
});
