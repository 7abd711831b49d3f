// "X is an open 7B model": a copula between a name and a figure sizing an unnamed model makes that model the name.
// pickMention first looks past the blanks, quotes, "s" and commas that open the gap for the subject or copula, and
// skips the copula pattern when neither starts there. These pin what that first look must let through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { starter } from './helpers.mjs';

function claims(text) {
  return starter()
    .check(text)
    .claims.map((c) => `${c.mention.modelId} ${c.figure.text}`);
}

for (const text of [
  'GPT-5.5 is an open 9.7T model.',
  'GPT-5.5 was a 9.7T model.',
  'GPT-5.5, which is a huge 9.7T model.',
  "GPT-5.5's is a 9.7T model.",
  'GPT-5.5，这是一个 9.7T 模型。',
]) {
  test(`a copula binds the unnamed model to the name: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(claims(text), ['gpt-5.5 9.7T']);
  });
}

for (const text of ['GPT-5.5 — now a 9.7T model.', 'GPT-5.5 and a 9.7T model.']) {
  test(`no copula, no binding: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(claims(text), []);
  });
}
