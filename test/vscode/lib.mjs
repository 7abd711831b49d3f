// Shared helpers for run-host.mjs and ui.mjs: start code-server (VS Code 1.100 from npm) on a
// free loopback port with throwaway dirs, and open Debian's Chromium via playwright-core.
/* global fetch -- Node 20 global */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
const SERVER_DIR = path.join(HERE, 'server');
const requireServer = createRequire(path.join(SERVER_DIR, 'package.json'));
export const CODE_SERVER_ENTRY = path.join(SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.FACTLINT_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function log(...args) {
  console.log('[vscode-harness]', ...args);
}

export function checkInstalled() {
  const missing = [];
  if (!fs.existsSync(CODE_SERVER_ENTRY)) missing.push('code-server');
  if (!fs.existsSync(path.join(SERVER_DIR, 'node_modules', 'playwright-core'))) missing.push('playwright-core');
  if (!fs.existsSync(CHROMIUM)) missing.push(CHROMIUM);
  if (missing.length) throw new Error(`not installed: ${missing.join(', ')} — run: bash test/vscode/setup.sh`);
}

export async function loadPlaywright() {
  return requireServer('playwright-core');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temp root with user-data, extensions and (optionally) a copy of a workspace. */
export function makeSandbox(workspaceSrc, prefix = 'factlint-vscode-', extraSettings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'workbench.tips.enabled': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        ...extraSettings,
      },
      null,
      2,
    ),
  );
  let workspace;
  if (workspaceSrc) {
    workspace = path.join(root, 'workspace');
    fs.cpSync(path.resolve(workspaceSrc), workspace, { recursive: true });
  }
  return { root, userData, extensions, workspace };
}

function codeServerArgs(sb) {
  return ['--extensions-dir', sb.extensions, '--user-data-dir', sb.userData];
}

/** Installs a .vsix into the sandbox's extensions dir; returns the installed extension folder. */
export function installVsix(sb, vsix) {
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...codeServerArgs(sb), '--install-extension', path.resolve(vsix)], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(sb.root, 'config') },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`--install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const dirs = fs
    .readdirSync(sb.extensions, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => path.join(sb.extensions, d.name));
  if (dirs.length !== 1) throw new Error(`expected one installed extension in ${sb.extensions}, found: ${dirs.join(', ') || 'none'}\n${r.stdout}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(dirs[0], 'package.json'), 'utf8'));
  return { dir: dirs[0], id: `${pkg.publisher}.${pkg.name}`.toLowerCase(), version: pkg.version, out: r.stdout.trim() };
}

/**
 * Starts code-server on a free loopback port; resolves when /healthz answers.
 * `env` is added to code-server's environment (the extension host inherits it).
 */
export async function startCodeServer(sb, { env = {}, folder, trust = false } = {}) {
  const port = await freePort();
  const logFile = path.join(sb.root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust is off unless a run tests restricted mode, where the opened folder starts untrusted.
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...codeServerArgs(sb),
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() also ends the extension host & pty host
    stdio: ['ignore', out, out],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(sb.root, 'config'), ...env },
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    const done = new Promise((r) => child.once('exit', r));
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    kill('SIGTERM');
    const t = setTimeout(() => kill('SIGKILL'), 5000);
    await done;
    clearTimeout(t);
    kill('SIGKILL'); // stragglers in the group
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not ready within 60 s:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, base, child, logFile, stop, readLog: () => fs.readFileSync(logFile, 'utf8') };
}

/** `vscode-remote://` URI the web workbench understands for a path on the server. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`;
}

export async function launchBrowser() {
  const { chromium } = await loadPlaywright();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The workbench forwards extension-host console output to the browser console as
 * "%c[Extension Host] %c<text> <css> <css>"; strip the styling.
 */
export function cleanConsoleText(text) {
  return text
    .replace(/%c/g, '')
    .replace(/\s*(color|font-weight|background)\s*:[^;]*;?/g, '')
    .trimEnd();
}

/**
 * Tears down what a runner started (browser, code-server, sandbox), on a normal end and on
 * SIGINT/SIGTERM. `state()` returns the runner's current { browser, server, sb, keep }.
 */
export function teardownWith(state) {
  const teardown = async () => {
    const { browser, server, sb, keep } = state();
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    if (sb && !keep) fs.rmSync(sb.root, { recursive: true, force: true });
    else if (sb) log(`kept ${sb.root}`);
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, async () => {
      await teardown();
      process.exit(130);
    });
  }
  return teardown;
}
