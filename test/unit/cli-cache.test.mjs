// The CLI's --cache: unchanged drafts keep their findings between runs; anything that could change them checks again; nothing not ours is overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, STARTER, project, runCli, tmpDir } from './helpers.mjs';

const STARTER_ONLY = ['--no-bundled-facts', '--facts', STARTER];
const BAD = 'GPT-5.5 has 9.7T parameters.\n';
const WRONG = 'Llama 3.1 has 500B parameters.\n';
const FORMATS = ['text', 'json', 'sarif', 'github'];

function readCache(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Rewrites every remembered message, so a run that prints it is seen to have used the cache. */
function markCachedMessages(file, mark) {
  const stored = readCache(file);
  for (const entry of Object.values(stored.drafts)) for (const f of entry.findings) f.message = mark;
  fs.writeFileSync(file, JSON.stringify(stored));
}

function messages(r) {
  return JSON.parse(r.stdout).files.flatMap((f) => f.findings.map((x) => x.message));
}

test('--cache: a second run prints exactly what the first printed, in every format', () => {
  const dir = project({ 'a.md': `Intro.\n\n${BAD}`, 'b.md': `# B\n\n${WRONG}`, 'clean.md': 'GPT-5.5 has 1.5T parameters.\n' });
  for (const format of FORMATS) {
    const plain = runCli([...STARTER_ONLY, '--format', format, '.'], { cwd: dir });
    const first = runCli([...STARTER_ONLY, '--cache', '--format', format, '.'], { cwd: dir });
    const second = runCli([...STARTER_ONLY, '--cache', '--format', format, '.'], { cwd: dir });
    for (const r of [first, second]) {
      assert.equal(r.code, plain.code, r.stderr);
      assert.equal(r.stdout, plain.stdout, format);
      assert.equal(r.stderr, '');
    }
  }
  const stored = readCache(path.join(dir, '.factlintcache'));
  assert.equal(stored.format, 'factlint-cache-1');
  assert.deepEqual(Object.keys(stored.drafts).sort(), ['a.md', 'b.md', 'clean.md']);
});

test('--cache: an unchanged draft is not checked again; a changed one is', () => {
  const dir = project({ 'a.md': BAD, 'b.md': WRONG });
  assert.equal(runCli([...STARTER_ONLY, '--cache', 'a.md', 'b.md'], { cwd: dir }).code, 1);
  const cacheFile = path.join(dir, '.factlintcache');
  markCachedMessages(cacheFile, 'remembered');
  fs.appendFileSync(path.join(dir, 'b.md'), 'More text.\n');
  const r = runCli([...STARTER_ONLY, '--cache', '--format', 'json', 'a.md', 'b.md'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const [a, b] = JSON.parse(r.stdout).files;
  assert.deepEqual(a.findings.map((f) => f.message), ['remembered']);
  assert.equal(b.findings.length, 1);
  assert.match(b.findings[0].message, /^Llama 3\.1: 500B/);
  // The changed draft's new findings replaced its old entry.
  assert.match(readCache(cacheFile).drafts['b.md'].findings[0].message, /^Llama 3\.1: 500B/);
});

test('--cache: a changed fact file, config or factlint build checks every draft again', () => {
  const dir = project({ 'a.md': BAD, 'extra.yaml': 'schema: 1\nasOf: 2026-12-01\nmodels: []\n' });
  const args = [...STARTER_ONLY, '--facts', 'extra.yaml', '--cache', '--format', 'json', 'a.md'];
  const cacheFile = path.join(dir, '.factlintcache');
  const fresh = messages(runCli(args, { cwd: dir }));
  assert.equal(fresh.length, 1);

  markCachedMessages(cacheFile, 'remembered');
  assert.deepEqual(messages(runCli(args, { cwd: dir })), ['remembered'], 'the cache is used while nothing changed');

  fs.appendFileSync(path.join(dir, 'extra.yaml'), '# a comment\n');
  assert.deepEqual(messages(runCli(args, { cwd: dir })), ['remembered'], 'a fact file read to the same facts keeps the cache');
  fs.writeFileSync(path.join(dir, 'extra.yaml'), 'schema: 1\nasOf: 2026-12-02\nmodels: []\n');
  assert.deepEqual(messages(runCli(args, { cwd: dir })), fresh, 'other facts: checked again');

  markCachedMessages(cacheFile, 'remembered');
  fs.writeFileSync(path.join(dir, '.factlint.yaml'), 'rules:\n  superseded-figure: error\n');
  const configured = runCli(args, { cwd: dir });
  assert.deepEqual(messages(configured), fresh, 'a new config: checked again');
  assert.equal(JSON.parse(configured.stdout).files[0].findings[0].severity, 'error');

  markCachedMessages(cacheFile, 'remembered');
  const stored = readCache(cacheFile);
  stored.build = '0'.repeat(64);
  fs.writeFileSync(cacheFile, `{"format":"factlint-cache-1",${JSON.stringify(stored).slice(1)}`);
  assert.deepEqual(messages(runCli(args, { cwd: dir })), fresh, 'another build: checked again');
});

test('--cache-location: a file, or a folder for .factlintcache; it implies --cache', () => {
  const dir = project({ 'a.md': BAD, 'cache/keep.txt': 'x' });
  assert.equal(runCli([...STARTER_ONLY, '--cache-location', 'cache', 'a.md'], { cwd: dir }).code, 1);
  assert.ok(fs.existsSync(path.join(dir, 'cache', '.factlintcache')));
  assert.equal(runCli([...STARTER_ONLY, '--cache-location', 'new/dir/', 'a.md'], { cwd: dir }).code, 1);
  assert.ok(fs.existsSync(path.join(dir, 'new', 'dir', '.factlintcache')));
  assert.equal(runCli([...STARTER_ONLY, '--cache', '--cache-location', 'results.cache', 'a.md'], { cwd: dir }).code, 1);
  // Entries are named relative to the cache file, so a cache restored into another checkout still fits.
  assert.deepEqual(Object.keys(readCache(path.join(dir, 'results.cache')).drafts), ['a.md']);
  assert.deepEqual(Object.keys(readCache(path.join(dir, 'cache', '.factlintcache')).drafts), ['../a.md']);
  assert.equal(fs.existsSync(path.join(dir, '.factlintcache')), false);
  assert.equal(runCli([...STARTER_ONLY, '--cache-location', '', 'a.md'], { cwd: dir }).code, 2);
});

test('--cache never overwrites a file that is not a factlint cache', () => {
  const notes = '# My notes\n\nNot a cache.\n';
  const dir = project({ 'a.md': BAD, 'notes.md': notes });
  const plain = runCli([...STARTER_ONLY, '--format', 'json', 'a.md'], { cwd: dir });
  const r = runCli([...STARTER_ONLY, '--cache-location', 'notes.md', '--format', 'json', 'a.md'], { cwd: dir });
  assert.equal(r.code, plain.code);
  assert.equal(r.stdout, plain.stdout);
  assert.match(r.stderr, /notes\.md is not a factlint cache; left as it is/);
  assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), notes);
  // Nor an empty file under another name (an empty draft named by mistake): only `.factlintcache` may start empty.
  fs.writeFileSync(path.join(dir, 'empty.md'), '');
  const empty = runCli([...STARTER_ONLY, '--cache-location', 'empty.md', '--format', 'json', 'a.md'], { cwd: dir });
  assert.equal(empty.stdout, plain.stdout);
  assert.match(empty.stderr, /empty\.md is not a factlint cache/);
  assert.equal(fs.readFileSync(path.join(dir, 'empty.md'), 'utf8'), '');
  fs.writeFileSync(path.join(dir, '.factlintcache'), '');
  assert.equal(runCli([...STARTER_ONLY, '--cache', 'a.md'], { cwd: dir }).stderr, '');
  assert.ok(readCache(path.join(dir, '.factlintcache')).drafts['a.md']);
  // Nor a device, which it does not even read (/dev/zero would never end).
  if (fs.existsSync('/dev/zero')) {
    const device = runCli([...STARTER_ONLY, '--cache-location', '/dev/zero', '--format', 'json', 'a.md'], { cwd: dir, timeout: 10000 });
    assert.equal(device.stdout, plain.stdout);
    assert.match(device.stderr, /\/dev\/zero is not a factlint cache/);
  }
});

test('--cache: a cut-short or hand-spoilt cache starts afresh; an unreadable one is reported and the run stands', () => {
  const dir = project({ 'a.md': BAD, 'blocker': 'a file where a folder would be' });
  const cacheFile = path.join(dir, '.factlintcache');
  const plain = runCli([...STARTER_ONLY, '--format', 'json', 'a.md'], { cwd: dir });
  fs.writeFileSync(cacheFile, '{"format":"factlint-cache-1","build":"ab');
  const r = runCli([...STARTER_ONLY, '--cache', '--format', 'json', 'a.md'], { cwd: dir });
  assert.equal(r.stdout, plain.stdout);
  assert.equal(r.stderr, '');
  assert.deepEqual(Object.keys(readCache(cacheFile).drafts), ['a.md']);

  // A hand-edited entry whose findings are not what the reports read (a number for a message, a fix without
  // text, a range backwards) is checked afresh, not printed or crashed on, in every format.
  for (const spoil of [(f) => (f.message = 42), (f) => delete f.fix.text, (f) => (f.start = f.end + 1), (f) => (f.severity = 'fatal'), (f) => (f.end = 99999)]) {
    const stored = readCache(cacheFile);
    spoil(stored.drafts['a.md'].findings[0]);
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    for (const format of ['json', 'github']) {
      const spoiled = runCli([...STARTER_ONLY, '--cache', '--format', format, 'a.md'], { cwd: dir });
      assert.equal(spoiled.stdout, runCli([...STARTER_ONLY, '--format', format, 'a.md'], { cwd: dir }).stdout, String(spoil));
      assert.equal(spoiled.stderr, '');
    }
  }

  const blocked = runCli([...STARTER_ONLY, '--cache-location', 'blocker/sub/.factlintcache', '--format', 'json', 'a.md'], { cwd: dir });
  assert.equal(blocked.code, plain.code);
  assert.equal(blocked.stdout, plain.stdout);
  assert.match(blocked.stderr, /^factlint: cannot read the cache .*blocker.sub.\.factlintcache \(ENOTDIR\); running without it\n$/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.factlintcache', 'a.md', 'blocker']);
});

test('--cache through a symbolic link writes the file it names and keeps the link; temp files of killed runs are swept', { skip: process.platform === 'win32' }, () => {
  const dir = project({ 'a.md': BAD, 'store/.keep': '' });
  fs.symlinkSync(path.join('store', 'real.cache'), path.join(dir, 'link.cache'));
  const stale = path.join(dir, 'store', '.real.cache-0a1b2c3d4e5f.factlint-999999999.tmp');
  fs.writeFileSync(stale, 'left by a killed run');
  assert.equal(runCli([...STARTER_ONLY, '--cache-location', 'link.cache', 'a.md'], { cwd: dir }).code, 1);
  assert.ok(fs.lstatSync(path.join(dir, 'link.cache')).isSymbolicLink());
  assert.ok(readCache(path.join(dir, 'store', 'real.cache')).drafts['a.md']);
  assert.equal(fs.existsSync(stale), false);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'store')).sort(), ['.keep', 'real.cache']);
});

test('--cache with fact files still fits a copy of the project in another folder (a CI cache restored elsewhere)', () => {
  const extra = 'schema: 1\nasOf: 2026-12-01\nmodels: []\n';
  const dir = project({ 'a.md': BAD, 'extra.yaml': extra, '.factlint.yaml': 'facts: [extra.yaml]\n' });
  assert.equal(runCli([...STARTER_ONLY, '--cache', 'a.md'], { cwd: dir }).code, 1);
  markCachedMessages(path.join(dir, '.factlintcache'), 'remembered');
  const copy = tmpDir();
  fs.cpSync(dir, copy, { recursive: true });
  assert.deepEqual(messages(runCli([...STARTER_ONLY, '--cache', '--format', 'json', 'a.md'], { cwd: copy })), ['remembered']);
});

// /proc takes no new files, even from root (a read-only folder would not stop a test run as root).
test('--cache: a cache that cannot be written is reported; the findings and exit code stand', { skip: process.platform !== 'linux' }, () => {
  const dir = project({ 'a.md': BAD });
  const plain = runCli([...STARTER_ONLY, '--format', 'json', 'a.md'], { cwd: dir });
  const r = runCli([...STARTER_ONLY, '--cache-location', '/proc/factlint-test.cache', '--format', 'json', 'a.md'], { cwd: dir });
  assert.equal(r.code, plain.code);
  assert.equal(r.stdout, plain.stdout);
  assert.match(r.stderr, /^factlint: cannot write the cache \/proc\/factlint-test\.cache \(E[A-Z]+\)\n$/);
});

test('--cache with --fix: a remembered draft with fixes is fixed, and the cache then holds the fixed text', () => {
  const dir = project({ 'a.md': BAD });
  assert.equal(runCli([...STARTER_ONLY, '--cache', 'a.md'], { cwd: dir }).code, 1);
  const fixed = runCli([...STARTER_ONLY, '--cache', '--fix', 'a.md'], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'GPT-5.5 has 1.5T parameters.\n');
  const cacheFile = path.join(dir, '.factlintcache');
  assert.deepEqual(readCache(cacheFile).drafts['a.md'].findings, []);
  const again = runCli([...STARTER_ONLY, '--cache', 'a.md'], { cwd: dir });
  assert.equal(again.code, 0);
  assert.equal(again.stdout, '');
});

test('--cache forgets drafts that no longer exist, keeps those only left out of this run, and ignores --stdin', () => {
  const dir = project({ 'a.md': BAD, 'b.md': WRONG });
  runCli([...STARTER_ONLY, '--cache', 'a.md', 'b.md'], { cwd: dir });
  const cacheFile = path.join(dir, '.factlintcache');
  fs.rmSync(path.join(dir, 'b.md'));
  fs.writeFileSync(path.join(dir, 'c.md'), BAD);
  runCli([...STARTER_ONLY, '--cache', 'c.md'], { cwd: dir });
  assert.deepEqual(Object.keys(readCache(cacheFile).drafts).sort(), ['a.md', 'c.md']);

  const piped = project({});
  const r = runCli([...STARTER_ONLY, '--cache', '--stdin', '--format', 'json'], { cwd: piped, input: BAD });
  assert.equal(r.code, 1);
  assert.deepEqual(fs.readdirSync(piped), []);
});

// Real drafts give findings of every kind (related places, releases, variants, compound sizes): all of it must survive the cache.
const REALTEXT = path.resolve(REPO, '..', 'shared', 'corpus', 'realtext');
test('--cache: the real-text corpus prints the same in json and sarif from the cache as checked', { skip: !fs.existsSync(REALTEXT) }, () => {
  const dir = tmpDir();
  const location = path.join(dir, 'corpus.cache');
  for (const format of ['json', 'sarif']) {
    const plain = runCli(['--format', format, REALTEXT], { cwd: dir });
    assert.ok(JSON.parse(plain.stdout), plain.stderr);
    const first = runCli(['--cache-location', location, '--format', format, REALTEXT], { cwd: dir });
    const second = runCli(['--cache-location', location, '--format', format, REALTEXT], { cwd: dir });
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
    assert.equal(second.code, plain.code);
  }
  const kinds = new Set(Object.values(readCache(location).drafts).flatMap((e) => e.findings.map((f) => f.ruleId)));
  assert.ok(kinds.size >= 4, [...kinds].join(', '));
});

// Model-based: two copies of one project take the same edits; one is checked without the cache, the other
// with it. After every step both must print the same, exit the same and (after --fix) hold the same drafts.
test('property: with --cache, every run prints, exits and fixes as a run without it, whatever changed in between', async () => {
  const { default: fc } = await import('fast-check');
  const { createRequire } = await import('node:module');
  const { run } = createRequire(import.meta.url)(path.join(REPO, 'dist', 'cli.js'));
  const LINES = ['GPT-5.5 has 9.7T parameters.', 'GPT-5.5 has 1.5T parameters.', 'Llama 3.1 has 500B parameters.', 'Foo-1 has 10B parameters.', 'Foo-1 has 12B parameters.', '# GPT-4', 'It has 1.8T parameters.', 'Plain text.'];
  const FOO = (size) => `schema: 1\nasOf: 2026-12-01\nmodels:\n  - id: foo-1\n    name: Foo-1\n    vendor: Foo Labs\n    disclosed: true\n    architecture: dense\n    figures:\n      - { value: ${size}, kind: total, status: official, source: "https://foo.example/card", stated: 2026-01 }\n`;
  const FACTS = ['schema: 1\nasOf: 2026-12-01\nmodels: []\n', FOO('10B'), FOO('12B')];
  const CONFIGS = [undefined, 'rules:\n  superseded-figure: error\n', 'rules:\n  contradicted-figure: off\n', 'ignore: ["d1.md"]\n'];
  const draft = fc.record({ lines: fc.array(fc.constantFrom(...LINES), { maxLength: 5 }), crlf: fc.boolean(), bom: fc.boolean() }).map(({ lines, crlf, bom }) => (bom ? '\ufeff' : '') + lines.join(crlf ? '\r\n\r\n' : '\n\n') + (crlf ? '\r\n' : '\n'));
  const change = fc.oneof(
    fc.record({ write: fc.integer({ min: 0, max: 2 }), text: draft }),
    fc.record({ remove: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ facts: fc.integer({ min: 0, max: FACTS.length - 1 }) }),
    fc.record({ config: fc.integer({ min: 0, max: CONFIGS.length - 1 }) }),
    fc.constant({ none: true }),
  );
  // Each step changes something (or nothing), then both copies are checked.
  const step = fc.record({ change, format: fc.constantFrom('json', 'sarif', 'text'), fix: fc.boolean() });
  const apply = (dir, s) => {
    const at = (name) => path.join(dir, name);
    if ('none' in s) return;
    if ('write' in s) fs.writeFileSync(at(`d${s.write}.md`), s.text);
    else if ('remove' in s) fs.rmSync(at(`d${s.remove}.md`), { force: true });
    else if ('facts' in s) fs.writeFileSync(at('extra.yaml'), FACTS[s.facts]);
    else if (CONFIGS[s.config] === undefined) fs.rmSync(at('.factlint.yaml'), { force: true });
    else fs.writeFileSync(at('.factlint.yaml'), CONFIGS[s.config]);
  };
  const check = async (dir, format, fix, cached) => {
    const out = [];
    const args = [...STARTER_ONLY, '--facts', 'extra.yaml', '--format', format, ...(fix ? ['--fix'] : []), ...(cached ? ['--cache'] : []), '.'];
    const code = await run(args, { cwd: dir, stdout: (s) => out.push(s), stderr: (s) => out.push(`stderr: ${s}`), readStdin: async () => Buffer.alloc(0) });
    return { code, out: out.join('\n') };
  };
  const drafts = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  const START = { 'extra.yaml': FACTS[1], 'd0.md': 'GPT-5.5 has 9.7T parameters.\n\nFoo-1 has 12B parameters.\n', 'd1.md': 'Llama 3.1 has 500B parameters.\n' };
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
      const plain = project(START);
      const cached = project(START);
      for (const s of [{ change: { none: true }, format: 'json', fix: false }, ...steps]) {
        apply(plain, s.change);
        apply(cached, s.change);
        const a = await check(plain, s.format, s.fix, false);
        const b = await check(cached, s.format, s.fix, true);
        assert.deepEqual(b, a, JSON.stringify(s));
        assert.deepEqual(drafts(cached), drafts(plain));
      }
    }),
    { seed: 20261207, numRuns: 40 },
  );
});
