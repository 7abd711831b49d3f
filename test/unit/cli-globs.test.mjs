// Glob arguments take only the files they match; "!pattern" arguments leave files out, as in markdownlint-cli2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, runCli } from './helpers.mjs';

const BAD = 'GPT-5.5 has 9.7T parameters.\n';
const ENV = { env: { FACTLINT_NO_CODE_CACHE: '1' } };
const tree = () => project({ 'd/a.md': BAD, 'd/dir.md/x.md': BAD, 'archive/o.md': BAD, 'top.md': BAD, '!bang.md': BAD });
const paths = (dir, args) => {
  const r = runCli(['--format', 'json', ...args], { cwd: dir, ...ENV });
  return { code: r.code, stderr: r.stderr, paths: r.stdout ? JSON.parse(r.stdout).files.map((f) => f.path) : [] };
};

test('"d/*.md" takes d/a.md, not the files inside a folder named d/dir.md', () => {
  assert.deepEqual(paths(tree(), ['d/*.md']).paths, ['d/a.md']);
});

test('"!archive/**" leaves archive out of a glob and of a folder argument', () => {
  const dir = tree();
  assert.deepEqual(paths(dir, ['**/*.md', '!archive/**']), { code: 1, stderr: '', paths: ['!bang.md', 'd/a.md', 'd/dir.md/x.md', 'top.md'] });
  assert.deepEqual(paths(dir, ['.', '!archive/**', '!**/dir.md/**', '!top.md']).paths, ['!bang.md', 'd/a.md']);
  assert.deepEqual(paths(dir, ['top.md', './!bang.md', '!top.md']).paths, ['!bang.md']);
});

test('only exclude patterns: no files given, exit 2', () => {
  const r = paths(tree(), ['!archive/**']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^factlint: no files given \(only !exclude patterns\)/);
});
