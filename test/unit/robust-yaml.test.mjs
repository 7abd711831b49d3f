// Issue 8 item 3: broken fact bases — each problem names file, line and column; the CLI exits 2.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { core, FIXTURES, CLI, tmpDir } from './helpers.mjs';

const DIR = path.join(FIXTURES, 'bad-facts');

// [file, line, column, message] of the first problem; every file must be rejected (base undefined).
const CASES = [
  ['01-syntax-unclosed-flow.yaml', 9, 1, /Flow map in block collection must be sufficiently indented and end with a \}/],
  ['02-syntax-bad-indent.yaml', 4, 9, /Nested mappings are not allowed in compact mappings/],
  ['03-tab-indent.yaml', 8, 1, /Tabs are not allowed as indentation/],
  ['04-duplicate-key.yaml', 8, 5, /Map keys must be unique/],
  ['05-top-not-mapping.yaml', 1, 1, /^the fact base must be a mapping$/],
  ['06-models-not-list.yaml', 4, 3, /^models must be a list$/],
  ['07-unknown-top-key.yaml', 3, 1, /^unknown key "sources" in the fact base/],
  ['08-unknown-figure-key.yaml', 9, 103, /^unknown key "confidence" in a figure of Alpha-1/],
  ['09-duplicate-id.yaml', 9, 5, /^duplicate model id "alpha-1" \(first at line 4\)$/],
  ['10-duplicate-alias.yaml', 10, 5, /^Beta-1: alias "ZED-1" is ambiguous: it already names alpha-1 \(line 4\)$/],
  ['11-non-numeric-value.yaml', 9, 18, /figure value must be a finite number above 0.* got "lots"$/],
  ['12-negative-value.yaml', 9, 18, /figure value must be a finite number above 0.* got -7$/],
  ['29-alias-too-long.yaml', 6, 26, /^Alpha-1: alias is 201 characters long; the limit is 200$/],
  ['30-empty-name.yaml', 5, 11, /^model alpha-1 name must not be empty$/],
  ['31-empty-vendor.yaml', 6, 13, /^Alpha-1: vendor must not be empty$/],
  ['32-zero-value-with-unit.yaml', 9, 17, /figure value must be a finite number above 0.* got "0B"$/],
  ['33-infinite-value.yaml', 9, 17, /figure value must be a finite number above 0.* got "9{39}$/],
  ['34-blank-alias.yaml', 6, 15, /^Alpha-1: alias must not be empty$/],
  ['13-source-not-url.yaml', 9, 61, /figure source must be an http\(s\) URL$/],
  ['14-bad-status.yaml', 9, 43, /figure status must be one of official, derived, estimate, rumor, superseded$/],
  ['15-bad-date.yaml', 9, 94, /stated must be YYYY, YYYY-MM or YYYY-MM-DD$/],
  ['16-disclosed-not-bool.yaml', 7, 16, /disclosed must be true or false$/],
  ['17-aliases-not-list.yaml', 8, 14, /aliases must be a list of strings$/],
  ['18-bad-id.yaml', 4, 9, /^model id "Alpha One" must be lowercase/],
  ['19-custom-tag.yaml', 8, 11, /Unresolved tag: tag:yaml\.org,2002:js\/function/],
  ['21-superseded-without-current.yaml', 4, 5, /the superseded figure 7B needs a current total figure beside it$/],
  ['22-schema-version.yaml', 1, 9, /^schema must be 1$/],
  ['23-wrong-type-figures.yaml', 8, 14, /figures must be a list$/],
  ['24-bad-kind.yaml', 9, 28, /figure kind must be one of total, active$/],
  ['26-merge-key.yaml', 10, 5, /^unknown key "<<" in a model/],
  ['27-unknown-tag.yaml', 8, 14, /Unresolved tag: !include/],
];

function parse(name) {
  const file = path.join(DIR, name);
  return core.parseFactBase(file, fs.readFileSync(file, 'utf8'));
}

test('there are at least 20 malformed fact files', () => {
  assert.ok(fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).length >= 20);
});

for (const [name, line, column, message] of CASES) {
  test(`loader: ${name} → ${line}:${column}`, () => {
    const { base, problems } = parse(name);
    assert.equal(base, undefined);
    assert.ok(problems.length >= 1);
    const p = problems[0];
    assert.equal(p.severity, 'error');
    assert.equal(p.file, path.join(DIR, name));
    assert.deepEqual([p.line, p.column], [line, column], p.message);
    assert.match(p.message, message);
  });
}

test('loader: an anchors/aliases bomb is refused quickly with a positioned message', () => {
  const t = performance.now();
  const { base, problems } = parse('20-alias-bomb.yaml');
  assert.ok(performance.now() - t < 2000);
  assert.equal(base, undefined);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /^YAML aliases expand too far/);
  assert.ok(problems[0].line >= 1 && problems[0].column >= 1);
});

test('loader: the custom tag is never executed or resolved (data only)', () => {
  const { base, problems } = parse('19-custom-tag.yaml');
  assert.equal(base, undefined);
  assert.ok(problems.every((p) => !/function \(\)/.test(p.message) || /Unresolved tag/.test(p.message)));
});

test('loader: a missing required field is positioned at its mapping', () => {
  const { base, problems } = parse('25-missing-name.yaml');
  assert.equal(base, undefined);
  assert.match(problems[0].message, /name is required/);
  // Line 4 is `  - id: alpha-1`, the mapping of the model without a name.
  assert.deepEqual([problems[0].line, problems[0].column], [4, 5]);
});

test('loader: a NUL byte is rejected', () => {
  const { base, problems } = parse('28-nul-byte.yaml');
  assert.equal(base, undefined);
  assert.match(problems[0].message, /NUL character/);
});

test('loader: a NUL byte is positioned at a 1-based line and column', () => {
  const { problems } = parse('28-nul-byte.yaml');
  // Line 5 is `    name: "A<NUL>"`: the NUL is the 13th character.
  assert.deepEqual([problems[0].line, problems[0].column, problems[0].endLine, problems[0].endColumn], [5, 13, 5, 14]);
});

// The 50 MB file is generated at test time in a temp folder.
const bigDir = tmpDir();
const BIG = path.join(bigDir, 'huge.yaml');
{
  const model = (i) => `  - id: m-${i}\n    name: Model-${i}\n    vendor: V\n    disclosed: true\n    figures:\n      - { value: 7B, kind: total, status: official, source: "https://example.com/${i}", stated: 2026-01 }\n`;
  const chunk = Array.from({ length: 1000 }, (_, i) => model(i)).join('');
  const fd = fs.openSync(BIG, 'w');
  fs.writeSync(fd, 'schema: 1\nasOf: 2026-11-25\nmodels:\n');
  let size = 0;
  while (size < 50 * 1024 * 1024) size += fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}
after(() => fs.rmSync(bigDir, { recursive: true, force: true }));

test('loader: a 50 MB fact file is refused before parsing, quickly', () => {
  const text = fs.readFileSync(BIG, 'utf8');
  const t = performance.now();
  const { base, problems } = core.parseFactBase(BIG, text);
  assert.ok(performance.now() - t < 2000);
  assert.equal(base, undefined);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /fact file is too large/);
});

test('loader: the too-large problem is positioned at 1:1', () => {
  const { problems } = core.parseFactBase(BIG, 'x'.repeat(core.MAX_FACT_FILE_CHARS + 1));
  assert.deepEqual([problems[0].file, problems[0].line, problems[0].column], [BIG, 1, 1]);
});

function cli(args, cwd) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

test('CLI: factlint --facts BAD x.md exits 2 naming file:line:col, for every malformed file (and the 50 MB one)', async () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'x.md'), 'GPT-5.5 has 9.7T parameters.\n');
  const files = [...fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => path.join(DIR, f)), BIG];
  const results = [];
  // Two at a time: enough to be quick, few enough for a small CI machine.
  for (let i = 0; i < files.length; i += 2) {
    results.push(...(await Promise.all(files.slice(i, i + 2).map((f) => cli(['--facts', f, '--format', 'json', 'x.md'], dir).then((r) => ({ f, ...r }))))));
  }
  for (const r of results) {
    assert.equal(r.code, 2, `${path.basename(r.f)}: exit ${r.code}\n${r.stderr}`);
    assert.match(r.stderr, new RegExp(`${path.basename(r.f).replace(/\./g, '\\.')}:\\d+:\\d+: error: `), path.basename(r.f));
  }
  for (const [name, line, column] of CASES) {
    const r = results.find((x) => path.basename(x.f) === name);
    assert.ok(r.stderr.includes(`${name}:${line}:${column}: error: `), `${name}: ${r.stderr}`);
  }
});
