// .factlint.yaml edge cases: a dangling or looping symbolic link is an error at the link; an empty facts entry at the entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { project, runCli } from './helpers.mjs';

const BAD = 'GPT-5.5 has 9.7T parameters.\n';
const ENV = { env: { FACTLINT_NO_CODE_CACHE: '1' } };

test('a dangling or looping .factlint.yaml link is reported at the link, not passed over for the parent config', () => {
  for (const [target, why] of [['nowhere.yaml', /ENOENT \(a symbolic link to no file\)/], ['.factlint.yaml', /ELOOP \(a loop of symbolic links\)/]]) {
    // The parent's config would turn the finding off: had the link been skipped, the run would exit 0.
    const dir = project({ '.factlint.yaml': 'rules: {superseded-figure: off}\n', 'sub/d.md': BAD });
    fs.symlinkSync(target, path.join(dir, 'sub', '.factlint.yaml'));
    const r = runCli(['sub/d.md'], { cwd: dir, ...ENV });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^sub\/\.factlint\.yaml:1:1: error: cannot read config: /m);
    assert.match(r.stderr, why);
  }
});

test('facts: [""] is an error at the entry, not at the config\'s folder', () => {
  const dir = project({ '.factlint.yaml': 'facts:\n  - ""\n', 'd.md': BAD });
  const r = runCli(['d.md'], { cwd: dir, ...ENV });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), '.factlint.yaml:2:5: error: an entry of facts must not be empty');
});
