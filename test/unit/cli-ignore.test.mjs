// The config's ignore globs and .gitignore: compiled once per config, and names starting with ".." are files like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { project, runCli } from './helpers.mjs';

const BAD = 'GPT-5.5 has 9.7T parameters.\n';
const ENV = { env: { FACTLINT_NO_CODE_CACHE: '1' } };
const paths = (r) => JSON.parse(r.stdout).files.map((f) => f.path);

test('a draft named "..old.md" is ignored by "*old.md", in .factlint.yaml and in .gitignore', () => {
  const dir = project({ '.factlint.yaml': 'ignore: ["*old.md"]\n', '..old.md': BAD, 'sub/..old.md': BAD, 'live.md': BAD });
  assert.deepEqual(paths(runCli(['--format', 'json', '..old.md', 'sub/..old.md', 'live.md'], { cwd: dir, ...ENV })), ['live.md']);
  // Reported relative to the working folder like any other draft.
  const shown = project({ '..old.md': BAD });
  assert.deepEqual(paths(runCli(['--format', 'json', '..old.md'], { cwd: shown, ...ENV })), ['..old.md']);
  const git = project({ '.gitignore': '*old.md\n', '..old.md': BAD, 'live.md': BAD });
  assert.deepEqual(paths(runCli(['--format', 'json', '.'], { cwd: git, ...ENV })), ['live.md']);
});

test('ignore globs are compiled once per config: 200 globs cost about what 1 does over 2000 drafts', () => {
  const time = (globs) => {
    const dir = project({ '.factlint.yaml': `ignore:\n${globs.map((g) => `  - "${g}"\n`).join('')}` });
    fs.mkdirSync(path.join(dir, 'd'));
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(dir, 'd', `${i}.md`), 'Plain text.\n');
    const t = performance.now();
    const r = runCli(['d'], { cwd: dir, ...ENV, timeout: 120000 });
    assert.equal(r.code, 0, r.stderr);
    return performance.now() - t;
  };
  const many = Array.from({ length: 200 }, (_, i) => `skip-${i}/**/*.md`);
  const one = time(['skip/**']);
  const all = time(many);
  // Compiled per draft the 200 globs took some 17 times as long as one glob.
  assert.ok(all < one * 3, `${Math.round(all)} ms with 200 globs against ${Math.round(one)} ms with 1`);
});
