// Issue 2 items 6-8: rules and messages, format-keeping fixes, disable directives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, starter } from './helpers.mjs';

const GPT55_SOURCE_CURRENT = 'https://www.chaobro.com/posts/gpt-5-5-parameter-recalibration-2026/';

test('superseded-figure: severity, range, fix, message naming model, figures, status and source', () => {
  const [f, ...rest] = starter().check('GPT-5.5 has 9.7T parameters.').findings;
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'superseded-figure');
  assert.equal(f.severity, 'warning');
  assert.equal(f.model, 'GPT-5.5');
  assert.equal(f.modelId, 'gpt-5.5');
  assert.equal(f.text, '9.7T');
  assert.deepEqual([f.start, f.end], [12, 16]);
  assert.deepEqual(f.fix, { start: 12, end: 16, text: '1.5T' });
  assert.equal(f.matched.value, 9.7e12);
  assert.equal(f.matched.status, 'superseded');
  assert.equal(f.expected.value, 1.5e12);
  assert.equal(f.expected.status, 'estimate');
  assert.equal(f.sourceUrl, GPT55_SOURCE_CURRENT);
  assert.equal(
    f.message,
    `GPT-5.5: 9.7T is the superseded figure (widely circulated early leaks/speculation); the current figure is 1.5T (estimate: researcher recalculation; source ${GPT55_SOURCE_CURRENT})`,
  );
});

test('contradicted-figure with one current figure of the kind: fix and message', () => {
  const [f] = starter().check('Kimi K2 has 2T parameters.').findings;
  assert.equal(f.ruleId, 'contradicted-figure');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.fix, { start: 12, end: 14, text: '1T' });
  assert.equal(f.message, 'Kimi K2: 2T matches none of the known figures; the total figure is 1T (official; source https://github.com/MoonshotAI/Kimi-K2)');
});

test('contradicted-figure with several official sizes: no fix, message lists them', () => {
  const [f] = starter().check('Llama 3.1 has 500B parameters.').findings;
  assert.equal(f.ruleId, 'contradicted-figure');
  assert.equal(f.fix, undefined);
  assert.equal(f.message, 'Llama 3.1: 500B matches none of the known figures (8B total (official), 70B total (official), 405B total (official))');
});

test('kind-mismatch: "DeepSeek-V3, a 37B-parameter model" (active stated as size)', () => {
  const [f, ...rest] = starter().check('DeepSeek-V3, a 37B-parameter model, is fast.').findings;
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'kind-mismatch');
  assert.equal(f.text, '37B');
  assert.deepEqual([f.start, f.end], [15, 18]);
  assert.deepEqual(f.fix, { start: 15, end: 18, text: '671B' });
  assert.match(f.message, /^DeepSeek-V3: 37B is its active parameter count, stated as its size; the total figure is 671B \(official: model card; source https:\/\/github\.com\/deepseek-ai\/DeepSeek-V3\)$/);
});

test('kind-mismatch: the total called active ("46.7B active")', () => {
  const [f] = starter().check('Mixtral 8x7B has 46.7B active parameters.').findings;
  assert.equal(f.ruleId, 'kind-mismatch');
  assert.deepEqual(f.fix, { start: 17, end: 22, text: '12.9B' });
  assert.match(f.message, /46\.7B is its total parameter count, stated as active; the active figure is 12\.9B/);
});

test('unverified-figure: information, no fix, names vendor and recorded figures', () => {
  const [f] = starter().check('GPT-5.5 has 3T parameters.').findings;
  assert.equal(f.ruleId, 'unverified-figure');
  assert.equal(f.severity, 'information');
  assert.equal(f.fix, undefined);
  assert.equal(
    f.message,
    'GPT-5.5: 3T is unverified: OpenAI never disclosed a size and the fact base records no such estimate (recorded: 9.7T total (superseded), 1.5T total (estimate))',
  );
});

test('matching figures give no finding', () => {
  for (const t of ['GPT-5.5 has 1.5T parameters.', 'DeepSeek-V3 has 671B parameters.', 'DeepSeek-V3 has 37B active parameters.', 'Llama 3.1 has 70B parameters.']) {
    assert.deepEqual(starter().check(t).findings, [], t);
  }
});

test('severities option: a rule can be raised or turned off', () => {
  const t = 'GPT-5.5 has 9.7T parameters.';
  assert.equal(starter().check(t, { severities: { 'superseded-figure': 'error' } }).findings[0].severity, 'error');
  assert.deepEqual(starter().check(t, { severities: { 'superseded-figure': 'off' } }).findings, []);
  // Turning a rule off does not hide the claim.
  assert.equal(starter().check(t, { severities: { 'superseded-figure': 'off' } }).claims.length, 1);
});

test('DEFAULT_SEVERITY and RULE_IDS are the public interface', () => {
  assert.deepEqual([...core.RULE_IDS], ['superseded-figure', 'contradicted-figure', 'kind-mismatch', 'unverified-figure', 'release-date', 'misspelled-name', 'unknown-variant', 'availability-mismatch', 'compound-sizes']);
  assert.deepEqual(core.DEFAULT_SEVERITY, {
    'superseded-figure': 'warning',
    'contradicted-figure': 'warning',
    'kind-mismatch': 'warning',
    'unverified-figure': 'information',
    'release-date': 'warning',
    'misspelled-name': 'warning',
    'unknown-variant': 'warning',
    'availability-mismatch': 'warning',
    'compound-sizes': 'warning',
  });
});

// Item 7: fixes keep the writer's format.
const FIXES = [
  ['GPT-5.5 has 9.7T parameters.', '9.7T', '1.5T'],
  ['GPT-5.5 has 9.7 trillion parameters.', '9.7 trillion', '1.5 trillion'],
  ['GPT-5.5 has 9,700 billion parameters.', '9,700 billion', '1,500 billion'],
  ['The 9.7-trillion-parameter GPT-5.5 is here.', '9.7-trillion', '1.5-trillion'],
  ['GPT-5.5 的参数为9.7万亿。', '9.7万亿', '1.5万亿'],
  ['GPT-5.5 has 9700 billion parameters.', '9700 billion', '1500 billion'],
  ['GPT-5.5 has 9.7tn parameters.', '9.7tn', '1.5tn'],
  ['GPT-5.5 has 9.7 T parameters.', '9.7 T', '1.5 T'],
];

// A value that would run to thousands or fall below one in the writer's unit is written in the next unit of the
// same style, unless the writer writes numbers that size ("9,700 billion" above, "0.3T" here).
const UNIT_FIXES = [
  ['Llama 3.1 405B has 350M parameters.', '350M', '405B'],
  ['Kimi K2 has 40b parameters.', '40b', '1t'],
  ['DeepSeek-V3 has 14.8T parameters.', '14.8T', '671B'],
  ['Kimi K2 has 12B active parameters.', '12B', '32B'],
  ['Kimi K2 has 3 trillion parameters.', '3 trillion', '1 trillion'],
  ['DeepSeek-V3 has 6 trillion parameters.', '6 trillion', '671 billion'],
  ['DeepSeek-V3 has 1.4tn parameters.', '1.4tn', '671bn'],
  ['DeepSeek-V3 的参数为1.6万亿。', '1.6万亿', '6710亿'],
  ['DeepSeek-V3 的参数为 16000 亿。', '16000 亿', '6710 亿'],
  ['Llama 3.1 405B 的参数为 40 亿。', '40 亿', '4050 亿'],
  ['DeepSeek-V3 has 0.3T parameters.', '0.3T', '0.671T'],
];
for (const [what, rule, cases] of [
  ['fix keeps the format', 'superseded-figure', FIXES],
  ["fix in the writer's unit style", 'contradicted-figure', UNIT_FIXES],
]) {
  for (const [text, from, to] of cases) {
    test(`${what}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`, () => {
      const [f, ...rest] = starter().check(text).findings;
      assert.deepEqual(rest, []);
      assert.equal(f.ruleId, rule);
      assert.equal(text.slice(f.fix.start, f.fix.end), from);
      assert.equal(f.fix.text, to);
      const fixed = core.applyEdits(text, [f.fix]);
      assert.equal(fixed, text.replace(from, to));
      assert.deepEqual(starter().check(fixed).findings, []);
    });
  }
}

test('"9.7-trillion-parameter" fixes to "1.5-trillion-parameter" in the text', () => {
  const text = 'The 9.7-trillion-parameter GPT-5.5 is here.';
  const fixed = core.applyEdits(text, starter().check(text).findings.map((f) => f.fix));
  assert.equal(fixed, 'The 1.5-trillion-parameter GPT-5.5 is here.');
});

test('applying every fix, then checking again, leaves no superseded-figure', () => {
  const text = [
    '# GPT-5.5 has 9.7T parameters',
    '',
    'GPT-5.5 has 9.7 trillion parameters, and GPT-5.5 has 9,700 billion parameters.',
    '',
    '| Model | Params |',
    '|---|---|',
    '| GPT-5.5 | 9.7T |',
    '| Kimi K2 | 2T |',
    '',
    'GPT-5.5 的参数为9.7万亿。The 9.7-trillion-parameter GPT-5.5 again.',
    '',
  ].join('\n');
  const before = starter().check(text).findings;
  assert.equal(before.filter((f) => f.ruleId === 'superseded-figure').length, 6);
  const fixed = core.applyEdits(text, before.filter((f) => f.fix).map((f) => f.fix));
  const after = starter().check(fixed).findings;
  assert.deepEqual(after, []);
  assert.ok(fixed.includes('| Kimi K2 | 1T |'));
  assert.ok(fixed.includes('GPT-5.5 的参数为1.5万亿。'));
});

test('applyEdits: sorts, drops overlaps and out-of-range edits', () => {
  assert.equal(core.applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }]), 'AbcdEf');
  assert.equal(core.applyEdits('abcdef', [{ start: 1, end: 3, text: 'X' }, { start: 2, end: 4, text: 'Y' }]), 'aXdef');
  assert.equal(core.applyEdits('abc', [{ start: 2, end: 9, text: 'Z' }]), 'abc');
  assert.equal(core.applyEdits('abc', [{ start: 3, end: 3, text: '!' }]), 'abc!');
  assert.equal(core.applyEdits('abc', []), 'abc');
});

// Item 8: directives.
const LINE = 'GPT-5.5 has 9.7T parameters.';
function lines(text) {
  const pos = core.createPositionMap(text);
  return starter()
    .check(text)
    .findings.map((f) => pos(f.start).line);
}

test('factlint-disable / factlint-enable', () => {
  const text = `${LINE}\n\n<!-- factlint-disable -->\n${LINE}\n\n${LINE}\n<!-- factlint-enable -->\n\n${LINE}\n`;
  assert.deepEqual(lines(text), [1, 9]);
});

test('factlint-disable without enable runs to the end', () => {
  assert.deepEqual(lines(`${LINE}\n\n<!-- factlint-disable -->\n\n${LINE}\n\n${LINE}\n`), [1]);
});

test('factlint-disable-next-line affects only the next line', () => {
  assert.deepEqual(lines(`<!-- factlint-disable-next-line -->\n${LINE}\n${LINE}\n`), [3]);
});

test('factlint-disable-line affects only its own line', () => {
  assert.deepEqual(lines(`${LINE} <!-- factlint-disable-line -->\n${LINE}\n`), [2]);
});

test('directives naming another rule do not disable this one', () => {
  assert.deepEqual(lines(`<!-- factlint-disable-next-line contradicted-figure -->\n${LINE}\n`), [2]);
  assert.deepEqual(lines(`${LINE} <!-- factlint-disable-line kind-mismatch -->\n`), [1]);
});

test('directives naming the rule disable it, and only it', () => {
  const text = `<!-- factlint-disable superseded-figure -->\n${LINE}\nKimi K2 has 2T parameters.\n<!-- factlint-enable superseded-figure -->\n${LINE}\n`;
  const pos = core.createPositionMap(text);
  assert.deepEqual(
    starter()
      .check(text)
      .findings.map((f) => [f.ruleId, pos(f.start).line]),
    [
      ['contradicted-figure', 3],
      ['superseded-figure', 5],
    ],
  );
  assert.deepEqual(lines(`<!-- factlint-disable-next-line superseded-figure contradicted-figure -->\n${LINE}\n`), []);
});
