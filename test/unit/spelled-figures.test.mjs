// Figures whose number is spelled out ("a trillion", "ten trillion", "两万亿", "九点七万亿") are read as sizes where the
// words say they count parameters, and left alone elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundled } from './helpers.mjs';

const findings = (text) => bundled().check(text).findings.filter((f) => f.severity !== 'hint').map((f) => [f.modelId, f.text, f.ruleId]);
/** The figure a sentence about GPT-5.5 states, as the check reads it (text and value), or [] when it reads none. */
const figureOf = (number, noun = ' parameters') => bundled().check(`GPT-5.5 has ${number}${noun}.`).claims.map((c) => [c.figure.text, c.figure.value]);

test('spelled numbers before a large unit are read with their values', () => {
  for (const [number, value] of [
    ['two billion', 2e9],
    ['one point two trillion', 1.2e12],
    ['one hundred and seventy-five billion', 1.75e11],
    ['four hundred five billion', 4.05e11],
    ['twenty seven billion', 2.7e10],
    ['fifty-six billion', 5.6e10],
    ['six hundred billion', 6e11],
    ['a hundred and nine billion', 1.09e11],
    ['half a trillion', 5e11],
    ['Twelve million', 12e6],
    ['两万亿', 2e12],
    ['一千七百五十亿', 1.75e11],
    ['两千五百亿', 2.5e11],
    ['两千五亿', 2.5e11],
    ['十五亿', 1.5e9],
    ['九点七万亿', 9.7e12],
    ['一千零五十亿', 1.05e11],
  ]) {
    assert.deepEqual(figureOf(number), [[number, value]], number);
  }
  assert.deepEqual(bundled().check('GPT-5.5 is a ten-trillion-parameter model.').claims.map((c) => [c.figure.text, c.figure.value]), [['ten-trillion', 1e13]]);
  // Digits keep their own reading, with no second figure from the words around them.
  for (const [number, value] of [['1.5万亿', 1.5e12], ['2千亿', 2e11], ['1.5 trillion', 1.5e12]]) assert.deepEqual(figureOf(number), [[number, value]], number);
});

test('runs that are no single number, and units that are no unit, give no figure', () => {
  for (const number of ['十亿', '百亿', '千亿', '数十亿', '两三千亿', '十几亿', '一百多亿', '十万亿', 'billions of', 'someone trillion', 'a trillion', 'a quarter of a trillion', 'two three billion', 'hundred billion', 'five and six billion']) {
    assert.deepEqual(figureOf(number), [], number);
  }
});

test('a spelled figure is checked where the words say it counts parameters', () => {
  assert.deepEqual(findings('GPT-5.5 has nearly ten trillion parameters.'), [['gpt-5.5', 'ten trillion', 'superseded-figure']]);
  assert.deepEqual(findings('GPT-5.5 有九点七万亿参数。'), [['gpt-5.5', '九点七万亿', 'superseded-figure']]);
  assert.deepEqual(findings('Mixtral 8x7B 有五百六十亿参数。'), [['mixtral-8x7b', '五百六十亿', 'contradicted-figure']]);
  assert.deepEqual(findings('Mixtral 8x7B has half a trillion parameters.'), [['mixtral-8x7b', 'half a trillion', 'contradicted-figure']]);
  // A spelled figure gets no fix: a digit in the writer's words would not be the writer's format.
  assert.equal(bundled().check('GPT-5.5 有九点七万亿参数。').findings[0].fix, undefined);
  for (const text of [
    'Kimi K2 has a trillion parameters.',
    'GLaM has one point two trillion parameters.',
    'Gemma 3 27B has twenty-seven billion parameters.',
    'GPT-3 has one hundred seventy five billion parameters.',
    'GPT-3 has a hundred and seventy-five billion parameters.',
    'DeepSeek-V3 and Kimi K2 have 671 billion and one trillion parameters.',
    'Kimi K2 has one trillion total parameters and 32 billion active.',
    'Kimi K2 是一个一万亿参数的模型。',
    'DeepSeek-V3 拥有六千七百一十亿参数。',
    'GPT-3 的一千七百五十亿参数在当时很惊人。',
    'GPT-5.5 有一点五万亿参数。',
  ]) {
    assert.deepEqual(findings(text), [], text);
  }
});

test('a spelled figure that counts something else, or names a class of models, is no size', () => {
  for (const text of [
    'Llama 3.1 405B has been downloaded a million times.',
    'Kimi K2 has a million users and a trillion parameters.',
    'Mixtral 8x7B is one of a billion-dollar company\'s models.',
    'DeepSeek-V3 用了一亿美元训练。',
    'DeepSeek V4 is a trillion-parameter model.',
    // "a trillion" is a round idiom ("the first model with a trillion parameters"), and a count before "billion-parameter" counts models.
    'Switch Transformer was the first model with a trillion parameters.',
    'Google released two billion-parameter Gemma 3 variants alongside Gemma 3 27B.',
    'GPT-3 has 175 billion parameters, not a trillion.',
    'GPT-4 据传有近两万亿参数。',
    'Mixtral 8x7B has two billion users.',
    '千亿参数模型 DeepSeek-V3 已开源。',
  ]) {
    assert.deepEqual(findings(text), [], text);
  }
});
