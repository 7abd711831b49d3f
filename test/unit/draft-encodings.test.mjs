// Drafts in UTF-16 with a BOM are checked and fixed in their own encoding; invalid UTF-8 is skipped with the bad byte's position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, project, runCli } from './helpers.mjs';

const SAMPLE = fs.readFileSync(path.join(FIXTURES, 'sample-draft.md'), 'utf8');
const ENV = { env: { FACTLINT_NO_CODE_CACHE: '1' } };
const utf16le = (text) => Buffer.from(`\ufeff${text}`, 'utf16le');
const utf16be = (text) => utf16le(text).swap16();

function findings(bytes) {
  const dir = project({ 'd.md': bytes });
  const r = runCli(['--format', 'json', 'd.md'], { cwd: dir, ...ENV });
  return { code: r.code, stderr: r.stderr, findings: JSON.parse(r.stdout).files.flatMap((f) => f.findings) };
}

test('UTF-16LE and UTF-16BE drafts with a BOM get the findings of the same draft in UTF-8', () => {
  const utf8 = findings(Buffer.from(SAMPLE));
  assert.ok(utf8.findings.length > 0);
  for (const bytes of [utf16le(SAMPLE), utf16be(SAMPLE)]) {
    const r = findings(bytes);
    assert.equal(r.stderr, '');
    assert.equal(r.code, utf8.code);
    assert.deepEqual(r.findings, utf8.findings);
  }
});

test('--fix writes a UTF-16 draft back in its encoding with its BOM, text as the UTF-8 fix makes it', () => {
  const dir = project({ 'u8.md': SAMPLE, 'le.md': utf16le(SAMPLE), 'be.md': utf16be(SAMPLE) });
  const r = runCli(['--fix', 'u8.md', 'le.md', 'be.md'], { cwd: dir, ...ENV });
  assert.equal(r.stderr, '');
  const fixed = fs.readFileSync(path.join(dir, 'u8.md'), 'utf8');
  assert.notEqual(fixed, SAMPLE);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'le.md')), utf16le(fixed));
  assert.deepEqual(fs.readFileSync(path.join(dir, 'be.md')), utf16be(fixed));
});

test('a UTF-16 BOM over bytes that are no UTF-16 (odd length, lone surrogate): skipped with a message, left as it was', () => {
  const odd = Buffer.concat([utf16le('GPT-5.5 has 9.7T parameters.\n'), Buffer.from([0x41])]);
  const lone = Buffer.concat([utf16le('GPT-5.5 has 9.7T parameters.\n'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
  const dir = project({ 'odd.md': odd, 'lone.md': lone });
  const r = runCli(['--fix', 'odd.md', 'lone.md'], { cwd: dir, ...ENV });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /odd\.md: not valid UTF-16LE \(it starts with that byte order mark\); skipped/);
  assert.match(r.stderr, /lone\.md: not valid UTF-16LE/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'odd.md')), odd);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'lone.md')), lone);
});

test('a draft with a byte that is no UTF-8: the message names its line and column', () => {
  const bytes = Buffer.concat([Buffer.from('\ufeffTitle\r\nGPT-5.5 is “big”: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  const dir = project({ 'bad.md': bytes });
  const r = runCli(['bad.md'], { cwd: dir, ...ENV });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /bad\.md: not valid UTF-8 \(the first bad byte is at line 2, column 19\); skipped/);
});
