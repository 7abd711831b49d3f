// Issue 2 item 1: Markdown-aware extraction and exact ranges (LF, CRLF, BOM, tabs, astral characters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { core, starter, FIXTURES, STARTER, runCli, lineCol } from './helpers.mjs';

const SENTENCE = 'GPT-5.5 has 9.7T parameters.';

function positions(text) {
  const pos = core.createPositionMap(text);
  return starter()
    .check(text)
    .findings.map((f) => ({ rule: f.ruleId, text: text.slice(f.start, f.end), ...pos(f.start), end: pos(f.end).column }));
}

test('prose constructs are checked: heading, paragraph, list item, quote, table cell, link text, image alt', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'md', 'checked.md'), 'utf8');
  assert.deepEqual(positions(text), [
    { rule: 'superseded-figure', text: '9.7T', line: 1, column: 15, end: 19 },
    { rule: 'superseded-figure', text: '9.7T', line: 3, column: 13, end: 17 },
    { rule: 'superseded-figure', text: '9.7T', line: 5, column: 15, end: 19 },
    { rule: 'superseded-figure', text: '9.7T', line: 7, column: 15, end: 19 },
    { rule: 'superseded-figure', text: '9.7T', line: 11, column: 13, end: 17 },
    { rule: 'superseded-figure', text: '9.7T', line: 13, column: 18, end: 22 },
    { rule: 'superseded-figure', text: '9.7T', line: 15, column: 15, end: 19 },
  ]);
});

test('a table cell is checked when the header gives it a column, as markdown-it renders it', () => {
  for (const text of ['| Model | Notes | More |\n|---|---|---|\n| GPT-5.5 | new | GPT-5.5 has 9.7T parameters |\n', 'Model | Notes | More\n--- | --- | ---\nGPT-5.5 | new | GPT-5.5 has 9.7T parameters\n']) {
    assert.deepEqual(positions(text).map((f) => f.text), ['9.7T'], text);
  }
});

test('non-prose is skipped: front matter, fences, indented code, inline code, comments, URLs, autolinks, math', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'md', 'skipped.md'), 'utf8');
  const r = starter().check(text);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.claims, []);
  // The model names in prose are still found, so the skipping is not just "nothing matched".
  assert.ok(r.mentions.length >= 4, `mentions: ${r.mentions.length}`);
  // No mention comes from inside the skipped regions (front matter is lines 1-3, fence lines 5-7).
  const pos = core.createPositionMap(text);
  for (const m of r.mentions) assert.ok(pos(m.start).line > 7, `mention at line ${pos(m.start).line}`);
});

for (const [name, text] of [
  ['fenced code', '```\nGPT-5.5 has 9.7T parameters.\n```\n'],
  ['tilde fence', '~~~md\nGPT-5.5 has 9.7T parameters.\n~~~\n'],
  ['indented code', 'Intro.\n\n    GPT-5.5 has 9.7T parameters.\n'],
  ['inline code', 'Say `GPT-5.5 has 9.7T parameters` here.\n'],
  ['HTML comment', '<!-- GPT-5.5 has 9.7T parameters. -->\n'],
  ['inline HTML comment', 'GPT-5.5 <!-- has 9.7T parameters --> is big.\n'],
  ['link URL', 'GPT-5.5 is [here](https://x.com/9.7T-parameters).\n'],
  ['image URL', 'GPT-5.5 ![chart](img/9.7T.png) parameters.\n'],
  ['autolink', 'GPT-5.5 has <https://x.com/9.7T> parameters.\n'],
  ['bare URL', 'GPT-5.5 see https://example.com/GPT-5.5/9.7T parameters\n'],
  ['front matter', '---\ntitle: GPT-5.5 has 9.7T parameters\n---\nBody.\n'],
  ['inline math', 'GPT-5.5 has $9.7T$ parameters.\n'],
  ['display math', 'GPT-5.5:\n\n$$\n9.7T parameters\n$$\n'],
  ['table cell past the header', '| Model | Notes |\n|---|---|\n| GPT-5.5 | new | GPT-5.5 has 9.7T parameters |\n'],
  ['table cell past the header, no outer pipes', 'Model | Notes\n--- | ---\nGPT-5.5 | new | GPT-5.5 has 9.7T parameters\n'],
]) {
  test(`skipped: ${name}`, () => {
    assert.deepEqual(starter().check(text).findings, []);
  });
}

// Single backticks close at the next backtick (a shortcut past the index of backtick runs); these pin what they hide.
for (const [text, found] of [
  ['See `notes: GPT-5.5 has 9.7T parameters.\n', ['9.7T']],
  ['Say `a` GPT-5.5 has 9.7T parameters.\n', ['9.7T']],
  ['Say `a` and `GPT-5.5 has 9.7T parameters` here.\n', []],
  ['Say `GPT-5.5 has\n9.7T parameters` here.\n', []],
  ['Say ``a`GPT-5.5 has 9.7T parameters``.\n', []],
  ['Say ``a`b`` GPT-5.5 has 9.7T parameters.\n', ['9.7T']],
]) {
  test(`code spans: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(starter().check(text).findings.map((f) => text.slice(f.start, f.end)), found);
  });
}

test('LF: exact range and line/column', () => {
  const text = `Intro line.\n\n${SENTENCE}\n`;
  const [f] = starter().check(text).findings;
  assert.equal(f.start, 25);
  assert.equal(f.end, 29);
  assert.deepEqual(core.createPositionMap(text)(f.start), { line: 3, column: 13 });
  assert.deepEqual(lineCol(text, f.start), { line: 3, column: 13 });
});

test('CRLF: offsets count the CR, columns do not shift', () => {
  const text = `Intro line.\r\n\r\n${SENTENCE}\r\n${SENTENCE}\r\n`;
  const fs_ = starter().check(text).findings;
  assert.equal(fs_.length, 2);
  assert.equal(fs_[0].start, 27);
  assert.equal(text.slice(fs_[0].start, fs_[0].end), '9.7T');
  const pos = core.createPositionMap(text);
  assert.deepEqual(pos(fs_[0].start), { line: 3, column: 13 });
  assert.deepEqual(pos(fs_[1].start), { line: 4, column: 13 });
  assert.deepEqual(pos(fs_[1].end), { line: 4, column: 17 });
});

test('tabs count as one UTF-16 column', () => {
  const text = 'GPT-5.5 has\t9.7T\tparameters.\n';
  const [f] = starter().check(text).findings;
  assert.equal(f.ruleId, 'superseded-figure');
  assert.equal(f.start, 12);
  assert.deepEqual(core.createPositionMap(text)(f.start), { line: 1, column: 13 });
});

test('astral emoji before the figure: columns are UTF-16 code units', () => {
  const text = '😀 GPT-5.5 has 😀 9.7T parameters.\n';
  const r = starter().check(text);
  assert.equal(r.mentions[0].start, 3);
  const [f] = r.findings;
  assert.equal(f.start, 18);
  assert.equal(f.end, 22);
  assert.equal(text.slice(f.start, f.end), '9.7T');
  assert.deepEqual(core.createPositionMap(text)(f.start), { line: 1, column: 19 });
});

test('leading BOM in the core: offsets include it', () => {
  const text = `\ufeff${SENTENCE}\n`;
  const [f] = starter().check(text).findings;
  assert.equal(f.start, 13);
  assert.equal(text.slice(f.start, f.end), '9.7T');
});

test('CLI strips a leading BOM: columns are those of the text without it', () => {
  const r = runCli(['--no-bundled-facts', '--facts', STARTER, '--stdin', '--stdin-filename', 'bom.md', '--format', 'json'], { input: `\ufeff${SENTENCE}\n` });
  assert.equal(r.code, 1, r.stderr);
  const f = JSON.parse(r.stdout).files[0].findings[0];
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [1, 13, 1, 17]);
});

test('CLI on a CRLF file with an emoji reports UTF-16 columns on the right line', () => {
  const r = runCli(['--no-bundled-facts', '--facts', STARTER, '--stdin', '--stdin-filename', 'crlf.md', '--format', 'json'], { input: `First.\r\n\r\n😀😀 ${SENTENCE}\r\n` });
  assert.equal(r.code, 1, r.stderr);
  const f = JSON.parse(r.stdout).files[0].findings[0];
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [3, 18, 3, 22]);
});

test('createPositionMap and offsetAt agree', () => {
  const text = 'a\r\nbc😀d\n\nlast';
  const pos = core.createPositionMap(text);
  assert.deepEqual(pos(0), { line: 1, column: 1 });
  assert.deepEqual(pos(3), { line: 2, column: 1 });
  assert.deepEqual(pos(7), { line: 2, column: 5 });
  assert.deepEqual(pos(10), { line: 4, column: 1 });
  for (let i = 0; i <= text.length; i++) {
    const p = pos(i);
    assert.equal(core.offsetAt(text, p.line, p.column), i);
  }
});
