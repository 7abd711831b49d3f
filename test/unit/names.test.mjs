// Issue 2 item 2: model names — boundaries, longest match, writers' variants, sizes inside names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, starter } from './helpers.mjs';

function mentions(text) {
  return starter()
    .check(text)
    .mentions.map((m) => ({ id: m.modelId, text: m.text, start: m.start, end: m.end }));
}

test('canonical name: exact span', () => {
  assert.deepEqual(mentions('I like GPT-5.5 a lot.'), [{ id: 'gpt-5.5', text: 'GPT-5.5', start: 7, end: 14 }]);
});

test('"GPT-5.5" does not match inside "GPT-5.55" or "GPT-5.5.1", and no claim is made', () => {
  assert.deepEqual(mentions('GPT-5.55 has 9.7T parameters.'), []);
  assert.deepEqual(starter().check('GPT-5.55 has 9.7T parameters.').findings, []);
  assert.deepEqual(mentions('GPT-5.5.1 has 9.7T parameters.'), []);
});

test('"GPT-5.5-turbo" (unknown) is not GPT-5.5', () => {
  assert.ok(!mentions('GPT-5.5-turbo has 9.7T parameters.').some((m) => m.id === 'gpt-5.5'));
  assert.deepEqual(starter().check('GPT-5.5-turbo has 9.7T parameters.').findings, []);
});

test('"GPT-5.5-mini" is the known model "GPT-5.5 mini", never GPT-5.5', () => {
  assert.deepEqual(mentions('GPT-5.5-mini is small.'), [{ id: 'gpt-5.5-mini', text: 'GPT-5.5-mini', start: 0, end: 12 }]);
  assert.deepEqual(mentions('GPT-5.5 mini is small.'), [{ id: 'gpt-5.5-mini', text: 'GPT-5.5 mini', start: 0, end: 12 }]);
  // Its figure is checked against the mini model (no figures, undisclosed): unverified, not superseded.
  const f = starter().check('GPT-5.5-mini has 9.7T parameters.').findings;
  assert.deepEqual(
    f.map((x) => [x.ruleId, x.modelId, x.text]),
    [['unverified-figure', 'gpt-5.5-mini', '9.7T']],
  );
});

test('"Llama 3" does not eat "Llama 3.1"', () => {
  assert.deepEqual(mentions('Llama 3 and Llama 3.1 differ.'), [
    { id: 'llama-3', text: 'Llama 3', start: 0, end: 7 },
    { id: 'llama-3.1', text: 'Llama 3.1', start: 12, end: 21 },
  ]);
  const claims = starter().check('Llama 3 has 70B parameters and Llama 3.1 has 405B parameters.').claims;
  assert.deepEqual(
    claims.map((c) => [c.mention.modelId, c.figure.text, c.verdict]),
    [
      ['llama-3', '70B', 'matches'],
      ['llama-3.1', '405B', 'matches'],
    ],
  );
});

for (const variant of ['GPT 5.5', 'GPT\u20115.5', 'gpt-5.5', 'GPT_5.5', 'GPT\u20135.5', 'Gpt-5.5']) {
  test(`variant ${JSON.stringify(variant)} matches GPT-5.5`, () => {
    const text = `${variant} has 9.7T parameters.`;
    assert.deepEqual(mentions(text), [{ id: 'gpt-5.5', text: variant, start: 0, end: variant.length }]);
    const [f] = starter().check(text).findings;
    assert.equal(f.ruleId, 'superseded-figure');
    assert.equal(f.model, 'GPT-5.5');
  });
}

for (const variant of ['GPT5.5', 'gpt5.5']) {
  // README: "nothing between a letter run and a number run" is the same as a hyphen.
  test(`variant ${JSON.stringify(variant)} (no separator) matches GPT-5.5`, () => {
    assert.deepEqual(mentions(`${variant} has 9.7T parameters.`), [{ id: 'gpt-5.5', text: variant, start: 0, end: variant.length }]);
  });
}

test('"Claude Opus 4.7" and the alias "Opus 4.7" both name claude-opus-4.7 (longest match first)', () => {
  assert.deepEqual(mentions('Claude Opus 4.7 beats Opus 4.7.'), [
    { id: 'claude-opus-4.7', text: 'Claude Opus 4.7', start: 0, end: 15 },
    { id: 'claude-opus-4.7', text: 'Opus 4.7', start: 22, end: 30 },
  ]);
});

test('a letter-only alias matches its exact case only ("Spud", not "spud")', () => {
  assert.deepEqual(mentions('Use Spud, spud and SPUD.'), [{ id: 'gpt-5.5', text: 'Spud', start: 4, end: 8 }]);
});

test('a Chinese alias matches', () => {
  assert.deepEqual(mentions('通义千问有7B参数。'), [{ id: 'qwen', text: '通义千问', start: 0, end: 4 }]);
});

test('sizes inside names are names, not claims: "Llama 3.1 405B", "Mixtral 8x7B", "gpt-oss-20b"', () => {
  const text = 'Llama 3.1 405B, Mixtral 8x7B and gpt-oss-20b are open models.';
  const r = starter().check(text);
  assert.deepEqual(
    r.mentions.map((m) => [m.modelId, m.text]),
    [
      ['llama-3.1-405b', 'Llama 3.1 405B'],
      ['mixtral-8x7b', 'Mixtral 8x7B'],
      ['gpt-oss-20b', 'gpt-oss-20b'],
    ],
  );
  assert.deepEqual(r.claims, []);
  assert.deepEqual(r.findings, []);
});

test('a sized variant of a known family is one mention flagged sizedName; its size is a claim about the family', () => {
  const r = starter().check('Llama 3.1 70B is popular.');
  assert.deepEqual(
    r.mentions.map((m) => [m.modelId, m.text, m.sizedName]),
    [['llama-3.1', 'Llama 3.1 70B', true]],
  );
  assert.deepEqual(r.claims.map((c) => [c.mention.modelId, c.figure.text, c.verdict]), [['llama-3.1', '70B', 'matches']]);
});

test('"gpt-oss-20b has 21B parameters" checks 21B, not 20b', () => {
  const r = starter().check('gpt-oss-20b has 21B parameters.');
  assert.deepEqual(
    r.claims.map((c) => [c.mention.modelId, c.figure.text, c.verdict]),
    [['gpt-oss-20b', '21B', 'matches']],
  );
});

test('normalizeName ignores case and separators', () => {
  assert.equal(core.normalizeName('GPT-5.5'), 'gpt5.5');
  assert.equal(core.normalizeName('gpt 5.5'), 'gpt5.5');
  assert.equal(core.normalizeName('GPT\u20115.5'), 'gpt5.5');
  assert.equal(core.normalizeName('Claude_Opus 4.7'), 'claudeopus4.7');
});

test('checker.lookup finds by id, name and alias, ignoring case and separators', () => {
  const c = starter();
  assert.equal(c.lookup('gpt-5.5')?.id, 'gpt-5.5');
  assert.equal(c.lookup('GPT 5.5')?.id, 'gpt-5.5');
  assert.equal(c.lookup('Opus 4.7')?.id, 'claude-opus-4.7');
  assert.equal(c.lookup('GPT-5.55'), undefined);
});
