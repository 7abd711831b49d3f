// The checker's robustness properties (issue 8), shared by the unit tests (fixed seed, seconds) and `npm run fuzz` (long runs).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { core } from './helpers.mjs';

export const FRAGMENTS = [
  'GPT-5.5', 'GPT 5.5', 'gpt5.5', 'Spud', 'DeepSeek-V3', 'Llama 3', 'Llama 3.1', 'Llama 3.1 405B', 'Mixtral 8x7B', 'Kimi K2', 'GPT-4', '通义千问',
  ' has ', ' 9.7T', ' 1.5T', ' 9.7 trillion', ' 9,700 billion', ' 9.7-trillion-parameter ', ' 9.7万亿', ' 37B', ' 2T', ' 8x220B', ' 200-400B', ' 1.5e12', ' ~47B', ' 12.9B active',
  ' parameters', ' params', ' tokens', '$', '$$', '`', '```', '~~~', '\n', '\r\n', '\r', '\n\n', '\u0000', '\ufeff', '😀', '𝟗', '\ud83d', '\ude00', '\t',
  '# ', '## ', '- ', '  - ', '    - ', '1. ', '> ', '> > ', '>>>> ', '| ', ' | ', '|---|---|\n', '| Model | Params |\n', '<!--', '-->', '<!-- factlint-disable -->', '<!-- factlint-disable-next-line -->',
  '<div>', '</div>', '[', '](', ')', '![', '<https://x.y/9.7T>', 'https://e.com/9.7T', '---\n', '\\', '*', '_', '(', ',', '.', '. ', '; ', 'not ', 'rumoured ', 'initially ',
  // The rules beyond figures: release dates, near-miss names and unknown variants.
  'Code Llama', ' 70B', ' released in August 2023 ', '在2023年8月发布了', 'Tiny Aya', 'Arya', ' is a 3.35B model', 'Phi-3.5-medium', ' (16B)', 'Phi-3.5',
];

/**
 * Draft-shaped text: fragments of names, figures and Markdown, with random strings and numbers
 * mixed in. `scale` multiplies the lengths, so the fuzz run can try larger drafts.
 */
export function texts(scale = 1) {
  const markdownish = fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
        { weight: 1, arbitrary: fc.nat(10000).map(String) },
      ),
      { maxLength: 80 * scale },
    )
    .map((parts) => parts.join(''));
  const randomText = fc.string({ maxLength: 300 * scale, unit: 'binary' });
  const longLine = fc.tuple(fc.constantFrom('GPT-5.5 has 9.7T parameters ', 'x', '9.', '| a ', '> ', '😀', 'GPT-5.5 9.7T\r'), fc.integer({ min: 100, max: 2000 * scale })).map(([s, n]) => s.repeat(n));
  // Deep nesting, unterminated blocks and 10k-column lines around a claim.
  const shaped = fc
    .tuple(
      fc.constantFrom('> ', '- ', '  - ', '1. ', '>- ', '    '),
      fc.integer({ min: 1, max: 120 }),
      fc.constantFrom('```\n', '~~~\n', '<div>\n', '<!--\n', '<pre>\n', '$$\n', ''),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.integer({ min: 0, max: 10000 }),
    )
    .map(([marker, depth, opener, eol, columns]) =>
      ['\ufeff', opener, marker.repeat(depth) + 'GPT-5.5 has 9.7T parameters.', 'x'.repeat(columns) + ' GPT-5.5 (9.7T) 😀\u0000', marker.repeat(depth >> 1) + 'Llama 3.1 405B: 70B.'].join(eol),
    );
  return fc.oneof({ weight: 5, arbitrary: markdownish }, { weight: 2, arbitrary: randomText }, { weight: 1, arbitrary: longLine }, { weight: 1, arbitrary: shaped });
}

function isHigh(c) {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c) {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** An offset splits a surrogate pair when a high surrogate precedes and a low one follows. */
function splitsPair(text, offset) {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function checkSpans(text, spans, what) {
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}-${s.end} within ${text.length}`);
    assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: ${s.start}-${s.end} splits a surrogate pair`);
  }
}

function allFixes(checker, text) {
  return checker
    .check(text)
    .findings.filter((f) => f.fix)
    .map((f) => f.fix);
}

/** The checker returns, and every range lies within the text on UTF-16 boundaries. */
export function checksInBounds(checker) {
  return (text) => {
    const r = checker.check(text);
    assert.ok(Array.isArray(r.findings) && Array.isArray(r.mentions) && Array.isArray(r.claims));
    checkSpans(text, r.mentions, 'mention');
    checkSpans(text, r.findings, 'finding');
    checkSpans(text, r.claims.map((c) => c.figure), 'claim figure');
    checkSpans(text, r.findings.filter((f) => f.fix).map((f) => f.fix), 'fix');
    for (const f of r.findings) {
      assert.equal(text.slice(f.start, f.end), f.text, 'finding text is the source slice');
      assert.ok(core.RULE_IDS.includes(f.ruleId));
      assert.equal(typeof f.message, 'string');
    }
    // Mentions come sorted and disjoint: claim linking walks them with cursors and binary searches.
    for (let i = 1; i < r.mentions.length; i++) assert.ok(r.mentions[i].start >= r.mentions[i - 1].end, 'mentions sorted and disjoint');
    for (const m of r.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  };
}

/** Every fix applies cleanly, and applying all fixes twice equals applying them once. */
export function fixesSettle(checker) {
  return (text) => {
    const fixes = allFixes(checker, text);
    // Fixes never overlap one another, so none is dropped.
    const sorted = [...fixes].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end, 'overlapping fixes');
    const once = core.applyEdits(text, fixes);
    // Every fix replaces exactly its span: the length changes by the sum of the differences.
    const delta = fixes.reduce((n, f) => n + f.text.length - (f.end - f.start), 0);
    assert.equal(once.length, text.length + delta);
    const twice = core.applyEdits(once, allFixes(checker, once));
    assert.equal(twice, once);
  };
}

/** Edits a writer might make: somewhere in the text, remove a little, type a little. */
export function edits() {
  const typed = fc.constantFrom('', 'x', '\n', '\n\n', '```\n', '# ', '- ', '> ', '|', ' 9.7T', 'GPT-5.5 has 1.5T parameters', '<!--', '-->', '  ', '\r\n', '😀');
  return fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: typed }), { minLength: 1, maxLength: 6 });
}

/** An editor session, edited step by step, agrees with a check from scratch after every edit. */
export function sessionAgrees(checker) {
  const plain = (r) => JSON.parse(JSON.stringify(r));
  return (text, steps) => {
    const session = checker.session();
    assert.deepEqual(plain(session.check(text)), plain(checker.check(text)));
    for (const e of steps) {
      const at = Math.floor(e.at * text.length);
      text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
      assert.deepEqual(plain(session.check(text)), plain(checker.check(text)), JSON.stringify(text));
    }
  };
}
