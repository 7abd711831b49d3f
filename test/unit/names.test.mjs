// Issue 2 item 2: model names — boundaries, longest match, writers' variants, sizes inside names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundled, core, starter } from './helpers.mjs';

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

// The matcher walks a trie instead of running one giant regex; these pin the regex's behaviour.
function model(id, name, aliases = []) {
  return { id, name, aliases, vendor: 'v', disclosed: false, architecture: 'unknown', figures: [] };
}

function mentionsWith(models, text) {
  return core
    .createChecker({ schema: 1, asOf: '2026-01-01', models })
    .check(text)
    .mentions.map((m) => [m.modelId, m.text, m.start]);
}

test('a deeper alias wins over a longer atom at the same point ("Q 12 X" is "Q 1 2 X", not "Q 12")', () => {
  const models = [model('q-12', 'Q 12'), model('q-1-2-x', 'Q 1 2 X')];
  assert.deepEqual(mentionsWith(models, 'Q 12 X and Q 12.'), [
    ['q-1-2-x', 'Q 12 X', 0],
    ['q-12', 'Q 12', 11],
  ]);
});

test('a longer alias that fails after a separator falls back to the shorter one', () => {
  const models = [model('ab-1.5-pro', 'Ab 1.5 Pro'), model('ab-1.5', 'Ab 1.5')];
  assert.deepEqual(mentionsWith(models, 'Ab 1.5 Pr'), [['ab-1.5', 'Ab 1.5', 0]]);
  assert.deepEqual(mentionsWith(models, 'Ab 1.5 Pro-Instruct'), [['ab-1.5-pro', 'Ab 1.5 Pro-Instruct', 0]]);
});

test('non-ASCII letters in an alias match either case; ASCII letters never match look-alikes ("ſ", Kelvin sign)', () => {
  assert.deepEqual(mentionsWith([model('e-1', 'É-1')], 'é-1, É 1, é1'), [
    ['e-1', 'é-1', 0],
    ['e-1', 'É 1', 5],
    ['e-1', 'é1', 10],
  ]);
  const models = [model('star-2', 'Star 2'), model('kimi-k2', 'Kimi K2'), model('kimi-star', 'Kimi Star')];
  assert.deepEqual(mentionsWith(models, 'ſtar 2, \u212aimi K2, Kimi \u212a2, Kimi ſtar, STAR 2, KIMI k2, kimi STAR'), [
    ['star-2', 'STAR 2', 37],
    ['kimi-k2', 'KIMI k2', 45],
    ['kimi-star', 'kimi STAR', 54],
  ]);
  // Inside a name too: "Kimi ſtar" is the shorter "Kimi" followed by another word.
  const withShort = [model('kimi', 'Kimi'), model('kimi-star', 'Kimi Star')];
  assert.deepEqual(mentionsWith(withShort, 'Kimi ſtar, Kimi \u212a2'), [
    ['kimi', 'Kimi', 0],
    ['kimi', 'Kimi', 11],
  ]);
});

test('an alias starting with a non-ASCII letter is found next to aliases sharing its upper case ("ſtar" beside "Straße")', () => {
  // V8 merges case-insensitive alternatives by first letter and drops "ſ" from /(?:stra|star|ſ)/i.
  const models = [model('strasse', 'Straße'), model('long-s', 'ſtar', ['STAR'])];
  assert.deepEqual(mentionsWith(models, 'ſtar, STAR, Straße'), [
    ['long-s', 'ſtar', 0],
    ['long-s', 'STAR', 6],
    ['strasse', 'Straße', 12],
  ]);
});

test('aliases sharing a first letter are all found, in any case, only on a token boundary (the prefilter groups them by that letter)', () => {
  // The first atoms "rok", "rx", "r" and "É", "é" share a first letter under the `i` flag; "r" and "É" have nothing after it.
  const models = [model('rok-1', 'Rok 1'), model('rx-3', 'Rx 3'), model('r1', 'R1'), model('e-a', 'É a'), model('e-b', 'é b'), model('four-o', '4o'), model('q', 'Q7')];
  assert.deepEqual(mentionsWith(models, 'R1, rok 1, RX 3, r1; xR1, a-R1, -r1, Rokx 1; é a, É B; 4O, x4o, q7'), [
    ['r1', 'R1', 0],
    ['rok-1', 'rok 1', 4],
    ['rx-3', 'RX 3', 11],
    ['r1', 'r1', 17],
    ['r1', 'r1', 33],
    ['e-a', 'é a', 45],
    ['e-b', 'É B', 50],
    ['four-o', '4O', 55],
    ['q', 'q7', 64],
  ]);
});

test('what follows a name decides its end: a size or variant after a space is swallowed, a word starting like one is not', () => {
  const models = [model('ab-1.5', 'Ab 1.5')];
  assert.deepEqual(mentionsWith(models, 'Ab 1.5 Chat, Ab 1.5 cats, Ab 1.5 IT. Ab 1.5 7B and Ab 1.5 x'), [
    ['ab-1.5', 'Ab 1.5 Chat', 0],
    ['ab-1.5', 'Ab 1.5', 13],
    ['ab-1.5', 'Ab 1.5 IT', 26],
    ['ab-1.5', 'Ab 1.5 7B', 37],
    ['ab-1.5', 'Ab 1.5', 51],
  ]);
  assert.deepEqual(mentionsWith(models, 'Ab 1.5-instruct|Ab 1.5_hf, Ab 1.5.x Ab 1.5\u00a07B, (Ab 1.5)'), [
    ['ab-1.5', 'Ab 1.5-instruct', 0],
    ['ab-1.5', 'Ab 1.5_hf', 16],
    ['ab-1.5', 'Ab 1.5\u00a07B', 36],
    ['ab-1.5', 'Ab 1.5', 48],
  ]);
  assert.deepEqual(mentionsWith(models, 'Ab 1.5 SFT Ab 1.5 sfx Ab 1.5 base; Ab 1.5'), [
    ['ab-1.5', 'Ab 1.5 SFT', 0],
    ['ab-1.5', 'Ab 1.5', 11],
    ['ab-1.5', 'Ab 1.5 base', 22],
    ['ab-1.5', 'Ab 1.5', 35],
  ]);
});

test('separator runs of mixed kinds, CRLF and emoji around names', () => {
  assert.deepEqual(mentions('Claude\u00a0Opus\u20114.7 and Claude \t Opus 4.7'), [
    { id: 'claude-opus-4.7', text: 'Claude\u00a0Opus\u20114.7', start: 0, end: 15 },
    { id: 'claude-opus-4.7', text: 'Claude \t Opus 4.7', start: 20, end: 37 },
  ]);
  // An em dash is punctuation, not a separator, and two separators are not an optional one.
  assert.deepEqual(mentions('GPT\u20145.5, GPT\u2011\u20115.5'), []);
  assert.deepEqual(mentions('Llama 3\r\nLlama 3.1\r\n'), [
    { id: 'llama-3', text: 'Llama 3', start: 0, end: 7 },
    { id: 'llama-3.1', text: 'Llama 3.1', start: 9, end: 18 },
  ]);
  assert.deepEqual(mentions('\u{1F680}GPT-5.5\u{1F44D}'), [{ id: 'gpt-5.5', text: 'GPT-5.5', start: 2, end: 9 }]);
});

test('size and variant suffixes after a name are swallowed the way the old pattern did', () => {
  assert.deepEqual(
    starter()
      .check('Llama 3.1 70B-Instruct-hf, Llama-3.1-405B-Instruct, Llama 3.1 8b IT.')
      .mentions.map((m) => [m.modelId, m.text, m.sizedName]),
    [
      ['llama-3.1', 'Llama 3.1 70B-Instruct-hf', true],
      ['llama-3.1-405b', 'Llama-3.1-405B-Instruct', false],
      ['llama-3.1', 'Llama 3.1 8b IT', true],
    ],
  );
});

test('hostile 1 MB inputs are matched in linear-ish time (bound catches blow-ups only)', () => {
  const c = bundled();
  const MB = 1_000_000;
  const cases = [
    ['GPT- repeated', 'GPT-'.repeat(MB / 4), 0],
    ['Llama words', 'Llama '.repeat(MB / 6), 0],
    ['Llama 3 repeated', 'Llama 3 '.repeat(MB / 8), MB / 8],
    ['one separator run', `Claude${' -_\u2011\u00a0\u2013'.repeat(MB / 6)}Opus 4.7`, 1],
    ['a digit run after a name', `GPT-5.5 ${'7'.repeat(MB)}`, 1],
    ['a variant run', `Llama 3.1 70B${'-chat'.repeat(MB / 5)}`, 1],
    ['one-letter words', 'o '.repeat(MB / 2), 0],
  ];
  for (const [name, text, expected] of cases) {
    const t = performance.now();
    const found = c.check(text).mentions.length;
    const ms = performance.now() - t;
    assert.equal(found, expected, name);
    assert.ok(ms < 5000, `${name}: ${Math.round(ms)} ms`);
  }
});
