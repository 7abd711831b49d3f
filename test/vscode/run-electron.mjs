#!/usr/bin/env node
// Runs the same extension-host suite (out/test/suite/index.js) with @vscode/test-electron — the
// ecosystem's standard host. It downloads a VS Code build from Microsoft's update service, so it
// works only with internet access (not offline / in this project's CI: use run-host.mjs there).
// On a headless Linux box wrap it in `xvfb-run -a`.
//
//   node test/vscode/build-suite.mjs && node test/vscode/run-electron.mjs [--workspace DIR] [--version 1.100.3]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: path.join(here, 'fixtures', 'workspace') },
    tests: { type: 'string', default: path.join(repoRoot, 'out', 'test', 'suite', 'index.js') },
    version: { type: 'string', default: process.env.FACTLINT_VSCODE_VERSION ?? 'stable' },
  },
});
const extensionTestsPath = path.resolve(opts.tests);
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`run-electron: ${extensionTestsPath} missing — run: node test/vscode/build-suite.mjs`);
  process.exit(2);
}

// the suite may modify its workspace: give it a copy
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.resolve(opts.workspace), workspace, { recursive: true });
const resultsFile = path.join(tmp, 'results.json');

let code = 1;
try {
  code = await runTests({
    version: opts.version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { FACTLINT_TEST_RESULTS: resultsFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  console.error(`run-electron: ${err?.message ?? err}`);
  code = 1;
}
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const f of r.failures ?? []) console.log(`FAIL ${f.fullTitle}\n  ${f.message}`);
  console.log(`${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
  if (r.failed > 0 || r.passed === 0) code = code || 1;
} else {
  console.log('run-electron: no results file written');
  console.log('0 passed, 1 failed');
  code = code || 1;
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(code);
