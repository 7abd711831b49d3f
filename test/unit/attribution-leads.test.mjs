// A lead clause that attributes what follows to rumours, leaks or reports ("According to early leaks,", "据传，") distances it; one that names the vendor, rejects the source or turns does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, FIXTURES, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'attribution-leads.md'), 'utf8');
const warnings = (text) =>
  bundled()
    .check(text)
    .findings.filter((f) => f.severity === 'warning')
    .map((f) => [f.modelId, f.text, f.ruleId, f.speculation?.cue ?? '-']);

test('the fixture: reported figures are silent, asserted ones warn, on the expected lines', () => {
  const got = bundled()
    .check(FIXTURE)
    .findings.map((f) => `${lineOf(FIXTURE, f.start)} ${f.ruleId} ${f.modelId} ${f.text} ${f.severity} ${f.speculation?.cue ?? '-'}`);
  assert.deepEqual(got, [
    '33 contradicted-figure deepseek-r1 40B warning 推测',
    '37 superseded-figure gpt-5.5 9.7T warning -',
    '39 superseded-figure gpt-5.5 9.7T warning -',
    '41 contradicted-figure deepseek-v3 50B warning -',
    '43 contradicted-figure deepseek-v3 50B warning -',
    '45 superseded-figure gpt-5.5 9.7T warning -',
  ]);
});

const REPORTED = [
  'According to early leaks, GPT-5.5 has 9.7T parameters.',
  'Reportedly, GPT-5.5 has 9.7T parameters.',
  'Allegedly, GPT-5.5 has 9.7T parameters.',
  'According to reports, GPT-5.5 has 9.7T parameters.',
  'According to unnamed sources, GPT-5.5 has 9.7T parameters.',
  'Rumour has it, GPT-5.5 has 9.7T parameters.',
  'It is speculated, GPT-5.5 has 9.7T parameters.',
  'While unconfirmed, reports say GPT-5.5 has 9.7T parameters.',
  // The lead may follow a clause that opens the sentence, or a turn, or stand between subject and verb.
  'In March, according to early leaks, GPT-5.5 had 9.7T parameters.',
  'OpenAI says 1.5T. But reportedly, GPT-5.5 has 9.7T parameters.',
  'GPT-5.5, reportedly, has 9.7T parameters.',
  'Reportedly, the next model, GPT-5.5, has 9.7T parameters.',
  '- Rumoured: GPT-5.5 with 9.7T parameters.',
  'By most estimates, DeepSeek-V3 has 50B active parameters.',
  // Without a comma, "according to reports" and "据报道" are cues of the figure's own clause.
  'According to reports GPT-5.5 has 9.7T parameters.',
  '据传，GPT-5.5 的参数量为 9.7T。',
  '据称，GPT-5.5 的参数量为 9.7T。',
  '据报道，GPT-5.5 的参数量为 9.7T。',
  '据外媒报道，GPT-5.5 的参数量为 9.7T。',
  '有传言称，GPT-5.5 的参数量为 9.7T。',
  '有传言称：GPT-5.5 的参数量为 9.7T。',
  '有消息人士透露，GPT-5.5 的参数量为 9.7T。',
  '未经证实的消息称，GPT-5.5 的参数量为 9.7T。',
  '据报道 GPT-5.5 的参数量为 9.7T。',
  'GPT-5.5 据报道有 9.7T 参数。',
  '网传 GPT-5.5 有 9.7T 参数。',
  '据推测，DeepSeek-V3 活跃参数 50B。',
  '外界推测，DeepSeek-V3 活跃参数 50B。',
  '据估计，DeepSeek-V3 活跃参数 50B。',
  '据推测，DeepSeek-R1 活跃参数 40B+。',
  // A report of the writer's estimate is still a report.
  '据传，我们推测 DeepSeek-V3 活跃参数 50B。',
];
for (const text of REPORTED) {
  test(`an attribution lead reports what follows: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(warnings(text), []);
    assert.ok(bundled().check(text).claims.every((c) => c.distanced), 'distanced');
  });
}

const ASSERTED = [
  // Attribution to the vendor or a primary source asserts; "according to" alone is neutral.
  ['According to OpenAI, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['According to the paper, DeepSeek-V3 has 50B active parameters.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['According to the model card, DeepSeek-V3 has 50B active parameters.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['据 OpenAI 官方，GPT-5.5 有 9.7T 参数。', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['据官方消息，GPT-5.5 有 9.7T 参数。', 'gpt-5.5', '9.7T', 'superseded-figure'],
  // A lead that rejects, sets aside or confirms its source asserts the main clause.
  ['Contrary to rumours, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['Contrary to early leaks, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['Rumours aside, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['Despite the rumours, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['Confirming early leaks, OpenAI said GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['By official estimates, DeepSeek-V3 has 50B active parameters.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['Following the leak, Meta said Llama 3 has 13B parameters.', 'llama-3', '13B', 'contradicted-figure'],
  ['与传闻不同，GPT-5.5 有 9.7T 参数。', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['OpenAI 辟谣称，GPT-5.5 有 9.7T 参数。', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['泄露事件后，Meta 称 Llama 3 有 13B 参数。', 'llama-3', '13B', 'contradicted-figure'],
  // So does one that measures against it.
  ['Compared with early leaks, DeepSeek-V3 has 50B active parameters.', 'deepseek-v3', '50B', 'contradicted-figure'],
  ['与此前传闻相比，DeepSeek-V3 活跃参数 50B。', 'deepseek-v3', '50B', 'contradicted-figure'],
  // A lead naming a model or stating a figure is a statement of its own.
  ['According to GPT-5 leaks, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['Early leaks said 3T, GPT-5.5 has 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  // Temporal words are no attribution; "数据传输" (data transfer) holds no "据传".
  ['In early 2024, GPT-5.5 had 9.7T parameters.', 'gpt-5.5', '9.7T', 'superseded-figure'],
  ['数据传输，GPT-5.5 有 9.7T 参数。', 'gpt-5.5', '9.7T', 'superseded-figure'],
];
for (const [text, model, figure, rule] of ASSERTED) {
  test(`no attribution lead, so the figure is checked: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(warnings(text), [[model, figure, rule, '-']]);
  });
}

test('a contrastive turn ends the lead\'s reach: the figures after it are the writer\'s again', () => {
  for (const text of [
    'Reportedly, GPT-5.5 had 9.7T parameters, but DeepSeek-V3 has 50B active parameters.',
    'Reportedly, GPT-5.5 had 9.7T parameters, however DeepSeek-V3 has 50B active parameters.',
    'Reportedly, GPT-5.5 had 9.7T parameters while DeepSeek-V3 has 50B active parameters.',
    'Reportedly, GPT-5.5 had 9.7T parameters, in fact DeepSeek-V3 has 50B active parameters.',
    '据传，GPT-5.5 有 9.7T 参数，不过 DeepSeek-V3 活跃参数 50B。',
    '据传，GPT-5.5 有 9.7T 参数，但 DeepSeek-V3 活跃参数 50B。',
    '据传，GPT-5.5 有 9.7T 参数，而 DeepSeek-V3 活跃参数 50B。',
    '据传，GPT-5.5 有 9.7T 参数，DeepSeek-V3 却只有 50B 活跃参数。',
    '据传，GPT-5.5 有 9.7T 参数，实际上 DeepSeek-V3 活跃参数 50B。',
  ]) {
    assert.deepEqual(warnings(text), [['deepseek-v3', '50B', 'contradicted-figure', '-']], text);
  }
  // Without a turn the lead reaches the sentence end; a sentence end (or a semicolon) ends it too.
  assert.deepEqual(warnings('Reportedly, GPT-5.5 had 9.7T parameters, and DeepSeek-V3 has 50B active parameters.'), []);
  assert.deepEqual(warnings('Reportedly, GPT-5.5 had 9.7T parameters. DeepSeek-V3 has 50B active parameters.'), [['deepseek-v3', '50B', 'contradicted-figure', '-']]);
  assert.deepEqual(warnings('据传，GPT-5.5 有 9.7T 参数；DeepSeek-V3 活跃参数 50B。'), [['deepseek-v3', '50B', 'contradicted-figure', '-']]);
});

test('a lead that rejects the leaks asserts the main clause: a right figure there is a match, not a distanced one', () => {
  assert.deepEqual(
    bundled()
      .check('Contrary to early leaks, GPT-5.5 has 1.5T parameters.')
      .claims.map((c) => [c.figure.text, c.verdict, c.distanced]),
    [['1.5T', 'matches', false]],
  );
});

test('a lead holding the writer\'s own estimate stays the writer\'s: it is checked, with its word', () => {
  assert.deepEqual(warnings('我们推测，DeepSeek-V3 活跃参数 50B。'), [['deepseek-v3', '50B', 'contradicted-figure', '推测']]);
  assert.deepEqual(warnings('我们推测，DeepSeek-R1 活跃参数 40B+。'), [['deepseek-r1', '40B', 'contradicted-figure', '推测']]);
  assert.deepEqual(warnings('By our estimates, DeepSeek-V3 has 50B active parameters.'), [['deepseek-v3', '50B', 'contradicted-figure', 'our estimates']]);
  // Someone else's estimate in the lead is a report.
  assert.deepEqual(warnings('据推测，DeepSeek-R1 活跃参数 40B+。'), []);
  assert.deepEqual(warnings('Analysts speculate, DeepSeek-V3 has 50B active parameters.'), []);
});

test('words that turn only at a clause opening do not end the lead inside one', () => {
  for (const text of [
    'Reportedly, GPT-5.5, not yet released, has 9.7T parameters.',
    'Reportedly, GPT-5.5 has a rather large 9.7T parameters.',
    'Reportedly, OpenAI instead gave GPT-5.5 9.7T parameters.',
    // "不过 50B" is "merely 50B"; the "但" of "不但" (not only) is no "but".
    '据传，DeepSeek-V3 活跃参数不过 50B。',
    '据传，GPT-5.5 不但有 9.7T 参数。',
    // "而且" is "and also".
    '据传，GPT-5 有 1.8T 参数，而且 DeepSeek-V3 活跃参数 50B。',
  ]) {
    assert.deepEqual(warnings(text), [], text);
  }
});
