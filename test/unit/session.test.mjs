// Incremental checking: a session that re-reads only edited blocks must agree with a check from scratch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { bundled, FIXTURES, SEED as SEED_ARTICLE } from './helpers.mjs';
import { edits, sessionAgrees, texts } from './properties.mjs';

const SEED = 20261125;

const LINES = [
  'GPT-5.5 has 9.7T parameters.', 'Llama 3.1 comes in 8B, 70B and 405B.', 'Mixtral 8x7B (46.7B total, 12.9B active)', 'Kimi K2 has 1T parameters.',
  'It has 1.5T parameters.', 'Early leaks put GPT-5.5 at 9.7T.', '# GPT-5.5', '## Llama 3.1', '- GPT-5.5: 9.7T', '- It has 405B parameters', '1. Kimi K2 (1T)', '> GPT-5.5 has 9.7T parameters.', '>',
  '| Model | Params |', '|---|---|', '| GPT-5.5 | 9.7T |', '| Llama 3.1 405B | 405B |', '```', '~~~', '    code 9.7T', '  - nested GPT-5.5 9.7T', '<!-- factlint-disable -->', '<!-- factlint-enable -->',
  '<div>', '</div>', '---', '', '', '', 'Plain prose with no figures.', 'GPT-5.5 参数 9.7万亿', '\r',
];
const doc = fc.array(fc.constantFrom(...LINES), { maxLength: 30 }).map((ls) => ls.join('\n'));
const INSERTS = ['', 'x', '\n', '\n\n', '```\n', '# ', '- ', '> ', '|', ' 9.7T', 'GPT-5.5 has 1.5T parameters', '<!--', '-->', '  ', '\r\n'];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.constantFrom(...INSERTS) });

function applyEdit(text, e) {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Results as plain data: claims keep their mention's position, not its identity. */
function plain(r) {
  return JSON.parse(JSON.stringify(r));
}

test('a session edited step by step gives exactly what a fresh check gives, after every edit', () => {
  const checker = bundled();
  fc.assert(
    fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
      const session = checker.session();
      let text = start;
      assert.deepEqual(plain(session.check(text)), plain(checker.check(text)));
      for (const e of edits) {
        text = applyEdit(text, e);
        assert.deepEqual(plain(session.check(text)), plain(checker.check(text)), JSON.stringify(text));
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('a session agrees with a fresh check on hostile Markdown-shaped text (the fuzz property, small)', () => {
  fc.assert(fc.property(texts(1), edits(), sessionAgrees(bundled())), { seed: SEED, numRuns: 200 });
});

test('a session over the seed article and the fixtures survives typing, deleting and undoing', () => {
  const checker = bundled();
  const files = [SEED_ARTICLE, ...fs.readdirSync(path.join(FIXTURES, 'md')).map((f) => path.join(FIXTURES, 'md', f))];
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8');
    const session = checker.session();
    session.check(original);
    // Type a claim into the middle character by character, then delete it again.
    const mid = original.indexOf('\n', original.length >> 1) + 1;
    const typed = '\nGPT-5.5 has 9.7T parameters.\n';
    for (let i = 1; i <= typed.length; i++) {
      const text = original.slice(0, mid) + typed.slice(0, i) + original.slice(mid);
      assert.deepEqual(plain(session.check(text)), plain(checker.check(text)), `${file} after typing ${i} characters`);
    }
    assert.deepEqual(plain(session.check(original)), plain(checker.check(original)), `${file} after undo`);
  }
});

test('the options of each call apply even when nothing was re-read', () => {
  const checker = bundled();
  const session = checker.session();
  const text = 'GPT-5.5 has 9.7T parameters.';
  assert.equal(session.check(text).findings[0]?.ruleId, 'superseded-figure');
  assert.deepEqual(session.check(text, { severities: { 'superseded-figure': 'off' } }).findings, []);
  assert.equal(session.check(text, { severities: { 'superseded-figure': 'error' } }).findings[0]?.severity, 'error');
});

test('claims in a block after an edit move with it; a heading above still names the model', () => {
  const checker = bundled();
  const session = checker.session();
  const before = '## GPT-5.5\n\nIt has 9.7T parameters.\n';
  const first = session.check(before);
  assert.equal(first.findings.length, 1);
  const after = '## GPT-5.5\n\nSome new words.\n\nIt has 9.7T parameters.\n';
  const second = session.check(after);
  assert.equal(second.findings.length, 1);
  assert.equal(after.slice(second.findings[0].start, second.findings[0].end), '9.7T');
  assert.equal(second.claims[0].mention.start, 3);
  // Renaming the heading's model changes the verdict of the unchanged block below it.
  const renamed = after.replace('## GPT-5.5', '## Kimi K2');
  assert.deepEqual(plain(session.check(renamed)), plain(checker.check(renamed)));
  assert.equal(session.check(renamed).claims[0]?.mention.modelId, 'kimi-k2');
});
