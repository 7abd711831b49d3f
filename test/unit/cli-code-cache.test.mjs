// The CLI's V8 code cache (src/cli/launch.ts): used only when it fits, rewritten when it does not,
// never a reason for a run to fail or change its output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, FIXTURES, tmpDir } from './helpers.mjs';

/** A copy of the installed layout (bin/ and dist/) in a temp folder, without a code cache. */
function install() {
  const root = tmpDir('factlint-cache-');
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.copyFileSync(path.join(REPO, 'bin', 'factlint.js'), path.join(root, 'bin', 'factlint.js'));
  for (const f of ['launch.js', 'cli.js', 'factFiles.js', 'facts.json']) fs.copyFileSync(path.join(REPO, 'dist', f), path.join(root, 'dist', f));
  return { root, cache: path.join(root, 'dist', 'cli.js.cache'), bundle: path.join(root, 'dist', 'cli.js') };
}

function run(root, args, env = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'factlint.js'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FACTLINT_NO_CODE_CACHE: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DRAFT = path.join(FIXTURES, 'sample-draft.md');
/** Whether the cache holds a header for this Node and is left alone by the next run (so it was used). */
function assertGoodCache(root, cache) {
  assert.match(fs.readFileSync(cache).subarray(0, 200).toString('latin1'), new RegExp(`^factlint-code-cache-2 ${process.version} ${process.arch} \\d+\\n`));
  const before = fs.readFileSync(cache);
  run(root, ['--version']);
  assert.deepEqual(fs.readFileSync(cache), before, 'a cache that fits is not rewritten');
}

const leftovers = (root) => fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.tmp'));

test('a run without a cache writes one; the next run uses it and gives the same output', () => {
  const { root, cache } = install();
  const first = run(root, [DRAFT]);
  assert.ok(fs.existsSync(cache), 'cache written at exit');
  assertGoodCache(root, cache);
  const written = fs.statSync(cache).ino;
  assert.deepEqual(run(root, [DRAFT]), first);
  assert.equal(fs.statSync(cache).ino, written, 'a run that checks a draft with a fitting cache uses it: nothing rewritten');
  assert.deepEqual(leftovers(root), []);
});

test('a corrupt or truncated cache is ignored and replaced', () => {
  const { root, cache } = install();
  const expected = run(root, [DRAFT]);
  const good = fs.readFileSync(cache);
  const corrupt = Buffer.from(good);
  for (let i = good.indexOf(10) + 200; i < corrupt.length; i += 97) corrupt[i] ^= 0x5a;
  for (const bad of [corrupt, good.subarray(0, good.length >> 1), Buffer.from('garbage'), Buffer.alloc(0)]) {
    fs.writeFileSync(cache, bad);
    assert.deepEqual(run(root, [DRAFT]), expected);
    assertGoodCache(root, cache);
  }
});

/** Where V8's cached data starts in a cache file: after the header line and the bundle's copy. */
function payloadStart(cache) {
  const data = fs.readFileSync(cache);
  const newline = data.indexOf(10);
  return newline + 1 + Number(data.toString('latin1', 0, newline).split(' ').pop());
}

test("V8's cached data corrupt or cut short (the header and the bundle's copy intact) is refused by V8 and replaced", () => {
  const { root, cache } = install();
  const expected = run(root, [DRAFT]);
  const good = fs.readFileSync(cache);
  const start = payloadStart(cache);
  assert.ok(start < good.length - 1000);
  const flipped = (at, bit) => {
    const bad = Buffer.from(good);
    bad[at] ^= bit;
    return bad;
  };
  const scattered = Buffer.from(good);
  for (let i = start + 64; i < scattered.length; i += 97) scattered[i] ^= 0x5a;
  for (const bad of [flipped(good.length - 1000, 1), flipped(start + ((good.length - start) >> 1), 0x80), scattered, good.subarray(0, good.length - 1), good.subarray(0, start + 100)]) {
    fs.writeFileSync(cache, bad);
    assert.deepEqual(run(root, [DRAFT]), expected);
    assert.ok(!fs.readFileSync(cache).equals(bad), 'refused, so rewritten at exit');
    assertGoodCache(root, cache);
  }
});

test('a cache made for another bundle of the same length is not used', () => {
  const { root, cache, bundle } = install();
  run(root, [DRAFT]);
  assert.ok(fs.existsSync(cache));
  const source = fs.readFileSync(bundle, 'utf8');
  assert.ok(source.includes('"0.1.0"'));
  // Same length, different code: V8's own check (the source length) would accept the old cache.
  fs.writeFileSync(bundle, source.replace('"0.1.0"', '"9.9.9"'));
  assert.equal(run(root, ['--version']).stdout.trim(), '9.9.9');
});

test('a cache from another Node version is ignored', () => {
  const { root, cache } = install();
  const expected = run(root, [DRAFT]);
  const good = fs.readFileSync(cache);
  fs.writeFileSync(cache, Buffer.concat([Buffer.from(good.toString('latin1', 0, good.indexOf(10)).replace(process.version, 'v0.0.1'), 'latin1'), good.subarray(good.indexOf(10))]));
  assert.deepEqual(run(root, [DRAFT]), expected);
  assertGoodCache(root, cache);
});

test('a cache that cannot be written (here: a folder in its place) changes nothing', () => {
  const { root, cache } = install();
  fs.mkdirSync(cache);
  fs.writeFileSync(path.join(cache, 'keep'), '');
  const r = run(root, [DRAFT]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /finding/);
  assert.deepEqual(leftovers(root), []);
});

test('a run that checks no draft (--version, --help, a usage error) writes no cache', () => {
  const { root, cache } = install();
  assert.equal(run(root, ['--version']).code, 0);
  assert.equal(run(root, ['--help']).code, 0);
  assert.equal(run(root, ['--bogus']).code, 2);
  assert.equal(fs.existsSync(cache), false);
  run(root, [DRAFT]);
  assert.ok(fs.existsSync(cache));
});

test('FACTLINT_NO_CODE_CACHE=1 neither reads nor writes the cache', () => {
  const { root, cache } = install();
  const r = run(root, [DRAFT], { FACTLINT_NO_CODE_CACHE: '1' });
  assert.equal(r.code, 1);
  assert.equal(fs.existsSync(cache), false);
});

test('largeInput (the launcher turning TurboFan back on) is reached once, past either bound', async () => {
  const { createRequire } = await import('node:module');
  const { run } = createRequire(import.meta.url)(path.join(REPO, 'dist', 'cli.js'));
  const dir = tmpDir();
  const few = path.join(dir, 'few.md');
  const many = path.join(dir, 'many.md');
  fs.writeFileSync(few, 'GPT-4 has 1.8T parameters.\n');
  fs.writeFileSync(many, 'Sizes: 7B, 13B and 70B.\n'.repeat(40));
  const reachedFor = async (args, bounds) => {
    let calls = 0;
    const code = await run(args, { cwd: dir, stdout: () => {}, stderr: () => {}, readStdin: async () => Buffer.alloc(0), largeInput: { ...bounds, reached: () => calls++ } });
    assert.notEqual(code, 2);
    return calls;
  };
  assert.equal(await reachedFor([few], { atChars: 1000, atFigures: 100 }), 0);
  assert.equal(await reachedFor([many], { atChars: 1e9, atFigures: 100 }), 1, '120 figure hints');
  assert.equal(await reachedFor([few, few, many], { atChars: 1e9, atFigures: 100 }), 1);
  assert.equal(await reachedFor([many], { atChars: 500, atFigures: 1e9 }), 1, '960 characters');
  assert.equal(await reachedFor([few, many, many], { atChars: 500, atFigures: 100 }), 1, 'once only');
});
