// Issue 8 items 1-2: property tests (fixed seed) and adversarial inputs that must not blow up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { core, starter, bundled, REPO } from './helpers.mjs';
import { HOSTILE } from '../bench/adversarial.mjs';
import { checksInBounds, fixesSettle, texts } from './properties.mjs';

const SEED = 20261125;
const RUNS = 300;

const anyText = texts();

for (const [name, checker] of [
  ['starter', starter],
  ['bundled', bundled],
]) {
  test(`property (${name} facts): check returns, ranges are in bounds and on UTF-16 boundaries`, () => {
    fc.assert(fc.property(anyText, (text) => checksInBounds(checker())(text)), { seed: SEED, numRuns: RUNS });
  });

  test(`property (${name} facts): fixes apply cleanly; applying all fixes twice equals once`, () => {
    fc.assert(fc.property(anyText, (text) => fixesSettle(checker())(text)), { seed: SEED + 1, numRuns: RUNS });
  });
}

test('property: createPositionMap round-trips with offsetAt on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
      const pos = core.createPositionMap(text);
      for (let i = 0; i <= text.length; i += 1 + (i % 7)) {
        const p = pos(i);
        assert.ok(p.line >= 1 && p.column >= 1);
        assert.equal(core.offsetAt(text, p.line, p.column), i);
      }
    }),
    { seed: SEED + 2, numRuns: RUNS },
  );
});

const yamlish = fc.oneof(
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.array(fc.constantFrom('models:\n', '  - id: a\n', '    name: A\n', 'rules:\n', '  x: y\n', '&a [*a, *a]\n', '!!js/function f\n', '{', '[', ': ', '- ', '"', "'", '\t', 'schema: 1\n', '\r\n', '\ufeff'), { maxLength: 30 }).map((a) => a.join('')),
);

test('property: parseProjectConfig and parseFactBase never throw on arbitrary text', () => {
  fc.assert(
    fc.property(yamlish, (text) => {
      const a = core.parseFactBase('f.yaml', text);
      for (const p of a.problems) assert.equal(typeof p.message, 'string');
      const b = core.parseProjectConfig('.factlint.yaml', text);
      for (const p of b.problems) assert.equal(typeof p.message, 'string');
    }),
    { seed: SEED + 3, numRuns: RUNS },
  );
});

test('property: every problem is positioned at a 1-based line and column (text without NUL)', () => {
  fc.assert(
    fc.property(yamlish.filter((t) => !t.includes('\u0000')), (text) => {
      for (const p of [...core.parseFactBase('f.yaml', text).problems, ...core.parseProjectConfig('.factlint.yaml', text).problems]) {
        assert.ok(p.line >= 1 && p.column >= 1 && p.endLine >= p.line, JSON.stringify(p));
      }
    }),
    { seed: SEED + 4, numRuns: RUNS },
  );
});

// ---- Adversarial inputs: each runs in a child process with a generous time bound. ----

const MB = 1 << 20;
const ADVERSARIAL = {
  'GPT- repeated (1 MB)': `'GPT-'.repeat(${MB / 4})`,
  'digit run (1 MB)': `'1'.repeat(${MB})`,
  'digits and spaces (1 MB)': `'1 '.repeat(${MB / 2})`,
  '"9." repeated (1 MB)': `'9.'.repeat(${MB / 2})`,
  '100k alias-like tokens': `'Llama 3.1 Qwen2.5 GPT-5 Opus '.repeat(100000).slice(0, ${MB})`,
  'pipes, backticks, brackets (1 MB)': `'|\`[]('.repeat(${MB / 5})`,
  'unterminated comments and math (1 MB)': `'<!-- $ $$ '.repeat(${MB / 10})`,
  'one 1 MB line of prose without figures': `'The model GPT-5.5 is described here, '.repeat(${Math.floor(MB / 37)})`,
  'derivations and comparisons: 1 MB of coordinated names after "distilled from", and of comparisons with phrases of means': `'distilled from Llama 3, Qwen 2 and Mistral 7B and Gemma, '.repeat(${Math.floor(MB / 120)}) + 'DeepSeek-V3 beats Llama 3.1 405B and GPT-4 with only 37B active parameters while activating just 37B, '.repeat(${Math.floor(MB / 200)})`,
  'spelled units: 1 MB of 亿, of numerals before one 亿, of "illion" and of "a trillion parameters"': `'亿'.repeat(${MB / 4}) + '九点一千'.repeat(${MB / 16}) + '亿' + 'illion'.repeat(${MB / 24}) + 'GPT-5.5 has a trillion parameters. '.repeat(${Math.floor(MB / 140)})`,
};
const BOUND_MS = 10000;

function timeInChild(expr, facts = 'bundled') {
  const script = `
    const core = require(${JSON.stringify(`${REPO}/dist/core.js`)});
    const fs = require('fs');
    const base = ${facts === 'bundled' ? `JSON.parse(fs.readFileSync(${JSON.stringify(`${REPO}/dist/facts.json`)}, 'utf8'))` : 'null'};
    const c = core.createChecker(base);
    const text = ${expr};
    const t = performance.now();
    const r = c.check(text);
    process.stdout.write(JSON.stringify({ ms: performance.now() - t, findings: r.findings.length, length: text.length }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: BOUND_MS + 5000 });
  return r;
}

for (const [name, expr] of Object.entries(ADVERSARIAL)) {
  test(`adversarial: ${name} checks within ${BOUND_MS / 1000} s`, () => {
    const r = timeInChild(expr);
    assert.equal(r.signal, null, `killed after ${BOUND_MS + 5000} ms`);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(out.length >= 100000, `${out.length}`);
    assert.ok(out.ms < BOUND_MS, `${Math.round(out.ms)} ms`);
  });
}

// The benchmark's hostile drafts (test/bench/adversarial.mjs) at full size, all in one child that
// reports each as it finishes: a draft that blows up is named even when the child is killed.
let hostileTimes;
function timeHostileDrafts() {
  if (hostileTimes) return hostileTimes;
  const script = `
    const core = require(${JSON.stringify(`${REPO}/dist/core.js`)});
    const base = JSON.parse(require('fs').readFileSync(${JSON.stringify(`${REPO}/dist/facts.json`)}, 'utf8'));
    const c = core.createChecker(base);
    import(${JSON.stringify(`${REPO}/test/bench/adversarial.mjs`)}).then(({ hostileDrafts }) => {
      for (const { name, text } of hostileDrafts()) {
        // Twice: a second check of an equal text must not compare caches by content at every step.
        let ms = 0;
        for (let run = 0; run < 2; run++) {
          const t = performance.now();
          c.check(text);
          ms = Math.max(ms, performance.now() - t);
        }
        process.stdout.write(JSON.stringify({ name, length: text.length, ms }) + '\\n');
      }
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120000 });
  hostileTimes = { signal: r.signal, stderr: r.stderr, byName: new Map(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((o) => [o.name, o])) };
  return hostileTimes;
}

for (const name of Object.keys(HOSTILE)) {
  test(`adversarial (benchmark draft): ${name} checks within ${BOUND_MS / 1000} s`, () => {
    const { byName, signal, stderr } = timeHostileDrafts();
    const out = byName.get(name);
    assert.ok(out, `did not finish (child ${signal ?? 'exited'}): ${stderr}`);
    assert.ok(out.length >= 900_000, `${out.length}`);
    assert.ok(out.ms < BOUND_MS, `${Math.round(out.ms)} ms`);
  });
}

test('adversarial: 2000 superseded claims of one model (58 KB) check within 3 s', () => {
    // Linear work would take well under 100 ms here; the child is killed at 8 s so the suite stays fast.
    const script = `
      const core = require(${JSON.stringify(`${REPO}/dist/core.js`)});
      const base = JSON.parse(require('fs').readFileSync(${JSON.stringify(`${REPO}/dist/facts.json`)}, 'utf8'));
      const c = core.createChecker(base);
      const text = 'GPT-5.5 has 9.7T parameters, '.repeat(2000);
      const t = performance.now();
      const r = c.check(text);
      process.stdout.write(JSON.stringify({ ms: performance.now() - t, findings: r.findings.length }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 8000 });
    assert.equal(r.signal, null, 'killed after 8 s');
    const out = JSON.parse(r.stdout);
    assert.equal(out.findings, 2000);
    assert.ok(out.ms < 3000, `${Math.round(out.ms)} ms`);
});

test('adversarial: one 1 MB line of repeated superseded claims checks within 10 s', () => {
  // Was ~117 s (every figure rescanned its whole sentence); linear work takes about a second.
  // The child is killed at 12 s so the suite stays fast.
  const repeats = Math.floor(MB / 29);
  const script = `
    const core = require(${JSON.stringify(`${REPO}/dist/core.js`)});
    const base = JSON.parse(require('fs').readFileSync(${JSON.stringify(`${REPO}/dist/facts.json`)}, 'utf8'));
    const c = core.createChecker(base);
    const text = 'GPT-5.5 has 9.7T parameters, '.repeat(${repeats});
    const t = performance.now();
    const r = c.check(text);
    process.stdout.write(JSON.stringify({ ms: performance.now() - t, findings: r.findings.length }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 12000 });
  assert.equal(r.signal, null, 'killed after 12 s');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.findings, repeats);
  assert.ok(out.ms < BOUND_MS, `${Math.round(out.ms)} ms`);
});
