// compound-sizes: one version's sizes given to a compound name ("Llama 3/2（7B/13B/70B）") that names a version lacking some.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, core, FIXTURES, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'compound-sizes.md'), 'utf8');
const compoundOf = (text, checker = bundled()) => checker.check(text).findings.filter((f) => f.ruleId === 'compound-sizes');
/** Each finding as [start, end, the text there]. */
const rangesOf = (text, findings) => findings.map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
/** The range of the `n`th occurrence (from 0) of `s` in `text`. */
const at = (text, s, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
  return [i, i + s.length, s];
};

// The corpus's source error (cklxx/mini-llm, state_of_the_art_research.md line 151), as written there.
const CORPUS_LINE = '- **模型尺寸**：基于 Llama 3/2（7B/13B/70B）与外部视觉编码器，并衍生出 90B/405B 内部版本。\n';
const LLAMA3_CARD = 'https://github.com/meta-llama/llama-models/blob/main/models/llama3/MODEL_CARD.md';

test('the fixture gets exactly the expected findings, on the expected lines', () => {
  const got = bundled()
    .check(FIXTURE)
    .findings.map((f) => `${lineOf(FIXTURE, f.start)} ${f.ruleId} ${f.text} ${f.modelId} ${f.severity}`);
  assert.deepEqual(got, [
    '3 compound-sizes 7B llama-3 warning',
    '3 compound-sizes 13B llama-3 warning',
    '5 compound-sizes 7B llama-3 warning',
    '5 compound-sizes 13B llama-3 warning',
    '7 compound-sizes 2B gemma-3 warning',
    '7 compound-sizes 9B gemma-3 warning',
    '9 compound-sizes 1B llama-3.1 warning',
    '9 compound-sizes 3B llama-3.1 warning',
    '9 compound-sizes 11B llama-3.1 warning',
    '9 compound-sizes 90B llama-3.1 warning',
  ]);
});

test('the corpus line: 7B and 13B, the sizes Llama 3 lacks, with the message, typed data and no fix', () => {
  const findings = bundled().check(CORPUS_LINE).findings;
  assert.deepEqual(rangesOf(CORPUS_LINE, findings), [at(CORPUS_LINE, '7B'), at(CORPUS_LINE, '13B')]);
  for (const f of findings) {
    assert.equal(f.ruleId, 'compound-sizes');
    assert.equal(f.severity, 'warning');
    assert.equal(f.modelId, 'llama-3');
    assert.equal(f.model, 'Llama 3');
    assert.equal(f.sourceUrl, LLAMA3_CARD);
    assert.equal(f.fix, undefined);
    assert.equal(f.message, `Llama 3/2 (7B/13B/70B): 7B and 13B are Llama 2 sizes; Llama 3 comes in 8B, 70B and 400B (source ${LLAMA3_CARD})`);
    assert.deepEqual(f.compoundSizes, { compound: 'Llama 3/2', sizesOf: ['Llama 2'], lacking: [{ model: 'Llama 3', sizes: ['8B', '70B', '400B'] }] });
  }
  // The size both versions have is the writer's to list.
  assert.equal(findings[0].text, '7B');
  assert.equal(findings[0].matched.label, '7B');
  assert.equal(findings[1].matched.label, '13B');
});

test('an English equivalent fires on the same sizes', () => {
  const text = 'The adapter is based on Llama 3/2 (7B/13B/70B) and an external vision encoder.';
  const found = compoundOf(text);
  assert.deepEqual(rangesOf(text, found), [at(text, '7B'), at(text, '13B')]);
  assert.match(found[0].message, /^Llama 3\/2 \(7B\/13B\/70B\): 7B and 13B are Llama 2 sizes; Llama 3 comes in 8B, 70B and 400B \(source https:\/\//);
});

test('more shapes of compound and list, English and Chinese', () => {
  for (const [text, sizes] of [
    ['Llama 3/2 (7B, 13B and 70B) are popular.', ['7B', '13B']],
    ['Llama 3/2 (7B, 13B, and 70B parameters).', ['7B', '13B']],
    ['Llama 3 and 2 (7B/13B/70B)', ['7B', '13B']],
    ['Llama 3 & 2 (7B/13B)', ['7B', '13B']],
    ['Llama 3/2: 7B/13B/70B', ['7B', '13B']],
    ['**Llama 3/2**：7B、13B 和 70B。', ['7B', '13B']],
    ['基于 Llama 3 和 2（7B、13B 与 70B）微调。', ['7B', '13B']],
    ['Llama 3/2 (7B)', ['7B']],
    // The other order: Llama 3's sizes given to "Llama 2/3".
    ['Llama 2/3 (8B/70B)', ['8B']],
    ['Qwen2/2.5（3B/32B）', ['3B', '32B']],
    ['Gemma 3/2 (2B/9B/27B)', ['2B', '9B']],
    ['Llama 3.1 & 3.2 (1B, 3B, 11B and 90B)', ['1B', '3B', '11B', '90B']],
  ]) {
    const found = compoundOf(text);
    assert.deepEqual(rangesOf(text, found), sizes.map((s) => at(text, s)), text);
  }
});

test('union lists, shared sizes, unknown or undisclosed versions, far figures and names without sizes get nothing', () => {
  for (const text of [
    // Each version's sizes listed: the writer lists both.
    'Llama 2/3 (7B/8B/13B/70B)',
    'Llama 3/2 (7B, 8B, 13B and 70B)',
    'Phi-3 small/medium (7B/14B)',
    // A size both versions have.
    'Llama 2/3 (70B)',
    'Llama 3.1/3 (8B/70B)',
    // A version the fact base does not know, or whose size was never disclosed.
    'Llama 3/5 (7B/13B)',
    'GPT-4/3 (175B)',
    // The list is not right after the compound, or there is none.
    'Llama 3/2 with an external encoder (7B/13B/70B).',
    'Llama 3/2（开源）7B/13B/70B',
    'Llama 3/2 models are widely fine-tuned.',
    'Llama 3.1/3.2 开源与企业版',
    // Not a list of sizes: a range, token counts, a parenthesis that goes on, a lone version.
    'Llama 3/2 (7B-70B)',
    'Llama 3/2 (2T/15T tokens)',
    'Llama 3/2 (7B/13B models, and more)',
    'Llama 3 (7B/13B)',
    // A size that is another kind of figure of one version (Qwen2's 14B is an active count) leaves the list alone.
    'Qwen2/2.5（3B/14B/32B）',
  ]) {
    assert.deepEqual(compoundOf(text), [], text);
  }
});

test('compound-sizes obeys severities and disable comments like the other rules', () => {
  const text = 'Llama 3/2 (7B/13B/70B)';
  assert.deepEqual(bundled().check(text, { severities: { 'compound-sizes': 'off' } }).findings, []);
  assert.deepEqual(
    bundled()
      .check(text, { severities: { 'compound-sizes': 'information' } })
      .findings.map((f) => f.severity),
    ['information', 'information'],
  );
  assert.deepEqual(bundled().check(`<!-- factlint-disable-next-line compound-sizes -->\n${text}`).findings, []);
  assert.equal(core.parseProjectConfig('.factlint.yaml', 'rules:\n  compound-sizes: error\n').problems.length, 0);
});

test('a session agrees with a fresh check while the compound and its list are edited', () => {
  const checker = bundled();
  const session = checker.session();
  const plain = (r) => JSON.parse(JSON.stringify(r.findings));
  const counts = [];
  for (const line of ['Llama 3/2 (7B/13B/70B)', 'Llama 3/2 (7B/8B/13B/70B)', 'Llama 3/2 (7B/13B/70B)', 'Llama 3/3.1 (7B/13B/70B)', 'Llama 3/2 (7B/13B/70B)']) {
    const text = `# Notes\n\n${line}\n\nMore text.\n`;
    const got = plain(session.check(text));
    assert.deepEqual(got, plain(checker.check(text)), text);
    counts.push(got.length);
  }
  assert.deepEqual(counts, [2, 0, 2, 0, 2]);
});

test('many repeats of one compound and list are each flagged, with one message', () => {
  const text = 'Llama 3/2（7B/13B/70B）'.repeat(200);
  const found = compoundOf(text);
  assert.equal(found.length, 400);
  assert.equal(new Set(found.map((f) => f.message)).size, 1);
  assert.deepEqual(rangesOf(text, found.slice(-2)), [at(text, '7B', 199), at(text, '13B', 199)]);
});

test('one unknown or undisclosed version among several leaves the list alone; known and sized, each lacking version is named', () => {
  // Llama 2 and Llama 3 alone would give a finding: a third version the fact base does not know stops it.
  assert.deepEqual(compoundOf('Llama 3/2/5 (7B/13B)'), []);
  const yaml = (third) => `schema: 1
asOf: 2026-11-25
models:
  - id: acme-1
    name: Acme 1
    aliases: []
    vendor: Acme
    disclosed: true
    architecture: dense
    figures:
      - { value: 7B, kind: total, status: official, source: "https://example.com/acme-1", stated: 2025-01 }
      - { value: 13B, kind: total, status: official, source: "https://example.com/acme-1", stated: 2025-01 }
  - id: acme-2
    name: Acme 2
    aliases: []
    vendor: Acme
    disclosed: true
    architecture: dense
    figures:
      - { value: 8B, kind: total, status: official, source: "https://example.com/acme-2", stated: 2025-01 }
  - id: acme-3
    name: Acme 3
    aliases: []
    vendor: Acme
${third}`;
  const checkerOf = (third) => {
    const parsed = core.parseFactBase('acme.yaml', yaml(third));
    assert.ok(parsed.base, JSON.stringify(parsed.problems));
    return core.createChecker(parsed.base);
  };
  const text = 'Acme 2/1/3 (7B/13B)';
  const undisclosed = checkerOf('    disclosed: false\n    architecture: unknown\n    figures:\n      - { value: 9B, kind: total, status: estimate, source: "https://example.com/guess", stated: 2025-01 }\n');
  assert.deepEqual(compoundOf(text, undisclosed), []);
  const sized = checkerOf('    disclosed: true\n    architecture: dense\n    figures:\n      - { value: 30B, kind: total, status: official, source: "https://example.com/acme-3", stated: 2025-01 }\n');
  const found = compoundOf(text, sized);
  assert.deepEqual(rangesOf(text, found), [at(text, '7B'), at(text, '13B')]);
  assert.deepEqual(found[0].compoundSizes, { compound: 'Acme 2/1/3', sizesOf: ['Acme 1'], lacking: [{ model: 'Acme 2', sizes: ['8B'] }, { model: 'Acme 3', sizes: ['30B'] }] });
  assert.equal(found[0].message, 'Acme 2/1/3 (7B/13B): 7B and 13B are Acme 1 sizes; Acme 2 comes in 8B (source https://example.com/acme-2), Acme 3 in 30B (source https://example.com/acme-3)');
});
