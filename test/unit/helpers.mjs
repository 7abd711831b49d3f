// Shared helpers for the unit tests: the built core, a starter-fact checker, and the real CLI.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const core = require(path.join(REPO, 'dist', 'core.js'));
export const CLI = path.join(REPO, 'bin', 'factlint.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const STARTER = path.join(FIXTURES, 'facts', 'starter.yaml');
export const BUNDLED_YAML = path.join(REPO, 'src', 'facts', 'bundled.yaml');
export const SEED = path.resolve(REPO, '..', 'shared', 'seed', 'gpt-5.5-parameter-recalculation.md');

export function loadFacts(file) {
  const parsed = core.parseFactBase(file, fs.readFileSync(file, 'utf8'));
  if (!parsed.base) throw new Error(`cannot load ${file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.base;
}

let starterChecker;
/** A checker over the starter fact base only (engine tests do not depend on bundled data). */
export function starter() {
  starterChecker ??= core.createChecker(loadFacts(STARTER));
  return starterChecker;
}

let bundledChecker;
export function bundled() {
  bundledChecker ??= core.createChecker(JSON.parse(fs.readFileSync(path.join(REPO, 'dist', 'facts.json'), 'utf8')));
  return bundledChecker;
}

/** Compact view of one claim: model id, figure text, verdict. */
export function claimsOf(text, checker = starter()) {
  return checker.check(text).claims.map((c) => ({ model: c.mention.modelId, text: c.figure.text, verdict: c.verdict, distanced: c.distanced }));
}

export function findingsOf(text, checker = starter()) {
  return checker.check(text).findings;
}

/** Runs `node bin/factlint.js` for real. */
export function runCli(args, opts = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? REPO,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...(opts.env ?? {}) },
    timeout: opts.timeout ?? 30000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const created = [];
/** A fresh temp folder, removed when the test process exits. */
export function tmpDir(prefix = 'factlint-test-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of created) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
});

/** A fresh temp folder holding `files` (relative path -> content), subfolders made as needed. */
export function project(files) {
  const dir = tmpDir();
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** 1-based line of an offset, computed independently of the core. */
export function lineOf(text, offset) {
  return lineCol(text, offset).line;
}

/** 1-based line/column (UTF-16) of an offset, computed independently of the core. */
export function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
