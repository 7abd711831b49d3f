// A trailing attribution (", according to early leaks.", ", reportedly.", "，消息人士称。") reports the clauses before it, back to the sentence start or a turn; one that names the vendor, rejects or measures against its source does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundled } from './helpers.mjs';

const warnings = (text) =>
  bundled()
    .check(text)
    .findings.filter((f) => f.severity === 'warning')
    .map((f) => [f.modelId, f.text, f.ruleId, f.speculation?.cue ?? '-']);

const REPORTED = [
  'GPT-5.5 has 9.7T parameters, according to early leaks.',
  'GPT-5.5 has 9.7T parameters, reportedly.',
  'GPT-5.5 has 9.7T parameters, sources say.',
  'GPT-5.5 has 9.7T parameters, according to people familiar with the matter.',
  'GPT-5.5 has 9.7T parameters, as early leaks claimed.',
  'GPT-5.5 has 9.7T parameters — according to early leaks.',
  '**GPT-5.5 has 9.7T parameters, reportedly.**',
  'GPT-5.5 has 9.7T parameters (according to early leaks).',
  'GPT-5.5 的参数量为 9.7T（据外媒报道）。',
  // It reaches every clause back to the sentence start.
  'GPT-5.5 has 9.7T parameters, 9.7T in all, according to unnamed sources.',
  'DeepSeek-V3 has 50B active parameters, by most estimates.',
  'GPT-5.5 的参数量为 9.7T，消息人士称。',
  'GPT-5.5 的参数量为 9.7T，据外媒报道。',
  'GPT-5.5 的参数量为 9.7T，知情人士透露。',
  'DeepSeek-V3 活跃参数 50B，据推测。',
];
for (const text of REPORTED) {
  test(`a trailing attribution reports what comes before it: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(warnings(text), []);
    const claims = bundled().check(text).claims;
    assert.ok(claims.length > 0 && claims.every((c) => c.distanced), 'distanced');
  });
}

const ASSERTED = [
  // Attribution to the vendor or a primary source asserts; "according to" alone is neutral.
  ['GPT-5.5 has 9.7T parameters, according to OpenAI.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['DeepSeek-V3 has 50B active parameters, according to the paper.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['GPT-5.5 的参数量为 9.7T，据官方消息。', 'gpt-5.5', '9.7T', 'superseded-figure'],
  // One that rejects, confirms, dates or measures against its source asserts the clauses before it.
  ['GPT-5.5 has 9.7T parameters, confirming early leaks.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['GPT-5.5 has 9.7T parameters, contrary to early leaks.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['DeepSeek-V3 has 50B active parameters, not as leaks claimed.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['DeepSeek-V3 has 50B active parameters, far more than early leaks suggested.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['DeepSeek-V3 has 50B active parameters, after the leak.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['DeepSeek-V3 活跃参数 50B，与传闻不同。', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['DeepSeek-V3 活跃参数 50B，高于此前传闻。', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['DeepSeek-V3 活跃参数 50B，泄露事件后。', 'deepseek-v3', '50B', 'contradicted-figure'],
  // One naming a model or stating a figure is a statement of its own; so is a long clause.
  ['GPT-5.5 has 9.7T parameters, according to GPT-5 leaks.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['GPT-5.5 has 9.7T parameters, though early leaks said 12T.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  [
    'GPT-5.5 has 9.7T parameters, a number that the company has repeated at every event this year despite the leaks.',
    'gpt-5.5',
    '9.7T',
    'superseded-figure',
  ],
  // Not at the sentence end or before a turn: the attribution leads what follows it, not what comes before.
  ['GPT-5.5 has 9.7T parameters, reportedly, and DeepSeek-V3 has 50B active parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  // Within the figure's clause, with no comma, it is no attribution.
  ['GPT-5.5 has 9.7T parameters according to OpenAI.', 'gpt-5.5', '9.7T', 'superseded-figure'],
];
for (const [text, model, figure, rule] of ASSERTED) {
  test(`no trailing attribution, so the figure is checked: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(warnings(text), [[model, figure, rule, '-']]);
  });
}

test('a figure the attribution holds itself ("not 9.7T as early leaks claimed") is distanced, the clause before it still checked', () => {
  assert.deepEqual(
    bundled()
      .check('GPT-5.5 has 1.5T parameters, not 9.7T as early leaks claimed')
      .claims.map((c) => [c.figure.text, c.verdict, c.distanced]),
    [
      ['1.5T', 'matches', false],
      ['9.7T', 'unchecked', true],
    ],
  );
});

test('a contrastive turn ends the reach backwards: the figures before it are the writer\'s', () => {
  for (const text of [
    'DeepSeek-V3 has 50B active parameters, but GPT-5.5 has 9.7T, reportedly.',
    'DeepSeek-V3 has 50B active parameters, however GPT-5.5 has 9.7T, reportedly.',
    'DeepSeek-V3 has 50B active parameters while GPT-5.5 has 9.7T, reportedly.',
    'DeepSeek-V3 has 50B active parameters, while GPT-5.5 has 9.7T, sources say.',
    'DeepSeek-V3 活跃参数 50B，但 GPT-5.5 有 9.7T 参数，消息人士称。',
    'DeepSeek-V3 活跃参数 50B，而 GPT-5.5 有 9.7T 参数，据外媒报道。',
  ]) {
    assert.deepEqual(warnings(text), [['deepseek-v3', '50B', 'contradicted-figure', '-']], text);
  }
  // Without a turn it reaches the sentence start, but not past it.
  assert.deepEqual(warnings('DeepSeek-V3 has 50B active parameters, GPT-5.5 has 9.7T, reportedly.'), []);
  assert.deepEqual(warnings('DeepSeek-V3 has 50B active parameters. GPT-5.5 has 9.7T, reportedly.'), [['deepseek-v3', '50B', 'contradicted-figure', '-']]);
  assert.deepEqual(warnings('DeepSeek-V3 活跃参数 50B；GPT-5.5 有 9.7T 参数，消息人士称。'), [['deepseek-v3', '50B', 'contradicted-figure', '-']]);
});

test('before a turn, a trailing attribution reports the clauses before it; the turn\'s are the writer\'s', () => {
  for (const text of [
    'GPT-5.5 has 9.7T parameters, according to early leaks, but DeepSeek-V3 has 50B active parameters.',
    'GPT-5.5 has 9.7T parameters, reportedly, while DeepSeek-V3 has 50B active parameters.',
    'GPT-5.5 有 9.7T 参数，消息人士称，但 DeepSeek-V3 活跃参数 50B。',
  ]) {
    assert.deepEqual(warnings(text), [['deepseek-v3', '50B', 'contradicted-figure', '-']], text);
  }
});

test('a trailing attribution of the writer\'s own estimate stays the writer\'s: it is checked, with its word', () => {
  assert.deepEqual(warnings('DeepSeek-V3 has 50B active parameters, by our estimates.'), [['deepseek-v3', '50B', 'contradicted-figure', 'our estimates']]);
  assert.deepEqual(warnings('DeepSeek-R1 活跃参数 40B+，我们推测。'), [['deepseek-r1', '40B', 'contradicted-figure', '推测']]);
  // Someone else's estimate is a report.
  assert.deepEqual(warnings('DeepSeek-R1 活跃参数 40B+，外界推测。'), []);
});

test('a lead and a trailing attribution of one sentence: both report, neither reaches past a turn', () => {
  assert.deepEqual(warnings('Reportedly, GPT-5.5 has 9.7T parameters, sources say.'), []);
  assert.deepEqual(warnings('Reportedly, GPT-5.5 has 9.7T parameters, but DeepSeek-V3 has 50B active parameters, however DeepSeek-R1 has 40B active parameters, sources say.'), [['deepseek-v3', '50B', 'contradicted-figure', '-']]);
});
