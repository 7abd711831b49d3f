// The writer's own estimate of a figure the vendor states is checked; reported rumours, denials and undisclosed sizes are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundled, starter } from './helpers.mjs';

const warnings = (text, checker = starter()) =>
  checker
    .check(text)
    .findings.filter((f) => f.severity === 'warning')
    .map((f) => [f.modelId, f.text, f.ruleId, f.speculation?.cue]);

// DeepSeek-V3 (starter facts): 671B total and 37B active, both official.
const OWN_ESTIMATES = [
  ['DeepSeek-V3 在同一骨干上增加推理奖励，推测活跃参数 50B。', '推测'],
  ['DeepSeek-V3 推测活跃参数 50B。', '推测'],
  ['我们估计 DeepSeek-V3 的活跃参数为 50B。', '估计'],
  ['DeepSeek-V3 的总参数猜测在 900B 左右。', '猜测'],
  ['We speculate that DeepSeek-V3 has 50B active parameters.', 'We speculate'],
  ['Our estimates put DeepSeek-V3 at 50B active parameters.', 'Our estimates'],
  ['We estimate DeepSeek-V3 at 50B active parameters.', 'We estimate'],
  ['DeepSeek-V3 probably has 50B active parameters.', 'probably'],
  ['DeepSeek-V3 likely has around 900B parameters.', 'likely'],
];
for (const [text, cue] of OWN_ESTIMATES) {
  test(`the writer's own estimate against an official figure is contradicted: ${JSON.stringify(text)}`, () => {
    const [f, ...rest] = starter().check(text).findings;
    assert.equal(rest.length, 0);
    assert.equal(f?.ruleId, 'contradicted-figure', JSON.stringify(f));
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.speculation, { cue });
    assert.equal(f.expected.status, 'official');
    assert.match(f.message, new RegExp(`^DeepSeek-V3: .+ is speculation \\("${cue}"\\) that contradicts the official (active|total) figure (37B|671B) \\(official`));
  });
}

test('the corpus sentence: R1\'s "推测活跃参数 40B+" against its official 37B active (bundled facts)', () => {
  const text = 'DeepSeek-R1 在同一骨干上增加推理奖励与代理策略，推测活跃参数 40B+。';
  assert.deepEqual(warnings(text, bundled()), [['deepseek-r1', '40B', 'contradicted-figure', '推测']]);
  assert.deepEqual(warnings('DeepSeek-R1 probably has 40B+ active parameters.', bundled()), [['deepseek-r1', '40B', 'contradicted-figure', 'probably']]);
  // An estimate that fits the official figure is no finding.
  assert.deepEqual(warnings('DeepSeek-R1 推测活跃参数 37B。', bundled()), []);
  assert.deepEqual(warnings('DeepSeek-R1 在同一骨干上，推测活跃参数 36B+。', bundled()), []);
});

test('reported, attributed, negated, superseded and asked figures stay silent', () => {
  for (const text of [
    'Early rumours put DeepSeek-V3 at 50B active; it has 37B.',
    'DeepSeek-V3 reportedly has 50B active parameters.',
    'SemiAnalysis speculates that DeepSeek-V3 has 50B active parameters.',
    'It is speculated that DeepSeek-V3 has 50B active parameters.',
    'Analyst estimates put DeepSeek-V3 at 50B active parameters.',
    'DeepSeek-V3 is not 50B active.',
    'We initially estimated DeepSeek-V3 at 50B active parameters.',
    'Does DeepSeek-V3 probably have 50B active parameters?',
    'Rumours say DeepSeek-V3 probably has 50B active parameters.',
    'DeepSeek-V3 据推测活跃参数 50B。',
    '外界推测 DeepSeek-V3 活跃参数 50B。',
    '行业估算 DeepSeek-V3 在 900B 总参数。',
    'SemiAnalysis 估计 DeepSeek-V3 活跃参数 50B。',
    '此前我们推测 DeepSeek-V3 活跃参数为 50B。',
    '早期推测 DeepSeek-V3 活跃参数 50B。',
    '传闻 DeepSeek-V3 活跃参数 50B，推测有误。',
  ]) {
    assert.deepEqual(warnings(text), [], text);
  }
});

test('estimates of undisclosed sizes, of families without one figure, and rumours stay as they were', () => {
  // GPT-5.5 never disclosed a size: estimating is what writers do; "推测" keeps it unchecked.
  assert.deepEqual(starter().check('我们推测 GPT-5.5 有 3T 参数。').findings, []);
  assert.deepEqual(starter().check('We speculate that GPT-5.5 has 3T parameters.').findings, []);
  // Not distanced, "probably" changes nothing: an undisclosed size is unverified information, as before.
  assert.deepEqual(starter().check('GPT-5.5 probably has 3T parameters.').findings.map((f) => [f.ruleId, f.severity, f.speculation]), [['unverified-figure', 'information', undefined]]);
  // Qwen has two official sizes, so no one figure the estimate contradicts.
  assert.deepEqual(warnings('我们推测通义千问有 40B 参数。'), []);
  assert.deepEqual(warnings('GPT-4 is rumoured to have 1.8T parameters.'), []);
  assert.deepEqual(starter().check('GPT-4 is rumoured to have 1.8T parameters.').claims.map((c) => [c.verdict, c.distanced]), [['matches', true]]);
});

test('an estimate that repeats a superseded figure is left alone, as the seed article\'s "9.7T" is', () => {
  assert.deepEqual(starter().check('We speculate that GPT-5.5 has 9.7T parameters.').findings, []);
});

test('a plain contradicted claim keeps its own message and no speculation data', () => {
  const [f] = starter().check('DeepSeek-V3 has 50B active parameters.').findings;
  assert.equal(f.ruleId, 'contradicted-figure');
  assert.equal(f.speculation, undefined);
  assert.match(f.message, /^DeepSeek-V3: 50B matches none of the known figures; the active figure is 37B/);
});
