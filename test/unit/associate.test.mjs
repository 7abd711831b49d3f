// Issue 2 items 4 and 5: tying figures to models, and figures the draft itself distances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, core, starter, FIXTURES } from './helpers.mjs';

function claims(text) {
  return starter()
    .check(text)
    .claims.map((c) => [c.mention.modelId, c.figure.text, c.verdict]);
}

test('same sentence: "GPT-5.5 has 9.7T parameters"', () => {
  assert.deepEqual(claims('GPT-5.5 has 9.7T parameters.'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
});

test('figure before the name: "the 9.7-trillion-parameter GPT-5.5"', () => {
  const r = starter().check('We tested the 9.7-trillion-parameter GPT-5.5 today.');
  assert.deepEqual(
    r.claims.map((c) => [c.mention.modelId, c.figure.text, c.verdict]),
    [['gpt-5.5', '9.7-trillion', 'superseded-figure']],
  );
  assert.deepEqual([r.findings[0].start, r.findings[0].end], [14, 26]);
});

test('apposition: "GPT-5.5, at 9.7T, is big."', () => {
  assert.deepEqual(claims('GPT-5.5, at 9.7T, is big.'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
});

test('parenthesis: "GPT-5.5 (9.7T)" binds backwards even without a parameter noun', () => {
  assert.deepEqual(claims('OpenAI shipped GPT-5.5 (9.7T) this spring.'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
});

test('two models in one sentence bind each figure to its own model', () => {
  assert.deepEqual(claims('DeepSeek-V3 (671B) and Llama 3.1 (405B) are open.'), [
    ['deepseek-v3', '671B', 'matches'],
    ['llama-3.1', '405B', 'matches'],
  ]);
});

test('a swapped pair is flagged on both', () => {
  const f = starter().check('DeepSeek-V3 (405B) and Llama 3.1 (671B) are open.').findings;
  assert.deepEqual(
    f.map((x) => [x.ruleId, x.modelId, x.text, x.start]),
    [
      ['contradicted-figure', 'deepseek-v3', '405B', 13],
      ['contradicted-figure', 'llama-3.1', '671B', 34],
    ],
  );
  assert.deepEqual(f[0].fix, { start: 13, end: 17, text: '671B' });
  // Llama 3.1 has three official totals: no single fix.
  assert.equal(f[1].fix, undefined);
});

test('two clauses: "Kimi K2 has 1T parameters, GPT-5.5 has 9.7T parameters."', () => {
  assert.deepEqual(claims('Kimi K2 has 1T parameters, GPT-5.5 has 9.7T parameters.'), [
    ['kimi-k2', '1T', 'matches'],
    ['gpt-5.5', '9.7T', 'superseded-figure'],
  ]);
});

test('table with Model and Params columns binds row by row', () => {
  const text = '| Model | Params |\n|---|---|\n| DeepSeek-V3 | 671B |\n| Llama 3.1 | 671B |\n| GPT-5.5 | 9.7T |\n';
  assert.deepEqual(claims(text), [
    ['deepseek-v3', '671B', 'matches'],
    ['llama-3.1', '671B', 'contradicted-figure'],
    ['gpt-5.5', '9.7T', 'superseded-figure'],
  ]);
});

test('table with a "Parameters (B)" header takes unitless numbers in that unit', () => {
  const text = '| Model | Parameters (B) |\n|---|---|\n| DeepSeek-V3 | 671 |\n| Kimi K2 | 2000 |\n';
  const r = starter().check(text);
  assert.deepEqual(
    r.claims.map((c) => [c.mention.modelId, c.figure.text, c.figure.value, c.verdict]),
    [
      ['deepseek-v3', '671', 671e9, 'matches'],
      ['kimi-k2', '2000', 2000e9, 'contradicted-figure'],
    ],
  );
});

test('Chinese table header "参数"', () => {
  const text = '| 模型 | 参数 |\n|---|---|\n| GPT-5.5 | 9.7万亿 |\n';
  assert.deepEqual(claims(text), [['gpt-5.5', '9.7万亿', 'superseded-figure']]);
});

test('a list item whose title (own paragraph) names the model', () => {
  assert.deepEqual(claims('- GPT-5.5 details\n\n  It has 9.7T parameters.\n'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
});

test('nested list: the parent item\'s title names the model', () => {
  assert.deepEqual(claims('- GPT-5.5\n  - It has 9.7T parameters.\n'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
  assert.deepEqual(claims('- **GPT-5.5**\n  - Size: 9.7T parameters\n  - Vendor: OpenAI\n'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
});

test('a paragraph naming one model: a later sentence with "parameters" binds to it', () => {
  assert.deepEqual(claims('GPT-5.5 shipped in April. It has 9.7T parameters.'), [['gpt-5.5', '9.7T', 'superseded-figure']]);
});

test('a figure with no model anywhere is not a claim', () => {
  assert.deepEqual(claims('The model has 9.7T parameters.'), []);
});

// Item 5: context.
test('the context fixture (negation, "initially estimated", "early leaks", "rumoured", labelled table row) gets no warning', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'md', 'context.md'), 'utf8');
  const r = starter().check(text);
  assert.deepEqual(r.findings.filter((f) => f.severity !== 'information' && f.severity !== 'hint'), []);
  const pos = core.createPositionMap(text);
  const ninePointSeven = r.claims.filter((c) => c.figure.value === 9.7e12);
  assert.deepEqual(
    ninePointSeven.map((c) => [pos(c.figure.start).line, c.distanced, c.verdict]),
    [
      [3, true, 'unchecked'],
      [5, true, 'unchecked'],
      [7, true, 'unchecked'],
      [9, true, 'unchecked'],
      [15, true, 'unchecked'],
    ],
  );
  // The current figures in the same text are still read and match.
  assert.deepEqual(
    r.claims.filter((c) => c.figure.value === 1.5e12).map((c) => [pos(c.figure.start).line, c.verdict]),
    [
      [3, 'matches'],
      [16, 'matches'],
    ],
  );
});

for (const text of [
  "GPT-5.5's parameter count is not the widely circulated 9.7 trillion, but 1.5 trillion.",
  'GPT-5.5 was initially estimated at 9.7T.',
  'Early leaks put GPT-5.5 at 9.7T.',
  'GPT-5.5 is rumoured to be 9.7T.',
  'GPT-5.5 is rumored to have 9.7T parameters.',
  'Is GPT-5.5 really 9.7T?',
]) {
  test(`distanced: ${JSON.stringify(text)}`, () => {
    const r = starter().check(text);
    assert.deepEqual(r.findings, []);
    const c = r.claims.find((x) => x.figure.value === 9.7e12);
    assert.ok(c, 'the 9.7T figure is still read as a claim');
    assert.equal(c.distanced, true);
  });
}

test('"≠" between a name and a figure negates it like "is not"; "=" asserts it', () => {
  const read = (text) => bundled().check(text);
  for (const text of ['Mixtral 8x7B ≠ 56B', 'Mixtral 8x7B ≠ 56B parameters.', '| Model | Params |\n|---|---|\n| Mixtral 8x7B | ≠ 56B |\n']) {
    const r = read(text);
    assert.deepEqual(r.findings, [], text);
    assert.deepEqual(r.claims.map((c) => [c.figure.text, c.distanced]), [['56B', true]], text);
  }
  for (const text of ['Mixtral 8x7B = 56B', 'Mixtral 8x7B has 56B parameters.']) {
    assert.deepEqual(read(text).findings.map((f) => [f.ruleId, f.modelId, f.text]), [['contradicted-figure', 'mixtral-8x7b', '56B']], text);
  }
});

test('an unlabelled row in the same table still gets its warning', () => {
  const text = 'GPT-5.5 parameter estimates:\n\n| Estimate | Parameters | Source |\n|---|---|---|\n| Initial estimate | 9.7T | Early leaks/speculation |\n| Current | 9.7T | OpenAI |\n';
  const f = starter().check(text).findings;
  assert.deepEqual(
    f.map((x) => [x.ruleId, core.createPositionMap(text)(x.start).line]),
    [['superseded-figure', 6]],
  );
});

test('distancing is per clause: the undistanced clause is still checked', () => {
  const f = starter().check('Early leaks said 9.7T for GPT-5.5; in fact GPT-5.5 has 9.7T parameters.').findings;
  assert.equal(f.length, 1);
  assert.equal(f[0].start, 55);
});

test('a compound name ("Llama 3.1/3.2") carries no figures, whether in the same block or one above', () => {
  const bundledClaims = (text) => bundled().check(text).claims.map((c) => [c.mention.modelId, c.figure.text]);
  const item = '- 公开权重覆盖 8B、70B、405B 参数；企业内部提供 11B/90B 参数的对齐版本。';
  // The same heading, with and without a blank line (one block or two): the same reading.
  assert.deepEqual(bundledClaims(`### Meta Llama 3.1/3.2 开源与企业版\n${item}`), []);
  assert.deepEqual(bundledClaims(`### Meta Llama 3.1/3.2 开源与企业版\n\n${item}`), []);
  const table = '| Variant | Parameters |\n|---|---|\n| small | 11B |';
  assert.deepEqual(bundledClaims(`We compare Meta Llama 3.1/3.2 below.\n${table}`), []);
  assert.deepEqual(bundledClaims(`We compare Meta Llama 3.1/3.2 below.\n\n${table}`), []);
  // A plain name still heads its section from the block above.
  assert.deepEqual(bundledClaims(`### Meta Llama 3.1\n\n${item.replace('11B/90B', '8B')}`).length > 0, true);
});

test('a preposition ties a figure to the name after it: "405B for Llama 3.1", "the 46.7B of Mixtral 8x7B"; "in" does not', () => {
  assert.deepEqual(claims('DeepSeek-V3 has 671B parameters, compared with 405B for Llama 3.1.'), [
    ['deepseek-v3', '671B', 'matches'],
    ['llama-3.1', '405B', 'matches'],
  ]);
  assert.deepEqual(claims('DeepSeek-V3 is over ten times the 46.7B of Mixtral 8x7B.'), [['mixtral-8x7b', '46.7B', 'matches']]);
  assert.deepEqual(claims('DeepSeek-V3 has 671B parameters, against 2T for Kimi K2.'), [
    ['deepseek-v3', '671B', 'matches'],
    ['kimi-k2', '2T', 'contradicted-figure'],
  ]);
  // "1T parameters in the DeepSeek-V3 mold" is Kimi K2's own size, in the style of another model.
  assert.deepEqual(claims('Kimi K2 has 1T parameters in the DeepSeek-V3 mold.'), [['kimi-k2', '1T', 'matches']]);
});

test('sizes compared after a sized name are the family\'s: "Llama 3.1 8B vs 70B"', () => {
  assert.deepEqual(
    bundled().check('Llama 3.1 8B vs 90B: the 90B model is far stronger.').findings.filter((f) => f.severity === 'warning').map((f) => [f.modelId, f.text]),
    [
      ['llama-3.1', '90B'],
      ['llama-3.1', '90B'],
    ],
  );
  assert.deepEqual(
    bundled().check('Llama 3.1 8B vs 70B: the 70B model is far stronger.').findings.filter((f) => f.severity === 'warning'),
    [],
  );
});

test('a part of a whole: "37B of its 671B parameters", "32B of Kimi K2\'s 1T parameters are active"', () => {
  const kinds = (text) => starter().check(text).claims.map((c) => [c.mention.modelId, c.figure.text, c.figure.statedKind ?? null, c.verdict]);
  assert.deepEqual(kinds('DeepSeek-V3 activates 37B of its 671B parameters for each token.'), [
    ['deepseek-v3', '37B', 'active', 'matches'],
    ['deepseek-v3', '671B', 'total', 'matches'],
  ]);
  assert.deepEqual(kinds("Only 32B of Kimi K2's 1T parameters are active per token."), [
    ['kimi-k2', '32B', 'active', 'matches'],
    ['kimi-k2', '1T', 'total', 'matches'],
  ]);
  // A part that is not said to be active is no size of the model; the whole still is.
  assert.deepEqual(kinds('DeepSeek-V3: 13B of its 671B parameters are embeddings.'), [['deepseek-v3', '671B', 'total', 'matches']]);
  assert.deepEqual(kinds('DeepSeek-V3 activates 47B of its 671B parameters for each token.').map((c) => c[3]), ['contradicted-figure', 'matches']);
});
