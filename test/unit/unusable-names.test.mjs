// Names that cannot carry figures (unknown variants, derived models, classes, qualified configurations): isUnusable
// first looks at the characters after a name and skips its patterns when none can start there. These pin the
// edges of that first look: every separator, blank and letter a pattern may start on still makes the name unusable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { starter } from './helpers.mjs';

function claims(text) {
  return starter()
    .check(text)
    .claims.map((c) => `${c.mention.modelId} ${c.figure.text}`);
}

test('a plain name after which no pattern can start carries its figure', () => {
  assert.deepEqual(claims('GPT-5.5 has 9.7T parameters.'), ['gpt-5.5 9.7T']);
  assert.deepEqual(claims('| Model | Params |\n|---|---|\n| GPT-5.5 | 9.7T |\n'), ['gpt-5.5 9.7T']);
});

for (const text of [
  // A capital right after the name, or after a space, a no-break space, a hyphen or a non-breaking hyphen.
  'GPT-5.5 Mega has 9.7T parameters.',
  'GPT-5.5\u2011Mega has 9.7T parameters.',
  '| Model | Params |\n|---|---|\n| GPT-5.5 Mega | 9.7T |\n',
  // A version number after one separator.
  'GPT-5.5\u00a02 has 9.7T parameters.',
  // Derived models after any blanks and hyphens, the ideographic space among them.
  'GPT-5.5\u3000distilled models have 9.7T parameters.',
  'GPT-5.5 - distilled models have 9.7T parameters.',
  // A class of models: with /iu the long s ("ſ") reads as an "s".
  'GPT-5.5 style models have 9.7T parameters.',
  'GPT-5.5 \u017ftyle models have 9.7T parameters.',
  '| Model | Params |\n|---|---|\n| GPT-5.5 \u017ftyle | 9.7T |\n',
  'GPT-5.5 类模型有 9.7T 参数。',
  // A parenthesised configuration and a colon, however far the blanks before it run within its 60 characters.
  'GPT-5.5 (top-1 expert): 9.7T',
  `GPT-5.5${' '.repeat(40)}(top-1 expert): 9.7T`,
]) {
  test(`unusable name: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(claims(text), []);
  });
}

test('a configuration ending past 60 characters after the name does not qualify it', () => {
  assert.deepEqual(claims(`GPT-5.5${' '.repeat(50)}(top-1 expert): 9.7T`), ['gpt-5.5 9.7T']);
});
