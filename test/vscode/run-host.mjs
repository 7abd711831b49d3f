#!/usr/bin/env node
// Runs an extension-host mocha suite (out/test/suite/index.js, built by build-suite.mjs) inside
// a real VS Code: code-server 4.100.3 (VS Code 1.100) driven by Debian's Chromium.
//
//   node test/vscode/run-host.mjs (--vsix EXT.vsix | --dev EXT_DIR) --tests ABS/index.js --workspace DIR
//        [--timeout SECONDS (300)] [--results FILE] [--keep]
//
// --vsix installs the package into a fresh extensions dir and loads the suite against the
// installed (packaged) files; --dev loads the extension from source. The workspace is copied to
// a temp dir first. The suite writes its results JSON to $FACTLINT_TEST_RESULTS (set on the
// code-server process; the extension host inherits it). Exit code 0 only when the results file
// exists and reports no failures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import * as lib from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    dev: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    results: { type: 'string' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
function usage(msg) {
  console.error(`run-host: ${msg}\nusage: node test/vscode/run-host.mjs (--vsix FILE | --dev DIR) --tests ABS_INDEX_JS --workspace DIR [--timeout S] [--results FILE] [--keep]`);
  process.exit(2);
}
if (!!opts.vsix === !!opts.dev) usage('give exactly one of --vsix or --dev');
if (!opts.tests) usage('--tests is required');
if (!opts.workspace) usage('--workspace is required');
const testsPath = path.resolve(opts.tests);
if (!fs.existsSync(testsPath)) usage(`no such tests file: ${testsPath} (build it: node test/vscode/build-suite.mjs)`);
if (!fs.existsSync(opts.workspace)) usage(`no such workspace: ${opts.workspace}`);
const timeoutMs = Number(opts.timeout) * 1000;

const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
let sb;
let server;
let browser;
let exitCode = 1;

async function main() {
  lib.checkInstalled();
  sb = lib.makeSandbox(opts.workspace, 'factlint-host-');
  const resultsFile = path.resolve(opts.results ?? path.join(sb.root, 'results.json'));
  fs.rmSync(resultsFile, { force: true });

  let devPath;
  if (opts.vsix) {
    const ins = lib.installVsix(sb, opts.vsix);
    lib.log(`installed ${ins.id}@${ins.version} from ${opts.vsix} (${since()})`);
    // extensionTestsPath alone never calls run() in code-server 4.100 (verified): the web
    // workbench needs an extensionDevelopmentPath to start a test run. Point it at the
    // installed copy so the suite runs against the packaged .vsix contents.
    devPath = ins.dir;
  } else {
    devPath = path.resolve(opts.dev);
  }

  server = await lib.startCodeServer(sb, { env: { FACTLINT_TEST_RESULTS: resultsFile } });
  lib.log(`code-server ready on ${server.base} (${since()})`);

  const payload = [
    ['extensionDevelopmentPath', lib.remoteUri(server.port, devPath)],
    ['extensionTestsPath', lib.remoteUri(server.port, testsPath)],
  ];
  const url = `${server.base}/?folder=${encodeURIComponent(sb.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await lib.launchBrowser();
  const page = await browser.newPage();
  // Extension-host console output arrives as log-service lines: ('%c INFO', css, fmt, ...args).
  let consoleChain = Promise.resolve();
  let sawSummary; // resolves when suite-runner's closing "N passed, N failed" line arrives
  const summarySeen = new Promise((resolve) => {
    sawSummary = resolve;
  });
  let runRejected = false; // run() threw: the workbench logs the error with this frame in it
  let muted = false; // stop echoing once the verdict is printed, so the summary stays last
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.text().includes('$extensionTestsExecute')) runRejected = true;
    consoleChain = consoleChain.then(async () => {
      let args;
      try {
        args = await Promise.all(msg.args().map((a) => a.jsonValue()));
      } catch {
        args = [msg.text()];
      }
      if (muted) return;
      const head = typeof args[0] === 'string' ? args[0] : '';
      const m = /^%c\s*(INFO|WARN|ERR|DEBUG|TRACE)\b/.exec(head);
      if (m) {
        const text = format(...args.slice(2).map((a) => (typeof a === 'object' && a !== null ? JSON.stringify(a) : a)));
        if (/^\d+ passed, \d+ failed$/m.test(text)) sawSummary();
        if (opts.verbose || !/^(Resolv|Creating a socket|\[Service Worker\]|Updating additional builtin|ChatSessionStore)/.test(text)) {
          for (const line of text.split('\n')) console.log(`[host ${m[1].toLowerCase()}] ${line}`);
        }
      } else if (opts.verbose) {
        console.log(`[browser ${msg.type()}] ${msg.text()}`);
      }
    });
  });
  page.on('pageerror', (err) => opts.verbose && console.log(`[browser pageerror] ${err.message}`));
  const closed = new Promise((resolve) => page.once('close', resolve));

  lib.log(`opening workbench (${since()})`);
  await page.goto(url, { timeout: 60_000 });

  // Wait for: results file (then, bounded, for the suite's closing console line so late
  // console lines are printed), page close, or the overall timeout. Note: the workbench calls
  // window.close() when run() settles, but Chromium ignores it for a tab it did not open by
  // script, so page close is not a reliable signal.
  const deadline = t0 + timeoutMs;
  let outcome = 'timeout';
  let pageClosed = false;
  closed.then(() => {
    pageClosed = true;
  });
  while (Date.now() < deadline) {
    if (fs.existsSync(resultsFile)) {
      outcome = 'results';
      break;
    }
    if (pageClosed || runRejected) {
      outcome = pageClosed ? 'closed' : 'rejected';
      // run() wrote results (if it got that far) before settling
      await new Promise((r) => setTimeout(r, 500));
      if (fs.existsSync(resultsFile)) outcome = 'results';
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (outcome === 'results') {
    let timer;
    await Promise.race([
      closed,
      summarySeen,
      new Promise((r) => {
        timer = setTimeout(r, Math.min(15_000, Math.max(0, deadline - Date.now())));
      }),
    ]);
    clearTimeout(timer);
  }
  await consoleChain;
  muted = true;

  if (outcome !== 'results') {
    console.error(`run-host: FAILED — ${{ timeout: `timed out after ${opts.timeout} s`, closed: 'workbench closed', rejected: 'run() threw' }[outcome]} without a results file (${resultsFile})`);
    console.error(`--- code-server log (tail) ---\n${server.readLog().slice(-4000)}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  console.log(`--- results (${resultsFile}) ---`);
  for (const f of results.failures ?? []) {
    console.log(`FAIL ${f.fullTitle ?? f.title}\n  ${f.message}\n${(f.stack ?? '').split('\n').slice(1, 8).join('\n')}`);
  }
  lib.log(`suite finished in ${since()} (${results.durationMs} ms in the extension host)`);
  if (typeof results.activationMs === 'number') {
    console.log(`factlint activated in ${results.activationMs} ms (as the extension reports it)`);
    fs.mkdirSync(path.join(lib.REPO_ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(lib.REPO_ROOT, 'test-results', 'activation.json'), JSON.stringify({ activationMs: results.activationMs, at: new Date().toISOString() }, null, 2));
  }
  const failed = Number(results.failed ?? 1);
  const passed = Number(results.passed ?? 0);
  console.log(`${passed} passed, ${failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

const cleanup = lib.teardownWith(() => ({ browser, server, sb, keep: opts.keep }));
try {
  exitCode = await main();
} catch (err) {
  console.error(`run-host: ERROR ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
