// Pins the shortcuts of the one-shot check: the name prefilter read as an empty match, names taken from the draft
// rather than a block's masked copy, possible findings noted block by block, and claimless blocks placed without state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { starter } from './helpers.mjs';

const spans = (r) => r.mentions.map((m) => [m.modelId, m.text, m.start, m.end]);

test('names right after a candidate that names nothing, and names back to back, are all found', () => {
  // "GPT-5.55" is a candidate that resolves to no name; the search goes on from its next character.
  const text = 'GPT-5.55 GPT-5.5 and GPT-5.5, GPT-5.5-mini.';
  const r = starter().check(text);
  assert.deepEqual(spans(r), [
    ['gpt-5.5', 'GPT-5.5', 9, 16],
    ['gpt-5.5', 'GPT-5.5', 21, 28],
    ['gpt-5.5-mini', 'GPT-5.5-mini', 30, 42],
  ]);
});

test('a long name in a block with masked stretches reads as the draft writes it, and one spanning a masked stretch as masked', () => {
  const plain = 'See [the card](https://example.com/x) for Claude Opus 4.7 and Llama 3.1 405B.\n';
  assert.deepEqual(
    starter()
      .check(plain)
      .mentions.map((m) => [m.text, plain.slice(m.start, m.end)]),
    [
      ['Claude Opus 4.7', 'Claude Opus 4.7'],
      ['Llama 3.1 405B', 'Llama 3.1 405B'],
    ],
  );
  const spanning = 'Try Claude `x` Opus 4.7 and [a](b) Llama 3.1 405B now.\n';
  assert.deepEqual(
    starter()
      .check(spanning)
      .mentions.map((m) => m.text),
    ['Claude     Opus 4.7', 'Llama 3.1 405B'],
  );
});

test('findings noted block by block come out in draft order, with related findings linked', () => {
  const text = ['# GPT-5.5', '', 'GPT-5.5 has 9.7T parameters.', '', 'A note without claims.', '', 'GPT-5.5 has 2T parameters.', ''].join('\n');
  const r = starter().check(text);
  const starts = r.findings.map((f) => f.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  // A session that read the draft before, then the same draft again, gives the same result as a one-shot check.
  const s = starter().session();
  s.check(`${text}x`);
  assert.deepEqual(JSON.parse(JSON.stringify(s.check(text))), JSON.parse(JSON.stringify(r)));
});

test('a one-shot check and a session agree on a draft of claimless blocks, headings and tables', () => {
  const text = ['# GPT-5.5 mini', '', 'Plain words here.', '', '| Model | Params |', '|---|---|', '| GPT-5.5 | 9.7T |', '', '> GPT-5.5 is big.', ''].join('\n');
  const one = starter().check(text);
  const s = starter().session();
  assert.deepEqual(JSON.parse(JSON.stringify(s.check(text))), JSON.parse(JSON.stringify(one)));
  assert.ok(one.mentions.length >= 3);
});
