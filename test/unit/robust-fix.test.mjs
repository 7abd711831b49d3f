// Issue 8 items 4 and 6: --fix never loses text (even when killed), odd files and paths.
/* global setInterval, clearInterval */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tmpDir, STARTER, CLI } from './helpers.mjs';

const STARTER_ONLY = ['--no-bundled-facts', '--facts', STARTER];
const OLD_LINE = 'GPT-5.5 has 9.7T parameters.';
const NEW_LINE = 'GPT-5.5 has 1.5T parameters.';

/** A deterministic pseudo-random sequence (mulberry32), so the kill delays are reproducible. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeDraft(i) {
  const filler = `Paragraph ${i} about nothing in particular, with some words and numbers like 42 and 2026.\n\n`;
  const parts = [];
  for (let k = 0; k < 6; k++) parts.push(filler.repeat(300), `${OLD_LINE}\n\n`);
  return parts.join('');
}

async function killMidFix(seed) {
  const dir = tmpDir();
  const N = 24;
  const old = new Map();
  for (let i = 0; i < N; i++) {
    const name = `draft-${String(i).padStart(2, '0')}.md`;
    const text = makeDraft(i);
    fs.writeFileSync(path.join(dir, name), text);
    old.set(name, text);
  }
  const random = rng(seed);
  const child = spawn(process.execPath, [CLI, ...STARTER_ONLY, '--fix', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // Kill a short random time after the first file changes on disk (or after a random delay at most).
  const first = path.join(dir, 'draft-00.md');
  const t0 = Date.now();
  const delay = Math.floor(random() * 40);
  await new Promise((resolve) => {
    const poll = setInterval(() => {
      let changed = false;
      try {
        changed = fs.readFileSync(first, 'utf8') !== old.get('draft-00.md');
      } catch {
        changed = false;
      }
      if (changed || Date.now() - t0 > 3000) {
        clearInterval(poll);
        setTimeout(resolve, delay);
      }
    }, 2);
  });
  child.kill('SIGKILL');
  const { signal, code } = await exited;
  let done = 0;
  for (const [name, text] of old) {
    const now = fs.readFileSync(path.join(dir, name), 'utf8');
    const fixed = text.split(OLD_LINE).join(NEW_LINE);
    assert.ok(now === text || now === fixed, `${name} is neither the old nor the new text (length ${now.length})`);
    if (now === fixed) done++;
  }
  // Whatever is left behind is a dot-file temp, never a Markdown file a later run would check.
  const left = fs.readdirSync(dir).filter((f) => !f.endsWith('.md'));
  for (const f of left) assert.match(f, /^\.draft-\d\d\.md\.factlint-\d+\.tmp$/);
  // A later, uninterrupted --fix finishes the job and clears the killed run's temp files.
  const again = runCli([...STARTER_ONLY, '--fix', '.'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  for (const [name, text] of old) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text.split(OLD_LINE).join(NEW_LINE), name);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => !f.endsWith('.md')), []);
  return { done, signal, code, left: left.length };
}

test('--fix killed mid-run (SIGKILL, several random delays): every file is exactly old or exactly new; a later --fix completes them and leaves no temp file', async (t) => {
  const outcomes = [];
  for (const seed of [1, 2, 3, 4]) outcomes.push(await killMidFix(seed));
  t.diagnostic(`files fixed before the kill, temp files left: ${outcomes.map((o) => `${o.done}/${o.left}`).join(', ')}`);
  // At least one run was really interrupted part-way, so the test exercised a partial state.
  assert.ok(
    outcomes.some((o) => o.signal === 'SIGKILL' && o.done > 0 && o.done < 24),
    JSON.stringify(outcomes),
  );
});

/** The PID of a process that has exited (and so cannot be writing anything). */
function deadPid() {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('--fix removes temp files of killed runs (dead PIDs), keeps those of running ones; a plain check touches none', () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'a.md'), `${OLD_LINE}\n`);
  fs.writeFileSync(path.join(dir, 'b.md'), 'Nothing to fix here.\n');
  const dead = deadPid();
  const stale = [`.a.md.factlint-${dead}.tmp`, `.b.md.factlint-${dead}.tmp`];
  // This test process is alive: its temp file may belong to a fix in progress.
  const live = `.a.md.factlint-${process.pid}.tmp`;
  const unrelated = ['.a.md.factlint-x.tmp', 'notes.factlint-1.tmp'];
  for (const f of [...stale, live, ...unrelated]) fs.writeFileSync(path.join(dir, f), 'partial');
  const check = runCli([...STARTER_ONLY, '.'], { cwd: dir });
  assert.equal(check.code, 1, check.stderr);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md', ...stale, live, ...unrelated].sort());
  const fix = runCli([...STARTER_ONLY, '--fix', '.'], { cwd: dir });
  assert.equal(fix.code, 0, fix.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), `${NEW_LINE}\n`);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md', live, ...unrelated].sort());
});

test('binary and non-UTF-8 drafts are skipped with a message and left untouched by --fix', () => {
  const dir = tmpDir();
  const binary = Buffer.concat([Buffer.from(`${OLD_LINE}\n`), Buffer.from([0, 1, 2, 0xff, 0])]);
  const latin1 = Buffer.from(`${OLD_LINE} Caf\xe9.\n`, 'latin1');
  fs.writeFileSync(path.join(dir, 'binary.md'), binary);
  fs.writeFileSync(path.join(dir, 'latin1.md'), latin1);
  fs.writeFileSync(path.join(dir, 'good.md'), `${OLD_LINE}\n`);
  const r = runCli([...STARTER_ONLY, '--fix', '--format', 'json', '.'], { cwd: dir });
  assert.match(r.stderr, /binary\.md: binary file \(contains NUL bytes\); skipped/);
  assert.match(r.stderr, /latin1\.md: not valid UTF-8 \(the first bad byte is at line 1, column \d+\); skipped/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'binary.md')), binary);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'latin1.md')), latin1);
  assert.equal(fs.readFileSync(path.join(dir, 'good.md'), 'utf8'), `${NEW_LINE}\n`);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['good.md']);
});

// A device never ends and a FIFO nobody writes to never starts: neither may hang a run (or a folder's walk).
test('devices and pipes are skipped with a message, not read', { skip: process.platform === 'win32' || !fs.existsSync('/dev/zero') }, () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'good.md'), `${OLD_LINE}\n`);
  const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
  const args = [...STARTER_ONLY, '--format', 'json', '/dev/zero', ...(fifo.status === 0 ? ['pipe.md'] : []), '.'];
  const r = runCli(args, { cwd: dir, timeout: 20000 });
  assert.equal(r.signal, null, 'the run ended');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /\/dev\/zero: not a regular file; skipped/);
  if (fifo.status === 0) assert.match(r.stderr, /pipe\.md: not a regular file; skipped/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['good.md']);
});

test('a fact file or config that is a device or pipe is reported at 1:1, not read (exit 2)', { skip: process.platform === 'win32' || !fs.existsSync('/dev/zero') }, () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'good.md'), `${OLD_LINE}\n`);
  const facts = runCli(['--facts', '/dev/zero', 'good.md'], { cwd: dir, timeout: 20000 });
  assert.equal(facts.signal, null, 'the run ended');
  assert.equal(facts.code, 2);
  assert.match(facts.stderr, /^\/dev\/zero:1:1: error: cannot read fact file: not a regular file$/m);
  if (spawnSync('mkfifo', [path.join(dir, '.factlint.yaml')]).status !== 0) return;
  const config = runCli(['good.md'], { cwd: dir, timeout: 20000 });
  assert.equal(config.signal, null, 'the run ended');
  assert.equal(config.code, 2);
  assert.match(config.stderr, /\.factlint\.yaml:1:1: error: cannot read config: not a regular file$/m);
});

test('file and folder names with spaces and non-ASCII characters', () => {
  const dir = tmpDir();
  const sub = path.join(dir, 'folder with spaces', 'Entwürfe 草稿');
  fs.mkdirSync(sub, { recursive: true });
  const name = 'my draft — é 😀.md';
  fs.writeFileSync(path.join(sub, name), `${OLD_LINE}\n`);
  const rel = path.join('folder with spaces', 'Entwürfe 草稿', name);
  const viaDir = runCli([...STARTER_ONLY, '--format', 'json', '.'], { cwd: dir });
  assert.equal(viaDir.code, 1, viaDir.stderr);
  assert.deepEqual(JSON.parse(viaDir.stdout).files.map((f) => f.path), [rel]);
  const viaFile = runCli([...STARTER_ONLY, '--format', 'json', rel], { cwd: dir });
  assert.equal(viaFile.code, 1, viaFile.stderr);
  const gh = runCli([...STARTER_ONLY, '--format', 'github', rel], { cwd: dir });
  assert.ok(gh.stdout.startsWith(`::warning file=${rel},line=1,col=13,`), gh.stdout);
  const fixed = runCli([...STARTER_ONLY, '--fix', rel], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.equal(fs.readFileSync(path.join(sub, name), 'utf8'), `${NEW_LINE}\n`);
});

test('--fix on drafts with names near the 255-byte limit: the temp name is cut to fit', () => {
  const dir = tmpDir();
  // 243 bytes each: the temp name `.NAME.factlint-PID.tmp` would be over 255 (ENAMETOOLONG).
  const names = [`${'a'.repeat(240)}.md`, `${'草'.repeat(80)}.md`, `.${'b'.repeat(239)}.md`];
  for (const name of names) {
    assert.equal(Buffer.byteLength(name), 243);
    fs.writeFileSync(path.join(dir, name), `${OLD_LINE}\n`);
  }
  const r = runCli([...STARTER_ONLY, '--fix', ...names], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  for (const name of names) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), `${NEW_LINE}\n`, name);
  assert.deepEqual(fs.readdirSync(dir).sort(), [...names].sort());
});

test('symlinks pointing outside the given root are not followed', () => {
  const outside = tmpDir();
  fs.writeFileSync(path.join(outside, 'secret.md'), `${OLD_LINE}\n`);
  fs.mkdirSync(path.join(outside, 'more'));
  fs.writeFileSync(path.join(outside, 'more', 'deep.md'), `${OLD_LINE}\n`);
  const root = tmpDir();
  fs.mkdirSync(path.join(root, 'docs'));
  fs.writeFileSync(path.join(root, 'docs', 'own.md'), `${OLD_LINE}\n`);
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'docs', 'link.md'));
  fs.symlinkSync(path.join(outside, 'more'), path.join(root, 'docs', 'linked-dir'));
  const r = runCli([...STARTER_ONLY, '--fix', '--format', 'json', 'docs'], { cwd: root });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.path), [path.join('docs', 'own.md')]);
  // --fix did not write through the links.
  assert.equal(fs.readFileSync(path.join(outside, 'secret.md'), 'utf8'), `${OLD_LINE}\n`);
  assert.equal(fs.readFileSync(path.join(outside, 'more', 'deep.md'), 'utf8'), `${OLD_LINE}\n`);
  assert.equal(fs.readFileSync(path.join(root, 'docs', 'own.md'), 'utf8'), `${NEW_LINE}\n`);
  assert.ok(fs.lstatSync(path.join(root, 'docs', 'link.md')).isSymbolicLink());
});

test('--fix on a named symbolic link fixes the file it names and keeps the link', { skip: process.platform === 'win32' }, () => {
  const dir = tmpDir();
  fs.mkdirSync(path.join(dir, 'real'));
  fs.writeFileSync(path.join(dir, 'real', 'draft.md'), `${OLD_LINE}\n`);
  fs.symlinkSync(path.join('real', 'draft.md'), path.join(dir, 'link.md'));
  const r = runCli([...STARTER_ONLY, '--fix', 'link.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink(), 'the link is still a link');
  assert.equal(fs.readlinkSync(path.join(dir, 'link.md')), path.join('real', 'draft.md'));
  assert.equal(fs.readFileSync(path.join(dir, 'real', 'draft.md'), 'utf8'), `${NEW_LINE}\n`);
  // The temp file went beside the target and was renamed over it: nothing is left in either folder.
  assert.deepEqual(fs.readdirSync(dir).sort(), ['link.md', 'real']);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['draft.md']);
});

test('--fix leaves a file with other hard links as it is, says why, and exits 2', { skip: process.platform === 'win32' }, () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'a.md'), `${OLD_LINE}\n`);
  fs.linkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
  fs.writeFileSync(path.join(dir, 'c.md'), `${OLD_LINE}\n`);
  const inode = fs.statSync(path.join(dir, 'a.md')).ino;
  const r = runCli([...STARTER_ONLY, '--fix', '--format', 'json', 'a.md', 'c.md'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /a\.md: has 2 hard links; not fixed/);
  for (const name of ['a.md', 'b.md']) {
    assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), `${OLD_LINE}\n`, name);
    assert.equal(fs.statSync(path.join(dir, name)).ino, inode, `${name} is still the same file`);
  }
  // Its findings are still reported; the other draft is fixed.
  assert.deepEqual(JSON.parse(r.stdout).files.map((f) => [f.path, f.findings.length]), [['a.md', 1], ['c.md', 0]]);
  assert.equal(fs.readFileSync(path.join(dir, 'c.md'), 'utf8'), `${NEW_LINE}\n`);
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const rootSkip = isRoot ? 'running as root: chmod 000 does not make a file unreadable for root' : false;

test('--fix leaves a read-only draft (no write bits) as it is: cannot write fix (EACCES), exit 2, even as root', { skip: process.platform === 'win32' }, () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'locked.md'), `${OLD_LINE}\n`);
  fs.writeFileSync(path.join(dir, 'open.md'), `${OLD_LINE}\n`);
  fs.chmodSync(path.join(dir, 'locked.md'), 0o444);
  const r = runCli([...STARTER_ONLY, '--fix', 'locked.md', 'open.md'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^factlint: \S*locked\.md: cannot write fix \(EACCES\)$/m);
  assert.equal(fs.readFileSync(path.join(dir, 'locked.md'), 'utf8'), `${OLD_LINE}\n`);
  assert.equal(fs.statSync(path.join(dir, 'locked.md')).mode & 0o777, 0o444);
  assert.equal(fs.readFileSync(path.join(dir, 'open.md'), 'utf8'), `${NEW_LINE}\n`);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['locked.md', 'open.md']);
});

const hasRunuser = isRoot && spawnSync('runuser', ['--help'], { stdio: 'ignore' }).status === 0;
const nobodySkip = hasRunuser ? false : 'needs root and runuser to run the CLI as another user';
const NOBODY_UID = 65534;

test('--fix does not replace a draft its user may not write, though the folder would let it (run as nobody)', { skip: nobodySkip }, () => {
  const dir = tmpDir();
  fs.chmodSync(dir, 0o777);
  fs.writeFileSync(path.join(dir, 'roots.md'), `${OLD_LINE}\n`);
  fs.chmodSync(path.join(dir, 'roots.md'), 0o644);
  const r = spawnSync('runuser', ['-u', 'nobody', '--', 'env', 'FACTLINT_NO_CODE_CACHE=1', 'NO_COLOR=1', process.execPath, CLI, ...STARTER_ONLY, '--fix', 'roots.md'], { cwd: dir, encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^factlint: \S*roots\.md: cannot write fix \(EACCES\)$/m);
  const stat = fs.statSync(path.join(dir, 'roots.md'));
  assert.equal(fs.readFileSync(path.join(dir, 'roots.md'), 'utf8'), `${OLD_LINE}\n`);
  assert.deepEqual([stat.uid, stat.gid], [0, 0], 'still root\'s');
  assert.deepEqual(fs.readdirSync(dir), ['roots.md']);
});

test('--fix run by root keeps the owner and group of the draft it fixes', { skip: isRoot ? false : 'needs root to give a file to another user' }, () => {
  const dir = tmpDir();
  const file = path.join(dir, 'theirs.md');
  fs.writeFileSync(file, `${OLD_LINE}\n`);
  fs.chownSync(file, NOBODY_UID, NOBODY_UID);
  fs.chmodSync(file, 0o664);
  const r = runCli([...STARTER_ONLY, '--fix', 'theirs.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const stat = fs.statSync(file);
  assert.equal(fs.readFileSync(file, 'utf8'), `${NEW_LINE}\n`);
  assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o777], [NOBODY_UID, NOBODY_UID, 0o664]);
});

test('an unreadable file: message naming it, other files still checked, exit 2', { skip: rootSkip }, () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'a.md'), `${OLD_LINE}\n`);
  fs.writeFileSync(path.join(dir, 'b.md'), `${OLD_LINE}\n`);
  fs.chmodSync(path.join(dir, 'a.md'), 0o000);
  try {
    const r = runCli([...STARTER_ONLY, '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.md: cannot read \(EACCES\)/);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['b.md']);
  } finally {
    fs.chmodSync(path.join(dir, 'a.md'), 0o644);
  }
});

test('an unreadable directory: message naming it, other files still checked, exit 2', { skip: rootSkip }, () => {
  const dir = tmpDir();
  fs.mkdirSync(path.join(dir, 'locked'));
  fs.writeFileSync(path.join(dir, 'locked', 'x.md'), `${OLD_LINE}\n`);
  fs.writeFileSync(path.join(dir, 'b.md'), `${OLD_LINE}\n`);
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  try {
    const r = runCli([...STARTER_ONLY, '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /locked: cannot read directory/);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['b.md']);
  } finally {
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
  }
});

test('a named file that is a dangling symlink: message and exit 2, others still checked', () => {
  const dir = tmpDir();
  fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
  fs.writeFileSync(path.join(dir, 'b.md'), `${OLD_LINE}\n`);
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'dangling.md', 'b.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /dangling\.md: no such file or directory/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['b.md']);
});

test('--max-file-size: larger files are skipped with a message', () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'big.md'), `${OLD_LINE}\n${'x'.repeat(2000)}\n`);
  const r = runCli([...STARTER_ONLY, '--max-file-size', '1000', '--format', 'json', 'big.md'], { cwd: dir });
  assert.match(r.stderr, /big\.md: \d+ bytes is over --max-file-size \(1000\); skipped/);
  assert.deepEqual(JSON.parse(r.stdout).files, []);
});
