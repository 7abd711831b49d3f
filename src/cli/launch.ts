// Starts the CLI bundle: sets V8's flags for a short run (below), then loads the bundle through a
// V8 code cache kept beside it, so a run skips compiling the bundle and the functions a check
// needs (~10-20 ms of a run). bin/factlint.js calls this. It loads Node built-ins only; with them
// (node:crypto and node:v8 are the dearest) it costs ~7-10 ms (measured on a loaded 2-core machine).
//
// The cache is `dist/cli.js.cache`: one header line (format, Node version, architecture, SHA-256 of
// the bundle and the payload) and V8's cached data. It is used only when every part of the header
// matches, so a stale, truncated or corrupt cache, or one from another Node, is ignored (V8 itself
// checks little more than the source length). When no cache was used, a run that checked a draft
// writes one at exit, so it holds the functions the check compiled (a `--version` run would cache
// little more than the top level): atomically (temp file, rename), and silently not at all where
// the folder is read-only. FACTLINT_NO_CODE_CACHE=1 turns it off.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const FORMAT = 'factlint-code-cache-1';

function digest(source: Buffer, payload: Buffer): string {
  return createHash('sha256').update(source).update(payload).digest('hex');
}

/** The cached data for this bundle and this Node, or undefined when there is none that fits. */
export function readCodeCache(cacheFile: string, key: string, source: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const newline = data.indexOf(10);
  if (newline < 0 || newline > 512) return undefined;
  const header = data.toString('latin1', 0, newline);
  const space = header.lastIndexOf(' ');
  if (header.slice(0, space) !== key) return undefined;
  const payload = data.subarray(newline + 1);
  return payload.length > 0 && digest(source, payload) === header.slice(space + 1) ? payload : undefined;
}

/** Writes the cache atomically; any failure (read-only folder, full disk) leaves things as they were. */
export function writeCodeCache(cacheFile: string, key: string, source: Buffer, payload: Buffer): boolean {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${key} ${digest(source, payload)}\n`, 'latin1'), payload]), { flag: 'wx' });
    fs.renameSync(tmp, cacheFile);
    return true;
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
    return false;
  }
}

interface CliModule {
  main: (largeInput?: { atChars: number; atFigures: number; reached: () => void }) => void;
  draftsChecked: () => number;
}

/**
 * V8 flags for a short run: without TurboFan. A run checks each function's code only a few
 * thousand times, and TurboFan spends more compiling the checker (~470 ms of compile jobs for a
 * 1 MB draft, on a machine with 2 cores) than its code saves: measured on Node 20 (V8 11.3), a
 * 1 MB draft took 15-35 % less time without it (more on a busy machine), a 100 KB draft ~8 %.
 * Where a run has more to do, optimised code pays for itself again: 8 MB of drafts took ~4 %
 * longer without TurboFan for the first 4 MB, and 1 MB drafts dense with figures (the hostile
 * drafts of test/bench/adversarial.mjs, 11k-53k figures) 17-35 % longer. So TurboFan is back on
 * for the check that takes the run past 2 M characters or 8,000 figure hints (a generated 1 MB
 * draft holds ~5,700). Applied only to the V8 it was measured on; FACTLINT_V8_DEFAULTS=1 keeps
 * V8's defaults.
 */
const SHORT_RUN_FLAGS = process.versions.v8.startsWith('11.3.') && !process.env.FACTLINT_V8_DEFAULTS ? '--no-opt' : undefined;
const LONG_RUN_FLAGS = '--opt';
const LONG_RUN_CHARS = 2_000_000;
const LONG_RUN_FIGURES = 8_000;

type ModuleBody = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/**
 * Loads the CommonJS bundle at `bundle` (through the cache when it fits) and returns its exports.
 * The bundle is written as its own module wrapper (CLI_WRAPPER in esbuild.js): run as a script, its
 * value is the function that runs the module, so its text is compiled as it is (no Module.wrap copy).
 * Without a fitting cache, one is written at exit when `worthCaching(exports)` then holds.
 */
export function loadBundle(bundle: string, worthCaching: (exports: unknown) => boolean = () => true, useCache = !process.env.FACTLINT_NO_CODE_CACHE): unknown {
  const source = fs.readFileSync(bundle);
  const cacheFile = `${bundle}.cache`;
  const key = `${FORMAT} ${process.version} ${process.arch}`;
  const cachedData = useCache ? readCodeCache(cacheFile, key, source) : undefined;
  const script = new vm.Script(source.toString('utf8'), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(bundle);
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    // At exit the script's functions the run compiled are in what V8 serialises.
    process.once('exit', () => {
      try {
        // V8 stamps the cache with a hash of the flags: those of the next start, not of a long run.
        if (SHORT_RUN_FLAGS) v8.setFlagsFromString(SHORT_RUN_FLAGS);
        if (worthCaching(mod.exports)) writeCodeCache(cacheFile, key, source, script.createCachedData());
      } catch {
        // A cache is only ever an optimisation: never a reason for a run to fail.
      }
    });
  }
  const body = script.runInThisContext() as ModuleBody;
  if (typeof body !== 'function') throw new Error(`${bundle} is not a self-wrapped bundle (see esbuild.js)`);
  mod.filename = bundle;
  body.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return mod.exports;
}

/** Runs the factlint CLI from the bundle beside this file. */
export function launch(): void {
  // Before the bundle is compiled: the code cache is made and checked under the same flags.
  if (SHORT_RUN_FLAGS) v8.setFlagsFromString(SHORT_RUN_FLAGS);
  const cli = loadBundle(path.join(__dirname, 'cli.js'), (exports) => (exports as CliModule).draftsChecked() > 0) as CliModule;
  cli.main(SHORT_RUN_FLAGS ? { atChars: LONG_RUN_CHARS, atFigures: LONG_RUN_FIGURES, reached: () => v8.setFlagsFromString(LONG_RUN_FLAGS) } : undefined);
}
