// The eval harness's mutation generator: every mutation is wrong for every figure of the model,
// keeps the writer's format and is reproducible from the seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mutationFor, rewriteWritten, differsFromAll, locateFigure, isAnnotatedError, parseWritten } from '../eval/mutate.mjs';

const fig = (value, status = 'official', kind = 'total') => ({ value, status, kind });
const family = { id: 'fam', figures: [fig(7e9), fig(13e9), fig(70e9), fig(30e9, 'superseded')] };
const base = { models: [family, { id: 'other', figures: [fig(8e9), fig(405e9), fig(20e9)] }] };

function seeded(s) {
  let x = s >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('parseWritten reads Latin and Chinese units, grouping and decimals', () => {
  const p = parseWritten('1750亿（175B）');
  assert.deepEqual(p.map((x) => x.value), [1750e8, 175e9]);
  assert.equal(parseWritten('1,320 billion')[0].value, 1320e9);
  assert.equal(parseWritten('0.3B')[0].step, 0.1e9);
});

test('a mutation differs from every figure of the model, whatever its status', () => {
  for (let s = 1; s < 200; s++) {
    const m = mutationFor('13B', family, 'unspecified', base, seeded(s));
    assert.ok(m, `seed ${s}`);
    const [w] = parseWritten(m.text);
    const against = m.choice === 'superseded' ? family.figures.filter((f) => f.status === 'official') : family.figures;
    assert.ok(differsFromAll(w.value, w.step, against), `${m.text} (${m.choice}) seed ${s}`);
    assert.match(m.text, /^\d+(?:\.\d+)?B$/);
  }
});

test('the same seed gives the same mutations', () => {
  const a = [1, 2, 3].map(() => null).map((_, i) => mutationFor('70 billion', family, 'total', base, seeded(42 + i)).text);
  const b = [1, 2, 3].map(() => null).map((_, i) => mutationFor('70 billion', family, 'total', base, seeded(42 + i)).text);
  assert.deepEqual(a, b);
});

test('the writer format is kept: unit word, space, Chinese unit with its parenthetical restatement', () => {
  assert.equal(rewriteWritten('70 billion', 105e9, family.figures), '105 billion');
  assert.equal(rewriteWritten('18亿（1.8B）', 2.7e9, [fig(1.8e9)]), '27亿（2.7B）');
  // One decimal would round 0.15B to 0.1B or 0.2B; it is written with as many decimals as it needs to be wrong.
  assert.equal(rewriteWritten('0.1B', 0.16e9, [fig(0.11e9)]), '0.2B');
});

test('a value within 15% or within the writer rounding of a figure is not a mutation', () => {
  assert.equal(differsFromAll(75e9, 1e9, [fig(70e9)]), false);
  assert.equal(differsFromAll(0.3e9, 0.1e9, [fig(0.34e9)]), false);
  assert.equal(differsFromAll(105e9, 1e9, [fig(70e9)]), true);
});

test('locateFigure prefers the phrase the annotator quoted, then the nth bounded occurrence', () => {
  const line = 'the 8B model needs 200B tokens; 8B and 70B models improve; MPT-7B is a 7B model';
  assert.equal(locateFigure(line, '8B', 'prose; ""8B and 70B models improve""', 0), line.indexOf('8B and'));
  assert.equal(locateFigure(line, '7B', 'prose', 0), line.indexOf('a 7B') + 2);
  assert.equal(locateFigure(line, '8B', 'prose', 1), line.indexOf('8B and'));
});

test('annotated source errors are read from the context column', () => {
  assert.ok(isAnnotatedError('list; "X about 75B" (official: 123B)'));
  assert.ok(isAnnotatedError('prose; typo in source'));
  assert.ok(!isAnnotatedError('prose; (officially said to be 100B-class)'));
  assert.ok(!isAnnotatedError('table; Params col'));
});
