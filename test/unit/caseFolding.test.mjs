// The /i fast path of a case-insensitive pattern finds exactly what the /iu pattern finds, wherever it is used.
import test from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { core } from './helpers.mjs';

// The distancing cues' shape: words with \b, a \w* tail, curly apostrophes and CJK literals.
const SOURCE = String.raw`\b(?:not|isn['’]t|leak(?:s|ed)?|speculat\w*|so-called|rumou?r)\b|传闻|并非`;
const PIECES = ['not', 'NOT', 'leak', 'LEAK', 'ed', 's', 'speculat', 'ion', 'isn', "'", '’', 't', 'so-called', 'rumour', 'ſ', '\u212a', 'K', 'k', ' ', ',', '9.7T', '传闻', '并非', '_', '😀', '\u00e9'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

function matches(re, s) {
  re.lastIndex = 0;
  const out = [];
  let m;
  while ((m = re.exec(s)) !== null) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

test('a folding pattern matches as its /iu form on any text, ſ and the Kelvin sign included', () => {
  const pattern = new core.FoldingPattern(SOURCE, 'giu');
  const exact = new RegExp(SOURCE, 'giu');
  fc.assert(
    fc.property(text, (s) => {
      assert.deepEqual(matches(pattern.in(s), s), matches(exact, s));
    }),
    { seed: 20261125, numRuns: 2000 },
  );
});

test('only texts holding a character that folds onto ASCII take the /iu form', () => {
  assert.equal(core.foldsLikeAscii('GPT-5.5 is not 9.7T'), true);
  assert.equal(core.foldsLikeAscii('a leaſ'), false);
  assert.equal(core.foldsLikeAscii('lea\u212a 9.7T'), false);
  const pattern = new core.FoldingPattern(SOURCE, 'giu');
  assert.equal(pattern.in('plain').flags.includes('u'), false);
  assert.equal(pattern.in('\u212a').flags.includes('u'), true);
  // "leaK" with a Kelvin sign is "leak" to /iu: the draft's cue is still seen.
  assert.deepEqual(matches(pattern.in('the lea\u212a says'), 'the lea\u212a says'), [[4, 'lea\u212a']]);
});
