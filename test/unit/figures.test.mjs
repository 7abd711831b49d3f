// Issue 2 item 3: parameter figures — formats, units, non-parameter numbers, rounding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { starter } from './helpers.mjs';

function claims(text) {
  return starter()
    .check(text)
    .claims.map((c) => ({ model: c.mention.modelId, text: c.figure.text, value: c.figure.value, verdict: c.verdict }));
}

// Each spelling of GPT-5.5's current 1.5T estimate: one claim, parsed to 1.5e12, that matches.
const MATCHING = [
  ['GPT-5.5 has 1.5T parameters.', '1.5T'],
  ['GPT-5.5 has 1.5 T parameters.', '1.5 T'],
  ['GPT-5.5 has 1.5 trillion parameters.', '1.5 trillion'],
  ['GPT-5.5 has 1.5tn parameters.', '1.5tn'],
  ['GPT-5.5 has 1,500B parameters.', '1,500B'],
  ['GPT-5.5 has 1500 billion parameters.', '1500 billion'],
  ['The 1.5-trillion-parameter GPT-5.5 is here.', '1.5-trillion'],
  ['GPT-5.5 has ~1.5T parameters.', '1.5T'],
  ['GPT-5.5 has 1.5e12 parameters.', '1.5e12'],
  ['GPT-5.5 的参数为1.5万亿。', '1.5万亿'],
  ['GPT-5.5 的参数为15000亿。', '15000亿'],
  ['GPT-5.5 has about 1.5 trillion parameters.', '1.5 trillion'],
];
for (const [text, figure] of MATCHING) {
  test(`figure ${JSON.stringify(figure)} parses to 1.5e12 and matches GPT-5.5`, () => {
    assert.deepEqual(claims(text), [{ model: 'gpt-5.5', text: figure, value: 1.5e12, verdict: 'matches' }]);
    assert.deepEqual(starter().check(text).findings, []);
  });
}

test('"GPT-5.5 has 9.7tn parameters." → superseded-figure with fix "1.5tn"', () => {
  const [f, ...rest] = starter().check('GPT-5.5 has 9.7tn parameters.').findings;
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'superseded-figure');
  assert.equal(f.text, '9.7tn');
  assert.deepEqual([f.start, f.end], [12, 17]);
  assert.deepEqual(f.fix, { start: 12, end: 17, text: '1.5tn' });
});

test('"12.9B active" is an active figure and matches Mixtral 8x7B', () => {
  const c = starter().check('Mixtral 8x7B has 12.9B active parameters.').claims;
  assert.equal(c.length, 1);
  assert.equal(c[0].figure.text, '12.9B');
  assert.equal(c[0].figure.statedKind, 'active');
  assert.equal(c[0].figure.value, 12.9e9);
  assert.equal(c[0].verdict, 'matches');
  assert.equal(c[0].matched.kind, 'active');
});

test('"8x220B" is a product: 1.76T, matching GPT-4', () => {
  const c = starter().check('GPT-4 has 8x220B parameters.').claims;
  assert.equal(c.length, 1);
  assert.equal(c[0].figure.text, '8x220B');
  assert.ok(Math.abs(c[0].figure.value - 1.76e12) < 1e3, String(c[0].figure.value));
  assert.equal(c[0].verdict, 'matches');
  assert.equal(c[0].matched.value, 1.76e12);
});

test('"200-400B" is a range with low/high ends', () => {
  const c = starter().check('GPT-5.5 has 200-400B parameters.').claims;
  assert.equal(c.length, 1);
  assert.equal(c[0].figure.text, '200-400B');
  assert.equal(c[0].figure.low, 200e9);
  assert.equal(c[0].figure.high, 400e9);
  assert.equal(c[0].figure.value, 300e9);
  assert.equal(c[0].figure.hedged, true);
  // Neither 1.5T nor 9.7T lies in it: GPT-5.5 is undisclosed, so it is unverified (information).
  assert.equal(c[0].verdict, 'unverified-figure');
});

test('a range that covers the current figure matches', () => {
  assert.deepEqual(claims('GPT-5.5 has 1-2T parameters.'), [{ model: 'gpt-5.5', text: '1-2T', value: 1.5e12, verdict: 'matches' }]);
});

const NOT_PARAMETERS = [
  ['tokens', 'GPT-5.5 was trained on 15T tokens.'],
  ['tokens (noun after)', 'GPT-5.5 saw 15T tokens during training.'],
  ['money ($)', 'GPT-5.5 cost $1.5 trillion.'],
  ['money (Chinese)', 'GPT-5.5 的训练花费2.5亿美元。'],
  ['bytes', 'GPT-5.5 weights take 2.3TB.'],
  ['context length', 'GPT-5.5 has a 128K context.'],
  ['GPU-hours', 'GPT-5.5 took 30M GPU-hours.'],
  ['H100 hours', 'GPT-5.5 took 3.2M H100 hours.'],
  ['users', 'GPT-5.5 has 800M users.'],
  ['year', 'GPT-5.5 launched in 2026.'],
  ['valuation', 'GPT-5.5 maker OpenAI is valued at 500B.'],
];
for (const [name, text] of NOT_PARAMETERS) {
  test(`not a parameter count: ${name}`, () => {
    const r = starter().check(text);
    assert.deepEqual(r.claims, [], JSON.stringify(r.claims.map((c) => c.figure.text)));
    assert.deepEqual(r.findings, []);
    assert.equal(r.mentions.length >= 1, true);
  });
}

test('a year next to a figure does not disturb it', () => {
  assert.deepEqual(claims('GPT-5.5 launched in 2026 with 1.5T parameters.'), [{ model: 'gpt-5.5', text: '1.5T', value: 1.5e12, verdict: 'matches' }]);
});

test('rounding: "47B" matches Mixtral 8x7B\'s 46.7B', () => {
  const c = starter().check('Mixtral 8x7B has 47B parameters.').claims;
  assert.equal(c.length, 1);
  assert.equal(c[0].verdict, 'matches');
  assert.equal(c[0].matched.value, 46.7e9);
});

test('rounding: "~47B" (hedged) also matches 46.7B', () => {
  const c = starter().check('Mixtral 8x7B has ~47B parameters.').claims;
  assert.equal(c[0].figure.hedged, true);
  assert.equal(c[0].verdict, 'matches');
});

test('rounding: "1.5T" does not match GPT-4\'s 1.76T', () => {
  const c = starter().check('GPT-4 has 1.5T parameters.').claims;
  assert.equal(c.length, 1);
  assert.notEqual(c[0].verdict, 'matches');
  assert.equal(c[0].matched, undefined);
});

test('rounding: "1.76T" and "1.8T" both match GPT-4\'s rumoured figures (no warning), "1.2T" is superseded', () => {
  const a = starter().check('GPT-4 has 1.76T parameters.').claims[0];
  assert.equal(a.verdict, 'matches');
  assert.equal(a.matched.value, 1.76e12);
  const b = starter().check('GPT-4 has 1.8T parameters.').claims[0];
  assert.equal(b.verdict, 'matches');
  assert.equal(b.matched.status, 'rumor');
  const [f] = starter().check('GPT-4 has 1.2T parameters.').findings;
  assert.equal(f.ruleId, 'superseded-figure');
  assert.deepEqual(f.fix, { start: 10, end: 14, text: '1.76T' });
});

test('precision: "1.5T" carries a 0.1T rounding step; "1,500B" a 1B step', () => {
  assert.equal(starter().check('GPT-5.5 has 1.5T parameters.').claims[0].figure.precision, 1e11);
  assert.equal(starter().check('GPT-5.5 has 1,500B parameters.').claims[0].figure.precision, 1e9);
});

// A lower bound ("40B+", "over 40B", "40B 以上") claims "not below 40B": DeepSeek-V3's official 37B active contradicts it,
// though a hedge's 10% would let "about 40B" stand for 37B.
const LOWER_BOUNDS = [
  'DeepSeek-V3 has 40B+ active parameters.',
  'DeepSeek-V3 has over 40B active parameters.',
  'DeepSeek-V3 has more than 40B active parameters.',
  'DeepSeek-V3 has at least 40B active parameters.',
  'DeepSeek-V3 has 40B or more active parameters.',
  'DeepSeek-V3 的活跃参数在 40B 以上。',
  'DeepSeek-V3 的活跃参数超过 40B。',
  'DeepSeek-V3 的活跃参数至少 40B。',
];
for (const text of LOWER_BOUNDS) {
  test(`lower bound below no official figure: ${JSON.stringify(text)} is contradicted, without a fix`, () => {
    const [c, ...more] = starter().check(text).claims;
    assert.equal(more.length, 0);
    assert.equal(c.figure.atLeast, true);
    assert.equal(c.figure.statedKind, 'active');
    const [f, ...rest] = starter().check(text).findings;
    assert.equal(rest.length, 0);
    assert.equal(f.ruleId, 'contradicted-figure');
    assert.equal(f.text, '40B');
    assert.equal(f.expected.value, 37e9);
    assert.match(f.message, /^DeepSeek-V3: at least 40B matches none of the known figures; the active figure is 37B/);
    // "37B+" or "over 37B" would still misstate the figure.
    assert.equal(f.fix, undefined);
  });
}

test('a lower bound at or below the figure fits; a plain hedge still reaches both ways', () => {
  for (const text of [
    'DeepSeek-V3 has 36B+ active parameters.',
    'DeepSeek-V3 has over 36B active parameters.',
    'DeepSeek-V3 has at least 37B active parameters.',
    'DeepSeek-V3 的活跃参数在 36B 以上。',
    'DeepSeek-V3 has about 40B active parameters.',
    'DeepSeek-V3 has ~40B active parameters.',
  ]) {
    assert.deepEqual(claims(text).map((c) => c.verdict), ['matches'], text);
  }
  // A bound holds for every value on its side, however far: "over 20B" is true of 37B, "over 600B" of 671B.
  assert.deepEqual(claims('DeepSeek-V3 has over 20B active parameters.').map((c) => c.verdict), ['matches']);
  assert.deepEqual(claims('DeepSeek-V3 has over 600B parameters.').map((c) => c.verdict), ['matches']);
});

/** A sentence without findings whose first claim's figure has `key` set to `value`. */
function assertCleanWith(text, key, value) {
  const found = starter().check(text);
  assert.deepEqual(found.findings, [], text);
  assert.equal(found.claims[0]?.figure[key], value, text);
}

// An upper bound ("fewer than 9.7T", "不到 250 亿") claims "not above": true of every smaller figure, and without a fix
// when it is not (the bound word would stay around the new number).
test('an upper bound holds for every figure below it and is contradicted by one above', () => {
  for (const text of [
    'GPT-5.5 has far fewer than 9.7T parameters.',
    'GPT-5.5 is nowhere near 9.7T parameters.',
    'GPT-5.5 参数量远低于 9.7 万亿。',
    'Mixtral 8x7B has less than 56B parameters because experts share attention layers.',
    'Mixtral 8x7B has under 50B parameters.',
    'Mixtral 8x7B has 50B parameters or less.',
    'DeepSeek-V3 has no more than 40B active parameters.',
    'DeepSeek-V3 的激活参数不到 40B。',
    'DeepSeek-V3 的激活参数不超过 40B。',
    'DeepSeek-V3 has not more than 40B active parameters.',
    'DeepSeek-V3 的总参数在 7000 亿以下。',
  ]) {
    assertCleanWith(text, 'atMost', true);
  }
  const [f, ...rest] = starter().check('DeepSeek-V3 has fewer than 30B active parameters.').findings;
  assert.deepEqual(rest, []);
  assert.equal(f.ruleId, 'contradicted-figure');
  assert.match(f.message, /^DeepSeek-V3: at most 30B matches none of the known figures; the active figure is 37B/);
  assert.equal(f.fix, undefined);
  // The bound is of the kind stated: 37B active is not "under 40B" of the total.
  assert.equal(starter().check('DeepSeek-V3 has under 40B total parameters.').findings[0]?.ruleId, 'contradicted-figure');
});

test('the words between "active parameters" and the figure: a copula, a count, "only", a bound', () => {
  for (const text of [
    "DeepSeek-V3's active parameter count is 37B.",
    "DeepSeek-V3's active parameter count is just 37B.",
    'DeepSeek-V3 的激活参数是 37B。',
    'DeepSeek-V3 的激活参数仅 370 亿。',
    'DeepSeek-V3 的激活参数达到 370 亿。',
  ]) {
    assertCleanWith(text, 'statedKind', 'active');
  }
  assert.equal(starter().check("DeepSeek-V3's active parameter count is 47B.").findings[0]?.expected?.value, 37e9);
});

test('a range whose ends both carry a unit is one figure; "from 8B to 90B" stays two sizes', () => {
  for (const [text, written] of [
    ['Mixtral 8x7B has between 40B and 50B parameters.', '40B and 50B'],
    ['Mixtral 8x7B has 40B to 50B parameters.', '40B to 50B'],
    ['Mixtral 8x7B has 40B–50B parameters.', '40B–50B'],
    ['Mixtral 8x7B has 40B~50B parameters.', '40B~50B'],
    ['Mixtral 8x7B 参数量在 400 亿到 500 亿之间。', '400 亿到 500 亿'],
    ['Mixtral 8x7B 参数量为 400 亿至 500 亿。', '400 亿至 500 亿'],
  ]) {
    const found = starter().check(text);
    assert.deepEqual(found.claims.map((c) => [c.figure.text, c.figure.low, c.figure.high, c.verdict]), [[written, 40e9, 50e9, 'matches']], text);
  }
  // Out of range: one finding on the whole range, without a fix.
  const [f, ...rest] = starter().check('Mixtral 8x7B has between 60B and 70B parameters.').findings;
  assert.deepEqual(rest, []);
  assert.equal(f.text, '60B and 70B');
  assert.equal(f.fix, undefined);
  // "and" without "between" joins two figures; units of different sizes are no range; a falling pair is none.
  assert.equal(starter().check('Mixtral 8x7B has 40B and 50B parameters.').claims.length, 2);
  assert.equal(starter().check('Mixtral 8x7B has 46.7B to 12.9T parameters.').claims.length, 2);
  assert.equal(starter().check('Mixtral 8x7B has 50B to 40B parameters.').claims.length, 2);
  assert.deepEqual(starter().check('Llama 3.1 ranges from 8B to 90B.').findings.map((x) => x.text), ['90B']);
});

test('a "+" between two figures is a sum, not a bound; "about" is no bound', () => {
  assert.equal(starter().check('DeepSeek-V3 has 36B + 1B active parameters.').claims[0]?.figure.atLeast, false);
  assert.equal(starter().check('DeepSeek-V3 has 36B+1B active parameters.').claims[0]?.figure.atLeast, false);
  assert.equal(starter().check('DeepSeek-V3 has about 40B active parameters.').claims[0].figure.atLeast, false);
});

test('a figure with only blanks around it (a table cell) reads as plain: not hedged, no stated kind', () => {
  const text = '| Model | Params |\n|---|---|\n| GPT-5.5 | 1.5T |\n| GPT-5.5 | ~1.5T |\n\nGPT-5.5: 1.5T\n\nGPT-5.5 ( 1.5T )';
  assert.deepEqual(
    starter()
      .check(text)
      .claims.map((c) => [c.figure.text, c.figure.hedged, c.figure.explicitParameters, c.figure.statedKind, c.figure.atLeast]),
    [
      ['1.5T', false, true, undefined, false],
      ['1.5T', true, true, undefined, false],
      ['1.5T', false, false, undefined, false],
      ['1.5T', false, false, undefined, false],
    ],
  );
});

// A side of a figure that masking left blank (code, a link) is read as empty, not run through each pattern: the
// words on the other side still say what the figure is.
test('a figure next to masked code keeps the reading of the words on its other side', () => {
  const code = `\`${'x'.repeat(70)}\``;
  const read = (text) =>
    starter()
      .check(text)
      .claims.map((c) => [c.mention.modelId, c.figure.text, c.figure.hedged, c.figure.atLeast, c.figure.explicitParameters, c.figure.statedKind ?? null]);
  assert.deepEqual(read(`GPT-5.5 has about 9.7T ${code}.`), [['gpt-5.5', '9.7T', true, false, false, null]]);
  assert.deepEqual(read(`GPT-5.5 has over 9.7T ${code}.`), [['gpt-5.5', '9.7T', true, true, false, null]]);
  assert.deepEqual(read(`GPT-5.5 has 9.7T ${code}.`), [['gpt-5.5', '9.7T', false, false, false, null]]);
  assert.deepEqual(read(`GPT-5.5 (${code} 9.7T parameters).`), [['gpt-5.5', '9.7T', false, false, true, null]]);
  assert.deepEqual(read(`GPT-5.5 has ${code} 9.7T+ active parameters.`), [['gpt-5.5', '9.7T', true, true, true, 'active']]);
});

// A run of blanks opening the words after a figure (a masked link or code span, then more words) is read as one
// space: the words after the run still say what the figure counts, and words past the 60 characters read after
// the figure still do not.
test('words after masked code next to a figure say what it counts, within the same reach as before', () => {
  const code = (n) => `\`${'x'.repeat(n)}\``;
  const read = (text) =>
    starter()
      .check(text)
      .claims.map((c) => [c.mention.modelId, c.figure.text, c.figure.hedged, c.figure.atLeast, c.figure.explicitParameters, c.figure.statedKind ?? null]);
  assert.deepEqual(read(`GPT-5.5 has 9.7T ${code(30)} tokens.`), []);
  assert.deepEqual(read(`GPT-5.5 has 9.7T ${code(30)} active parameters.`), [['gpt-5.5', '9.7T', false, false, true, 'active']]);
  assert.deepEqual(read(`GPT-5.5 is a 9.7T ${code(20)} model with 16 experts.`), [['gpt-5.5', '9.7T', false, false, false, 'active']]);
  assert.deepEqual(read(`GPT-5.5 has 9.7T+ ${code(30)} total parameters.`), [['gpt-5.5', '9.7T', true, true, true, 'total']]);
  // The reach is counted in the draft's characters, blanks included: "tokens" past it is not read.
  assert.deepEqual(read(`GPT-5.5 has 9.7T ${code(56)} tokens.`), [['gpt-5.5', '9.7T', false, false, false, null]]);
});

test('"only 37B fire for any given token" is active; "671B/37B total/active" gives each its kind; "800M weekly users" is no size', () => {
  const w = (text) => starter().check(text).findings.filter((f) => f.severity === 'warning').map((f) => `${f.modelId} ${f.text} ${f.ruleId}`);
  assert.deepEqual(w('DeepSeek-V3 has 671B parameters, but only 37B fire for any given token.'), []);
  assert.deepEqual(w('DeepSeek-V3 has 671B parameters, but only 47B fire for any given token.'), ['deepseek-v3 47B contradicted-figure']);
  assert.deepEqual(w('DeepSeek-V3 has 671B/37B total/active parameters.'), []);
  assert.deepEqual(w('DeepSeek-V3 has 671B/47B total/active parameters.'), ['deepseek-v3 47B contradicted-figure']);
  assert.deepEqual(starter().check('GPT-5.5 drew 800M weekly users within weeks.').findings, []);
});

test('a table column labelled with both kinds ("Params (total/active)") reads "671B/37B" as one of each', () => {
  const w = (text) => starter().check(text).findings.filter((f) => f.severity === 'warning').map((f) => `${f.modelId} ${f.text} ${f.ruleId}`);
  assert.deepEqual(w('| Model | Params (total/active) |\n|---|---|\n| DeepSeek-V3 | 671B/37B |\n'), []);
  assert.deepEqual(w('| 模型 | 总参数 / 激活参数 |\n|---|---|\n| DeepSeek-V3 | 671B/37B |\n'), []);
  assert.deepEqual(w('| Model | Params (total/active) |\n|---|---|\n| DeepSeek-V3 | 671B/47B |\n'), ['deepseek-v3 47B contradicted-figure']);
});
