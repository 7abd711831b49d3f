// Block splitting and the parser-free fast path must read a draft as markdown-it reads it whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundled } from './helpers.mjs';

const CLAIM = 'GPT-5.5 has 9.7T parameters.';

/** [what, draft, is the claim read as prose?] */
const CASES = [
  ['a fence "closer" indented four or more columns does not close the fence', `\`\`\`\nx\n    \`\`\`\n\n${CLAIM}\n\`\`\``, false],
  ['a fence-like line indented four columns opens no fence (indented code, then a paragraph)', `    \`\`\`\n${CLAIM}\n    \`\`\``, true],
  ['a lone CR is a line break, so the fence after it runs to the end', `x\r\`\`\`\n\n${CLAIM}`, false],
  ['a form-feed line is not blank: the paragraph goes on', `a\n\f\n${CLAIM}`, true],
  ['a fence-like table header with an escaped pipe is a table; the fence after it runs to the end', `~~~ a\\|b | c\n--- | ---\n\n~~~\n\n${CLAIM}\n`, false],
  ['a delimiter row with a cell lacking "-" makes no table: the fence runs to the end', `~~~ a|b\n--|:\n\n${CLAIM}\n`, false],
  ['a fence-like line inside a <div> block is HTML; the comment after it hides the claim', `<div>\n\`\`\`\n\n<!--\n\`\`\`\n\n${CLAIM}\n-->`, false],
  ['a multi-line comment hides what it spans, blank lines included', `<!-- note\n\n${CLAIM}\n-->`, false],
  ['a thematic break, then a setext heading, is not front matter in the middle of a draft', `a\n\n---\n${CLAIM}\n---`, true],
  ['front matter at the top hides its lines', `---\nnote: ${CLAIM}\n---\n\ntext`, false],
  ['an empty ordered item does not swallow the next paragraph', `1.\n\n${CLAIM}`, true],
  ['five spaces after a list marker make the item indented code', `-     ${CLAIM}`, false],
  ['a link definition whose label runs onto the next line is not prose', `[foo\nbar]: https://example.com/${CLAIM.replace(/ /g, '-')}`, false],
  ['a fenced block inside a list item keeps its blank lines', `- item\n\n  \`\`\`\n  code\n\n  ${CLAIM}\n  \`\`\``, false],
  ['a list item continued after a blank line by an indented paragraph is read', `- GPT-5.5\n\n  It has 9.7T parameters.`, true],
];

for (const [what, draft, read] of CASES) {
  test(`blocks: ${what}`, () => {
    const findings = bundled().check(draft).findings.filter((f) => f.text === '9.7T');
    assert.equal(findings.length, read ? 1 : 0, JSON.stringify(draft));
  });
}

test('blocks: a draft with lone CRs, CRLFs or LFs gives the same findings at the same offsets', () => {
  const checker = bundled();
  const draft = `---\ntitle: x\n---\n\n# GPT-5.5\n\n| Model | Params |\n|---|---|\n| GPT-5.5 | 9.7T |\n\n> GPT-5.5 has 9.7T parameters.\n\n- Mixtral 8x7B has 56B parameters.\n`;
  const lf = checker.check(draft).findings;
  assert.equal(lf.length, 3, JSON.stringify(lf));
  for (const eol of ['\r', '\r\n']) {
    const text = draft.replace(/\n/g, eol);
    // Offsets move by one per line for CRLF; the findings are the same ones.
    const got = checker.check(text).findings;
    assert.deepEqual(got.map((f) => [f.ruleId, f.text, f.message]), lf.map((f) => [f.ruleId, f.text, f.message]), JSON.stringify(eol));
    for (const f of got) assert.equal(text.slice(f.start, f.end), f.text);
  }
  assert.deepEqual(checker.check(draft.replace(/\n/g, '\r')).findings, lf);
});

test('blocks: a session adding or removing front matter agrees with a fresh check', () => {
  const checker = bundled();
  const pairs = [
    [`---\ntitle\n\n${CLAIM}\n\nfoo\n`, `---\ntitle\n\n${CLAIM}\n\n---\n`],
    [`---\na\n\n${CLAIM}\n---\n\nx`, `Intro\n\n---\na\n\n${CLAIM}\n---\n\nx`],
    [`Intro\n\n${CLAIM}\n`, `---\nIntro\n---\n\n${CLAIM}\n`],
  ];
  for (const [before, after] of pairs) {
    const session = checker.session();
    session.check(before);
    assert.deepEqual(JSON.parse(JSON.stringify(session.check(after))), JSON.parse(JSON.stringify(checker.check(after))), JSON.stringify(after));
  }
});
