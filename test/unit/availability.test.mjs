// availability-mismatch: a size whose weights are public, called internal or unreleased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, core, FIXTURES, REPO, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'availability.md'), 'utf8');
const rulesOf = (text, checker = bundled()) => checker.check(text).findings.map((f) => f.ruleId);

// The corpus's source error (cklxx/mini-llm, state_of_the_art_research.md line 61), shaped as written there.
const CORPUS_SHAPED = '### 2.4 Meta Llama 3.1/3.2 开源与企业版\n- **模型尺寸**：公开权重覆盖 8B、70B、405B；企业内部提供 11B/90B 对齐版本，配套指令、工具、代码能力增强。\n';

test('the fixture gets exactly the expected findings, on the expected lines', () => {
  const got = bundled()
    .check(FIXTURE)
    .findings.map((f) => `${lineOf(FIXTURE, f.start)} ${f.ruleId} ${f.text} ${f.modelId} ${f.severity}`);
  assert.deepEqual(got, [
    '4 availability-mismatch 11B llama-3.2-11b-vision warning',
    '4 availability-mismatch 90B llama-3.2-90b-vision warning',
    '6 availability-mismatch 90B llama-3.2-90b-vision warning',
    '8 availability-mismatch 405B llama-3.1-405b warning',
    '10 availability-mismatch 90B llama-3.2-90b-vision warning',
    '10 availability-mismatch 405B llama-3.1-405b warning',
    '14 availability-mismatch 11B llama-3.2-11b-vision warning',
  ]);
});

test('the corpus-shaped sentence: both sizes of the compound heading\'s Llama 3.2, on the figures, with typed data', () => {
  const findings = bundled().check(CORPUS_SHAPED).findings;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.start, f.end, CORPUS_SHAPED.slice(f.start, f.end), f.modelId]),
    [
      ['availability-mismatch', CORPUS_SHAPED.indexOf('11B'), CORPUS_SHAPED.indexOf('11B') + 3, '11B', 'llama-3.2-11b-vision'],
      ['availability-mismatch', CORPUS_SHAPED.indexOf('90B'), CORPUS_SHAPED.indexOf('90B') + 3, '90B', 'llama-3.2-90b-vision'],
    ],
  );
  const [f] = findings;
  assert.equal(f.model, 'Llama 3.2 11B Vision');
  assert.equal(f.text, '11B');
  assert.deepEqual(f.availability, { cue: '企业内部提供', recorded: { date: '2024-09-25', what: 'weights' } });
  assert.equal(f.matched.label, '11B');
  assert.match(f.sourceUrl, /^https:\/\//);
  assert.equal(
    f.message,
    `Llama 3.2 11B Vision: the draft calls 11B internal or unreleased ("企业内部提供"), but the fact base records its weights as released on 2024-09-25; source ${f.sourceUrl}`,
  );
  assert.equal(f.fix, undefined);
  // The sizes the draft calls public are Llama 3.1's and get nothing.
  assert.ok(findings.every((x) => !['8B', '70B', '405B'].includes(x.text)));
});

test('an English equivalent fires on the figure', () => {
  const text = "Meta's internal 90B version of Llama 3.2 Vision powers its assistant.";
  const [f, ...rest] = bundled().check(text).findings;
  assert.deepEqual(rest, []);
  assert.deepEqual([f.ruleId, f.start, f.end, f.modelId, f.availability.cue], ['availability-mismatch', text.indexOf('90B'), text.indexOf('90B') + 3, 'llama-3.2-90b-vision', 'internal']);
  assert.match(f.message, /^Llama 3\.2 90B Vision: .*"internal".*2024-09-25; source https:\/\//);
});

test('more shapes of the claim, English and Chinese', () => {
  for (const [text, figure, cue] of [
    ['The 405B version of Llama 3.1 was never publicly released.', '405B', 'never publicly released'],
    ['Llama 3.1 (405B) is internal-only.', '405B', 'internal-only'],
    ["Meta's unreleased Llama 3.1 (405B) is big.", '405B', 'unreleased'],
    ['Llama 3.2 90B Vision was never released.', '90B', 'never released'],
    ['Gemma 2 (27B) has not been open-sourced.', '27B', 'not been open-sourced'],
    ['Llama 3.2 的 90B 版本仅供内部使用。', '90B', '仅供内部使用'],
    ['Qwen2.5 的 72B 版本目前未开源。', '72B', '未开源'],
    ['Llama 3.2 (90B) 是内部版本。', '90B', '内部版本'],
    ['Meta 尚未公开 Llama 3.2 的 90B 版本。', '90B', '尚未公开'],
    // The heading one block up: the same reading as within the block.
    ['### Meta Llama 3.1/3.2\n\n- 企业内部提供 11B 版本。', '11B', '企业内部提供'],
  ]) {
    const found = bundled().check(text).findings;
    assert.deepEqual(
      found.map((f) => [f.ruleId, text.slice(f.start, f.end), f.availability?.cue]),
      [['availability-mismatch', figure, cue]],
      text,
    );
  }
});

test('ordinary uses of "internal" and 内部, and negated, bounded, dated or first-person cues, get nothing', () => {
  for (const text of [
    'Internal benchmarks show Llama 3.2 90B beats GPT-4o.',
    'Internal benchmarks show Llama 3.2 (90B) beats GPT-4o.',
    "Llama 3.1 405B's internal layers number 126.",
    'Llama 3.1 (405B) internal evaluation shows gains.',
    'The 70B model of Llama 3.1 uses internal representations.',
    'Llama 3.2 (90B) is used internally at Meta.',
    'Llama 3.2 (90B) 模型内部结构复杂。',
    'Llama 3.2 (90B) 内部使用了交叉注意力层。',
    '企业内部部署 Llama 3.1 70B 已很常见。',
    '在企业内部使用 Llama 3.1（70B）需要授权。',
    // Not about the weights: data, details, a report.
    'Llama 3.2 的 90B 训练数据未公开。',
    'Meta 尚未公开 90B 版本的训练细节。',
    'DeepSeek-V3（671B）未公开的训练细节很多。',
    'Qwen2.5-72B 未发布技术报告。',
    'The 90B model of Llama 3.2 has not published results.',
    // Negated, bounded by a place or a licence, dated before the release, asked, or about the writer's own model.
    "Llama 3.2's 90B model is not an internal version.",
    'Llama 3.2 (90B) 不是内部版本。',
    'Llama 3.2 11B and 90B were not released in the EU.',
    'The 405B model of Llama 3.1 had weights not released under Apache 2.0.',
    'In 2023, the 405B version of Llama 3.1 was still unreleased.',
    'Before July 2024, Llama 3.1 (405B) was internal.',
    'Is Llama 3.1 (405B) internal-only?',
    'Our internal 70B model is based on Llama 3.1.',
    // A size named beside another model, or sizing an indefinite one.
    'Mistral 7B was released; the unreleased 70B model is rumored.',
    '## Llama 3.1\n\nMeta also trained an unreleased 70B model.',
  ]) {
    assert.deepEqual(rulesOf(text).filter((r) => r === 'availability-mismatch'), [], text);
  }
});

test('models whose weights were never released, or a size the family never shipped, get nothing', () => {
  for (const text of [
    // Llama 4 Behemoth: previewed, never released (released.what: preview).
    "Meta's internal 2T version of Llama 4 Behemoth was only previewed.",
    // GPT-3: a paper, no weights.
    'GPT-3 (175B) was never open-sourced.',
    // Llama 2's weights are public, but its 34B (in the paper) was never released: only a sized entry or a one-size model counts.
    "Llama 2's 34B version was never released.",
    '## Llama 2\n\nThe 34B model was never released.',
  ]) {
    assert.deepEqual(rulesOf(text).filter((r) => r === 'availability-mismatch'), [], text);
  }
});

test('a model without a recorded release gets nothing; the same model released as weights does', () => {
  const yaml = (released) => `schema: 1
asOf: 2026-11-25
models:
  - id: acme-90b
    name: Acme 90B
    aliases: []
    vendor: Acme
${released}    disclosed: true
    architecture: dense
    figures:
      - { value: 90B, kind: total, status: official, source: "https://example.com/acme", stated: 2025-01 }
`;
  const checkerOf = (released) => {
    const parsed = core.parseFactBase('acme.yaml', yaml(released));
    assert.ok(parsed.base, JSON.stringify(parsed.problems));
    return core.createChecker(parsed.base);
  };
  const text = "Acme's internal 90B version of Acme 90B is fast.";
  assert.deepEqual(rulesOf(text, checkerOf('')), []);
  assert.deepEqual(rulesOf(text, checkerOf('    released: { date: 2025-01-01, what: api }\n')), []);
  const [f] = checkerOf('    released: { date: 2025-01-01, what: weights }\n').check(text).findings;
  assert.equal(f?.ruleId, 'availability-mismatch');
  // Without a release source, the figure's source is cited.
  assert.equal(f.sourceUrl, 'https://example.com/acme');
});

test('availability-mismatch obeys severities and disable comments like the other rules', () => {
  const text = 'Llama 3.1 (405B) is internal-only.';
  assert.deepEqual(bundled().check(text, { severities: { 'availability-mismatch': 'off' } }).findings, []);
  assert.equal(bundled().check(text, { severities: { 'availability-mismatch': 'error' } }).findings[0].severity, 'error');
  assert.deepEqual(bundled().check(`<!-- factlint-disable-next-line availability-mismatch -->\n${text}`).findings, []);
  assert.equal(core.parseProjectConfig('.factlint.yaml', 'rules:\n  availability-mismatch: off\n').problems.length, 0);
});

test('a session agrees with a fresh check while the compound heading above is edited', () => {
  const checker = bundled();
  const session = checker.session();
  const plain = (r) => JSON.parse(JSON.stringify(r.findings));
  const body = '\n\nIntro.\n\n- 企业内部提供 11B 版本。\n';
  for (const heading of ['### Meta Llama 3.1/3.2', '### Meta Llama 3.1/3.3', '### Meta Llama 3.1/3.2', '### Meta Llama 3.1', '### Meta Llama 3.1/3.2']) {
    const text = heading + body;
    assert.deepEqual(plain(session.check(text)), plain(checker.check(text)), text);
  }
  assert.equal(checker.check(`### Meta Llama 3.1/3.2${body}`).findings.length, 1);
  assert.equal(checker.check(`### Meta Llama 3.1/3.3${body}`).findings.length, 0);
});

test('the extension setting lists every rule, the new one included', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(pkg.contributes.configuration.properties['factlint.rules'].properties), [...core.RULE_IDS]);
});
