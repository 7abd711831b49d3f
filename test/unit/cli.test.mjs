// Issue 2 items 9-10: project config and the CLI, through the real entry point (node bin/factlint.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO, STARTER, project, runCli, tmpDir } from './helpers.mjs';

const BAD = 'GPT-5.5 has 9.7T parameters.\n';
const STARTER_ONLY = ['--no-bundled-facts', '--facts', STARTER];
const SUPERSEDED_MSG =
  'GPT-5.5: 9.7T is the superseded figure (widely circulated early leaks/speculation); the current figure is 1.5T (estimate: researcher recalculation; source https://www.chaobro.com/posts/gpt-5-5-parameter-recalibration-2026/)';

function json(r) {
  assert.ok(r.stdout.trim().startsWith('{'), `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const EXTRA_FACTS = `schema: 1
asOf: 2026-12-01
models:
  - id: foo-1
    name: Foo-1
    vendor: Foo Labs
    disclosed: true
    architecture: dense
    figures:
      - { value: 10B, kind: total, status: official, source: "https://foo.example/card", stated: 2026-01 }
`;

// ---- Item 10: formats ----

test('json: the exact shape of issue 2 item 10', () => {
  const dir = project({ 'draft.md': `Intro.\n\n${BAD}` });
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'draft.md'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const out = json(r);
  assert.equal(out.version, 1);
  assert.equal(out.files.length, 1);
  assert.equal(out.files[0].path, 'draft.md');
  assert.equal(out.files[0].findings.length, 1);
  const f = out.files[0].findings[0];
  const { source, ...rest } = f;
  assert.deepEqual(rest, {
    ruleId: 'superseded-figure',
    severity: 'warning',
    message: SUPERSEDED_MSG,
    line: 3,
    column: 13,
    endLine: 3,
    endColumn: 17,
    model: 'GPT-5.5',
    text: '9.7T',
    fix: { line: 3, column: 13, endLine: 3, endColumn: 17, text: '1.5T' },
  });
  // An extra "source" field is allowed beside the documented ones; it is the source URL.
  if (source !== undefined) assert.match(source, /^https:\/\//);
});

test('json: "fix" is absent when there is none; files without findings are listed', () => {
  const dir = project({ 'a.md': 'Llama 3.1 has 500B parameters.\n', 'b.md': 'Nothing here.\n' });
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'a.md', 'b.md'], { cwd: dir });
  assert.equal(r.code, 1);
  const out = json(r);
  assert.deepEqual(out.files.map((f) => f.path), ['a.md', 'b.md']);
  assert.equal('fix' in out.files[0].findings[0], false);
  assert.deepEqual(out.files[1].findings, []);
});

test('text: path:line:col severity message [rule], then a summary', () => {
  const dir = project({ 'draft.md': `Intro.\n\n${BAD}` });
  const r = runCli([...STARTER_ONLY, 'draft.md'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, `draft.md:3:13 warning ${SUPERSEDED_MSG} [superseded-figure]\n1 finding in 1 file(s)\n`);
  assert.equal(/\x1b\[/.test(r.stdout), false, 'no colour when not a TTY');
});

test('sarif: SARIF 2.1.0 with rules, region and fix', () => {
  const dir = project({ 'draft.md': BAD });
  const r = runCli([...STARTER_ONLY, '--format', 'sarif', 'draft.md'], { cwd: dir });
  assert.equal(r.code, 1);
  const s = json(r);
  assert.equal(s.version, '2.1.0');
  assert.equal(s.runs.length, 1);
  assert.equal(s.runs[0].tool.driver.name, 'factlint');
  assert.deepEqual(s.runs[0].tool.driver.rules.map((x) => x.id), ['superseded-figure', 'contradicted-figure', 'kind-mismatch', 'unverified-figure', 'release-date', 'misspelled-name', 'unknown-variant', 'availability-mismatch', 'compound-sizes']);
  const [res] = s.runs[0].results;
  assert.equal(res.ruleId, 'superseded-figure');
  assert.equal(res.level, 'warning');
  assert.equal(res.message.text, SUPERSEDED_MSG);
  assert.deepEqual(res.locations[0].physicalLocation, { artifactLocation: { uri: 'draft.md' }, region: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 17 } });
  assert.deepEqual(res.fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 17 }, insertedContent: { text: '1.5T' } });
});

test('sarif: artifact URIs are percent-encoded relative references (file: URIs outside the working directory)', () => {
  const names = ['my draft.md', 'a#1.md', '100%.md', path.join('sub dir', 'é?[x].md')];
  const files = Object.fromEntries(names.map((n) => [n, BAD]));
  const dir = project(files);
  const uris = (r) => {
    const s = json(r);
    return s.runs[0].results.flatMap((x) => [x.locations[0].physicalLocation.artifactLocation.uri, x.fixes[0].artifactChanges[0].artifactLocation.uri]);
  };
  const r = runCli([...STARTER_ONLY, '--format', 'sarif', ...names], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const expected = ['my%20draft.md', 'a%231.md', '100%25.md', 'sub%20dir/%C3%A9%3F%5Bx%5D.md'];
  assert.deepEqual(uris(r), expected.flatMap((u) => [u, u]));
  for (const [i, uri] of expected.entries()) {
    // Only characters a URI may hold, and it resolves back to the file.
    assert.match(uri, /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/);
    assert.equal(fileURLToPath(new URL(uri, pathToFileURL(`${dir}${path.sep}`))), path.join(dir, names[i]));
  }
  // Outside the working directory: an absolute file: URI.
  const outside = runCli([...STARTER_ONLY, '--format', 'sarif', path.join(dir, 'a#1.md')], { cwd: tmpDir() });
  assert.deepEqual(uris(outside), [pathToFileURL(path.join(dir, 'a#1.md')).href, pathToFileURL(path.join(dir, 'a#1.md')).href]);
  assert.match(uris(outside)[0], /^file:\/\/\/.*a%231\.md$/);
  // --stdin without --stdin-filename: the name it reports, <stdin>.md, encoded.
  const stdin = runCli([...STARTER_ONLY, '--format', 'sarif', '--stdin'], { input: BAD, cwd: dir });
  assert.deepEqual(uris(stdin), ['%3Cstdin%3E.md', '%3Cstdin%3E.md']);
});

test('github: workflow-command annotations', () => {
  const dir = project({ 'draft.md': BAD, 'info.md': 'GPT-5.5 has 3T parameters.\n' });
  const r = runCli([...STARTER_ONLY, '--format', 'github', 'draft.md', 'info.md'], { cwd: dir });
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], `::warning file=draft.md,line=1,col=13,endLine=1,endColumn=17,title=factlint superseded-figure::${SUPERSEDED_MSG}`);
  assert.match(lines[1], /^::notice file=info\.md,line=1,col=13,endLine=1,endColumn=15,title=factlint unverified-figure::GPT-5\.5: 3T is unverified/);
  assert.equal(lines.length, 2);
});

// ---- stdin, facts options ----

test('--stdin with --stdin-filename reports that name', () => {
  const dir = project({});
  const r = runCli([...STARTER_ONLY, '--stdin', '--stdin-filename', 'docs/piece.md', '--format', 'json'], { cwd: dir, input: BAD });
  assert.equal(r.code, 1, r.stderr);
  const out = json(r);
  assert.equal(out.files[0].path, path.join('docs', 'piece.md'));
  assert.equal(out.files[0].findings[0].ruleId, 'superseded-figure');
});

test('--stdin honours --max-file-size, and an endless pipe is refused instead of read into memory', () => {
  const over = runCli([...STARTER_ONLY, '--stdin', '--max-file-size', '20', '--format', 'json'], { input: BAD });
  assert.equal(over.code, 0, over.stderr);
  assert.match(over.stderr, /<stdin>\.md: over --max-file-size \(20 bytes\); skipped/);
  assert.deepEqual(json(over).files, []);
  assert.equal(runCli([...STARTER_ONLY, '--stdin', '--max-file-size', String(BAD.length)], { input: BAD }).code, 1, 'a draft of exactly the limit is checked');
  if (!fs.existsSync('/dev/zero')) return;
  const endless = spawnSync('sh', ['-c', `cat /dev/zero | "${process.execPath}" "${path.join(REPO, 'bin', 'factlint.js')}" --stdin --max-file-size 1000000`], { encoding: 'utf8', timeout: 20000 });
  assert.equal(endless.signal, null, 'the run ended');
  assert.match(endless.stderr, /over --max-file-size \(1000000 bytes\); skipped/);
});

test('--stdin with --fix is a usage error (exit 2)', () => {
  const r = runCli(['--stdin', '--fix'], { input: BAD });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--fix cannot be used with --stdin/);
});

test('--no-bundled-facts without --facts knows no models', () => {
  const r = runCli(['--no-bundled-facts', '--stdin', '--format', 'json'], { input: BAD });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(json(r).files[0].findings, []);
});

test('bundled facts are used by default', () => {
  const r = runCli(['--stdin', '--format', 'json'], { input: BAD, cwd: tmpDir() });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(json(r).files[0].findings[0].ruleId, 'superseded-figure');
});

test('--facts is repeatable: both files are loaded', () => {
  const dir = project({ 'extra.yaml': EXTRA_FACTS });
  const r = runCli([...STARTER_ONLY, '--facts', 'extra.yaml', '--stdin', '--format', 'json'], { cwd: dir, input: `${BAD}\nFoo-1 has 20B parameters.\n` });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    json(r).files[0].findings.map((f) => [f.ruleId, f.model, f.line]),
    [
      ['superseded-figure', 'GPT-5.5', 1],
      ['contradicted-figure', 'Foo-1', 3],
    ],
  );
});

test('--fail-on: information findings fail only with --fail-on information; warnings pass --fail-on error', () => {
  const info = 'GPT-5.5 has 3T parameters.\n';
  assert.equal(runCli([...STARTER_ONLY, '--stdin'], { input: info }).code, 0);
  assert.equal(runCli([...STARTER_ONLY, '--stdin', '--fail-on', 'information'], { input: info }).code, 1);
  assert.equal(runCli([...STARTER_ONLY, '--stdin', '--fail-on', 'error'], { input: BAD }).code, 0);
  assert.equal(runCli([...STARTER_ONLY, '--stdin', '--fail-on', 'warning'], { input: BAD }).code, 1);
});

test('exit 0 on a clean draft', () => {
  const r = runCli([...STARTER_ONLY, '--stdin'], { input: 'GPT-5.5 has 1.5T parameters.\n' });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
});

test('exit 2: usage errors and missing files', () => {
  const a = runCli(['--format', 'xml', 'x.md']);
  assert.equal(a.code, 2);
  assert.match(a.stderr, /--format must be text, json, sarif or github/);
  assert.equal(runCli(['--fail-on', 'hint', 'x.md']).code, 2);
  assert.equal(runCli(['--bogus-option', 'x.md']).code, 2);
  assert.equal(runCli([]).code, 2);
  const m = runCli([...STARTER_ONLY, 'no-such-file.md'], { cwd: tmpDir() });
  assert.equal(m.code, 2);
  assert.match(m.stderr, /no-such-file\.md: no such file or directory/);
});

test('exit 2: options that would otherwise be accepted and do nothing', () => {
  const dir = project({ 'a.md': BAD });
  const usage = (args, pattern, input) => {
    const r = runCli(args, { cwd: dir, ...(input === undefined ? {} : { input }) });
    assert.equal(r.code, 2, `${JSON.stringify(args)}: ${r.stderr}`);
    assert.match(r.stderr, pattern, JSON.stringify(args));
    assert.equal(r.stdout, '', JSON.stringify(args));
  };
  for (const format of ['sarif', 'github', 'xml']) usage(['facts', '--format', format], format === 'xml' ? /--format must be text, json, sarif or github/ : new RegExp(`--format for factlint facts must be text or json \\(got "${format}"\\)`));
  assert.equal(runCli(['facts', '--format', 'text'], { cwd: dir }).code, 0);
  usage(['--check', 'facts.yaml', 'a.md'], /--check is an option of factlint facts only/);
  usage(['--stdin', 'a.md'], /--stdin cannot be combined with files \(got "a\.md"\)/, BAD);
  for (const size of ['0x100', ' 100', '100 ', '1e3', '+100', '100.0', '0', '', '1k']) usage(['--stdin', '--max-file-size', size], /--max-file-size must be a positive whole number of bytes in decimal digits/, BAD);
  assert.equal(runCli([...STARTER_ONLY, '--stdin', '--max-file-size', '0100'], { cwd: dir, input: BAD }).code, 1, 'plain decimal digits are a size');
  for (const name of ['', '.', '..', 'docs/', 'docs/..']) usage(['--stdin', '--stdin-filename', name], /--stdin-filename must name a file/, BAD);
});

test('--stdin with a directory on standard input: cannot read standard input (EISDIR), exit 2', { skip: process.platform === 'win32' }, () => {
  const dir = project({ 'a.md': BAD });
  const fd = fs.openSync(dir, 'r');
  try {
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'factlint.js'), ...STARTER_ONLY, '--stdin', '--format', 'json'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 30000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^factlint: cannot read standard input \(EISDIR\)$/m);
    assert.deepEqual(json({ stdout: r.stdout, stderr: r.stderr }).files, []);
  } finally {
    fs.closeSync(fd);
  }
});

test('--help and --version exit 0', () => {
  const h = runCli(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^Usage: factlint/);
  const v = runCli(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout.trim(), /^\d+\.\d+\.\d+$/);
});

// ---- --fix ----

test('--fix writes the fixes in place and exits 0 when nothing is left', () => {
  const dir = project({ 'draft.md': `# Title\n\n${BAD}GPT-5.5 has 9.7 trillion parameters.\n` });
  const r = runCli([...STARTER_ONLY, '--fix', 'draft.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), '# Title\n\nGPT-5.5 has 1.5T parameters.\nGPT-5.5 has 1.5 trillion parameters.\n');
  assert.deepEqual(fs.readdirSync(dir), ['draft.md'], 'no temp file left behind');
});

test('--fix keeps CRLF, the BOM and the file mode', () => {
  const dir = project({});
  const file = path.join(dir, 'crlf.md');
  fs.writeFileSync(file, `\ufeffIntro.\r\n\r\nGPT-5.5 has 9.7T parameters.\r\nEnd.\r\n`);
  fs.chmodSync(file, 0o640);
  const r = runCli([...STARTER_ONLY, '--fix', '--format', 'json', 'crlf.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.toString('utf8'), `\ufeffIntro.\r\n\r\nGPT-5.5 has 1.5T parameters.\r\nEnd.\r\n`);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(json(r).files[0].findings, []);
});

test('--fix leaves findings without a fix and reports them (exit 1)', () => {
  const dir = project({ 'draft.md': `${BAD}Llama 3.1 has 500B parameters.\n` });
  const r = runCli([...STARTER_ONLY, '--fix', '--format', 'json', 'draft.md'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), 'GPT-5.5 has 1.5T parameters.\nLlama 3.1 has 500B parameters.\n');
  assert.deepEqual(json(r).files[0].findings.map((f) => [f.ruleId, f.line]), [['contradicted-figure', 2]]);
});

test('--fix does not touch a clean file', () => {
  const dir = project({ 'ok.md': 'GPT-5.5 has 1.5T parameters.\n' });
  const file = path.join(dir, 'ok.md');
  const old = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, old, old);
  assert.equal(runCli([...STARTER_ONLY, '--fix', 'ok.md'], { cwd: dir }).code, 0);
  assert.equal(fs.statSync(file).mtimeMs, old.getTime());
});

// ---- files, directories, globs ----

test('directories: *.md and *.markdown, skipping node_modules and .gitignored files', () => {
  const dir = project({
    '.gitignore': 'drafts/private/\nscratch.md\n',
    'a.md': BAD,
    'sub/b.markdown': BAD,
    'sub/c.txt': BAD,
    'node_modules/pkg/readme.md': BAD,
    'drafts/private/d.md': BAD,
    'scratch.md': BAD,
    'drafts/e.md': BAD,
  });
  const r = runCli([...STARTER_ONLY, '--format', 'json', '.'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    json(r).files.map((f) => f.path).sort(),
    ['a.md', path.join('drafts', 'e.md'), path.join('sub', 'b.markdown')].sort(),
  );
});

test('globs expand relative to the working directory', () => {
  const dir = project({ 'docs/a.md': BAD, 'docs/deep/b.md': BAD, 'docs/c.txt': BAD, 'other/d.md': BAD });
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'docs/**/*.md'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(json(r).files.map((f) => f.path).sort(), [path.join('docs', 'a.md'), path.join('docs', 'deep', 'b.md')].sort());
  const none = runCli([...STARTER_ONLY, 'nothing/**/*.md'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no files match/);
});

// ---- Item 9: .factlint.yaml ----

test('.factlint.yaml is found by walking up: rule severity applies', () => {
  const dir = project({ '.factlint.yaml': 'rules:\n  superseded-figure: error\n', 'a/b/c/draft.md': BAD });
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'a/b/c/draft.md'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(json(r).files[0].findings[0].severity, 'error');
});

test('the nearest .factlint.yaml wins', () => {
  const dir = project({
    '.factlint.yaml': 'rules:\n  superseded-figure: error\n',
    'a/.factlint.yaml': 'rules:\n  superseded-figure: off\n',
    'a/draft.md': BAD,
    'b/draft.md': BAD,
  });
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'a/draft.md', 'b/draft.md'], { cwd: dir });
  const out = json(r);
  assert.deepEqual(out.files[0].findings, []);
  assert.equal(out.files[1].findings[0].severity, 'error');
});

test('rules: off turns a rule off (exit 0)', () => {
  const dir = project({ '.factlint.yaml': 'rules:\n  superseded-figure: off\n', 'draft.md': BAD });
  const r = runCli([...STARTER_ONLY, '--format', 'json', 'draft.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(json(r).files[0].findings, []);
});

test('facts: extra files merge over the base; the same id overrides', () => {
  const override = `schema: 1
asOf: 2026-12-01
models:
  - id: gpt-5.5
    name: GPT-5.5
    vendor: OpenAI
    disclosed: true
    architecture: dense
    figures:
      - { value: 9.7T, kind: total, status: official, source: "https://example.com/card", stated: 2026-12 }
`;
  const dir = project({ '.factlint.yaml': 'facts:\n  - facts/override.yaml\n  - facts/extra.yaml\n', 'facts/override.yaml': override, 'facts/extra.yaml': EXTRA_FACTS, 'docs/draft.md': `${BAD}\nFoo-1 has 20B parameters.\n\nKimi K2 has 2T parameters.\n` });
  // Bundled base + config facts: GPT-5.5's 9.7T is now official, Foo-1 is known, Kimi K2 still from the bundle.
  const r = runCli(['--format', 'json', 'docs/draft.md'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    json(r).files[0].findings.map((f) => [f.ruleId, f.model, f.line]),
    [
      ['contradicted-figure', 'Foo-1', 3],
      ['contradicted-figure', 'Kimi K2', 5],
    ],
  );
});

test('ignore: globs relative to the config file skip drafts', () => {
  const dir = project({ '.factlint.yaml': 'ignore:\n  - "archive/**"\n  - "*.draft.md"\n', 'archive/old.md': BAD, 'x.draft.md': BAD, 'live.md': BAD });
  const r = runCli([...STARTER_ONLY, '--format', 'json', '.'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(json(r).files.map((f) => f.path), ['live.md']);
});

test('malformed .factlint.yaml: exit 2 with file:line:col', () => {
  const dir = project({ '.factlint.yaml': 'rules:\n  superseded-figure: loud\n', 'draft.md': BAD });
  const r = runCli([...STARTER_ONLY, 'draft.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^\.factlint\.yaml:2:22: error: rules\.superseded-figure must be one of error, warning, information, hint, off$/m);
});

test('.factlint.yaml with a YAML syntax error or unknown key: exit 2 with positions', () => {
  const syntax = project({ '.factlint.yaml': 'rules:\n  superseded-figure: [error\n', 'draft.md': BAD });
  const a = runCli([...STARTER_ONLY, 'draft.md'], { cwd: syntax });
  assert.equal(a.code, 2);
  assert.match(a.stderr, /^\.factlint\.yaml:\d+:\d+: error: /m);
  const unknown = project({ '.factlint.yaml': 'rules:\n  superseded-figure: error\nextra: 1\n', 'draft.md': BAD });
  const b = runCli([...STARTER_ONLY, 'draft.md'], { cwd: unknown });
  assert.equal(b.code, 2);
  assert.match(b.stderr, /^\.factlint\.yaml:3:1: error: unknown key "extra"/m);
});

test('a config naming a missing fact file: exit 2 naming it', () => {
  const dir = project({ '.factlint.yaml': 'facts: [missing.yaml]\n', 'draft.md': BAD });
  const r = runCli([...STARTER_ONLY, 'draft.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.yaml:1:1: error: cannot read fact file: ENOENT/);
});

// ---- factlint facts ----

test('factlint facts --format json: merged base, >= 150 models, documented shape', () => {
  const r = runCli(['facts', '--format', 'json'], { cwd: tmpDir() });
  assert.equal(r.code, 0, r.stderr);
  const out = json(r);
  assert.match(out.asOf, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(out.models.length >= 150, `${out.models.length} models`);
  for (const m of out.models) {
    for (const k of ['id', 'name', 'aliases', 'vendor', 'disclosed', 'figures']) assert.ok(k in m, `${m.id} lacks ${k}`);
    assert.equal(typeof m.id, 'string');
    assert.ok(Array.isArray(m.aliases));
    assert.equal(typeof m.disclosed, 'boolean');
    for (const f of m.figures) {
      assert.equal(typeof f.value, 'number', `${m.id}`);
      assert.ok(['total', 'active'].includes(f.kind), `${m.id}`);
      assert.ok(['official', 'estimate', 'rumor', 'superseded', 'derived'].includes(f.status), `${m.id}`);
      assert.match(f.source, /^https?:\/\//, `${m.id}`);
    }
  }
  const gpt = out.models.find((m) => m.id === 'gpt-5.5');
  assert.equal(gpt.disclosed, false);
  assert.deepEqual(gpt.figures.map((f) => [f.value, f.status]).filter(([v]) => v === 1.5e12 || v === 9.7e12).sort(), [
    [1.5e12, 'estimate'],
    [9.7e12, 'superseded'],
  ]);
});

test('factlint facts --format json includes --facts files', () => {
  const dir = project({ 'extra.yaml': EXTRA_FACTS });
  const r = runCli(['facts', '--format', 'json', '--no-bundled-facts', '--facts', 'extra.yaml'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const out = json(r);
  assert.deepEqual(out.models.map((m) => m.id), ['foo-1']);
  assert.equal(out.models[0].figures[0].value, 1e10);
  assert.equal(out.asOf, '2026-12-01');
});

test('factlint facts --check: valid file exits 0, a broken one exits 2 with positions', () => {
  const dir = project({ 'good.yaml': EXTRA_FACTS, 'bad.yaml': EXTRA_FACTS.replace('kind: total', 'kind: everything') });
  const ok = runCli(['facts', '--check', 'good.yaml'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /good\.yaml: valid fact file/);
  const bad = runCli(['facts', '--check', 'bad.yaml'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^bad\.yaml:10:29: error: Foo-1: figure kind must be one of total, active$/m);
});

test('the npm package holds the CLI, its bundle, code cache and fact base, and no tests', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = JSON.parse(r.stdout)[0].files.map((f) => f.path);
  for (const needed of ['bin/factlint.js', 'dist/launch.js', 'dist/cli.js', 'dist/factFiles.js', 'dist/core.js', 'dist/facts.json', 'dist/bundled.yaml', 'dist/factbase.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    assert.ok(files.includes(needed), `${needed} missing from the package: ${files.join(' ')}`);
  }
  assert.deepEqual(files.filter((f) => f.startsWith('test/') || f.startsWith('src/')), []);
});

test('the CLI bundle, the core and the compiled fact base are ASCII-only, and the YAML readers stay out of the CLI bundle', () => {
  // V8 holds an ASCII source one byte per character (esbuild.js asciiOnly); a two-byte bundle cost ~4 ms a start.
  for (const f of ['cli.js', 'core.js', 'facts.json']) {
    const text = fs.readFileSync(path.join(REPO, 'dist', f), 'utf8');
    const at = text.search(/[^\0-\x7f]/);
    assert.equal(at, -1, `dist/${f} has a non-ASCII character at ${at}: ${JSON.stringify(text.slice(at - 30, at + 10))}`);
  }
  // dist/factFiles.js is required only for a .factlint.yaml or fact files (src/cli/factSources.ts).
  const cli = fs.readFileSync(path.join(REPO, 'dist', 'cli.js'), 'utf8');
  assert.match(cli, /require\(["']\.\/factFiles\.js["']\)/);
  assert.doesNotMatch(cli, /\bLineCounter = class\b|\bclass LineCounter\b/, "yaml's LineCounter is bundled into dist/cli.js");
  // The YAML readers' chunk holds no Markdown parser: a line-position helper once pulled markdown-it in (106 -> 207 KB).
  const factFiles = fs.readFileSync(path.join(REPO, 'dist', 'factFiles.js'), 'utf8');
  assert.doesNotMatch(factFiles, /\bMarkdownIt\b|linkify-it|markdown-it/, 'markdown-it is bundled into dist/factFiles.js');
});
