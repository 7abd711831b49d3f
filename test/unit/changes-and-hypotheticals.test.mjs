// A figure a change started from ("down from the 9.7T", "9.7T → 1.5T", "从 9.7 万亿下调到"), a hypothetical ("If GPT-5.5 had 9.7T")
// and a reported belief ("Sources say", "Some analysts believe", "一度被传为") are not the writer's claims; the figure a change
// arrives at, and the writer's own belief, are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, FIXTURES, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'changes-and-hypotheticals.md'), 'utf8');
const silent = (text) => bundled().check(text).findings.filter((f) => f.severity === 'warning').length === 0;

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
  // "from" without a change word is a range or a source, not an old value.
  assert.equal(silent('Llama 3.1 ranges from 8B to 90B.'), false);
  assert.equal(silent('GPT-5.5 went from 9.7T to 1.5T in the estimates.'), true);
  // A label after the figure must say the value is old: "(recalculated)" is not such a label.
  assert.equal(silent('GPT-5.5: 9.7T (recalculated).'), false);
  assert.equal(silent('GPT-5.5: 9.7T (rumoured).'), true);
});

// Each new cue is narrow: the same words in a writer's plain claim leave a wrong figure flagged (a second review's cases).
const STILL_CLAIMS = [
  ['If you want to self-host DeepSeek-V3 and its 800B parameters, you will need a rack of H100s.', 'deepseek-v3 800B'],
  ['Even if Llama 3.1 405B has 450B parameters, it fits on a single node.', 'llama-3.1-405b 450B'],
  ["The question is whether Kimi K2's 2T parameters justify the serving cost.", 'kimi-k2 2T'],
  ["Imagine running DeepSeek-V3's 800B parameters on a laptop.", 'deepseek-v3 800B'],
  ['Developers should expect the 800B DeepSeek-V3 to need eight GPUs.', 'deepseek-v3 800B'],
  ["The calculation assumes FP8 weights for DeepSeek-V3's 800B parameters.", 'deepseek-v3 800B'],
  ['It would be a mistake to underestimate Kimi K2 and its 2T parameters.', 'kimi-k2 2T'],
  ['Kimi K2 可以为开发者提供 2T 参数的开源模型。', 'kimi-k2 2T'],
  ['月之暗面在一年一度的 WAIC 大会上发布了 2T 参数的 Kimi K2。', 'kimi-k2 2T'],
  ['如果要部署 8000 亿参数的 DeepSeek-V3，需要 8 张 H100。', 'deepseek-v3 8000 亿'],
  ['Llama 3.1 scales up to 500B parameters.', 'llama-3.1 500B'],
  ['Llama 3.1 405B is a 450B dense decoder-only Transformer.', 'llama-3.1-405b 450B'],
  ['DeepSeek-V3 has 800B parameters including its MTP module.', 'deepseek-v3 800B'],
  ['Mixtral 8x7B is a mixture of experts with 56B parameters.', 'mixtral-8x7b 56B'],
  ['Llama 3.1 405B stacks 126 layers with 450B parameters.', 'llama-3.1-405b 450B'],
  ['Llama 3.1 is offered in 8B to 450B sizes.', 'llama-3.1 450B'],
  ['Qwen3 的参数规模为 6 亿到 3000 亿。', 'qwen3 3000 亿'],
  ['DeepSeek-V3 was scaled up from the 250B DeepSeek-V2.', 'deepseek-v2 250B'],
  ['Many teams have moved from the 800B DeepSeek-V3 to Qwen3.', 'deepseek-v3 800B'],
  ['DeepSeek-V3 went from 800B in the paper to production.', 'deepseek-v3 800B'],
  ['Distillation: DeepSeek-R1 800B → DeepSeek-R1-Distill-Qwen-7B.', 'deepseek-r1 800B'],
  ["Llama 3.1 450B (initial release, July 2024) remains Meta's largest open model.", 'llama-3.1 450B'],
  ['Kimi K2 2T (early access) is available today.', 'kimi-k2 2T'],
  ['DeepSeek-V3 only uses 50B of its 671B parameters for each token.', 'deepseek-v3 50B'],
];
test('cue words in a writer\'s plain claim do not hide a wrong figure', () => {
  for (const [text, expected] of STILL_CLAIMS) {
    const got = bundled()
      .check(text)
      .findings.filter((f) => f.severity === 'warning')
      .map((f) => `${f.modelId} ${f.text}`);
    assert.deepEqual(got, [expected], text);
  }
  assert.equal(silent("Half of DeepSeek-V3's 37B active parameters sit in shared experts."), true);
});

test('a part of the model\'s parameters said to be active is its active figure; arithmetic and misquotations are no claims', () => {
  const w = (text) => bundled().check(text).findings.filter((f) => f.severity === 'warning').map((f) => `${f.modelId} ${f.text}${f.fix ? ' -> ' + f.fix.text : ''}`);
  assert.deepEqual(w("Only 37B of DeepSeek-V3's parameters are active at a time."), []);
  assert.deepEqual(w("Just 12.9B of Mixtral 8x7B's parameters are used per token."), []);
  assert.deepEqual(w("Only 40B of DeepSeek-V3's parameters are active at a time."), ['deepseek-v3 40B -> 37B']);
  assert.deepEqual(w('Naively, 8 × 7B gives 56B for Mixtral 8x7B; the real total is 46.7B.'), []);
  assert.deepEqual(w('8 × 7B would give 56B for Mixtral 8x7B, but the real total is 46.7B.'), []);
  assert.deepEqual(w('The 56B of Mixtral 8x7B is often misquoted.'), []);
  assert.deepEqual(w('The 56B of Mixtral 8x7B is impressive.'), ['mixtral-8x7b 56B -> 46.7B']);
});
