// Starts the CLI bundle: sets V8's flags for a short run (below), then loads the bundle through a
// V8 code cache kept beside it, so a run skips compiling the bundle and the functions a check
// needs (~10-20 ms of a run). bin/factlint.js calls this. It loads Node built-ins only (node:v8 is
// the dearest, ~3 ms).
//
// The cache is `dist/cli.js.cache`: one header line (format, Node version, architecture, length of
// the bundle), a copy of the bundle it was made from, and V8's cached data. It is used only when the
// header matches and the copy is the bundle byte for byte, so a cache from another Node or for
// another bundle is ignored (V8 itself checks little more than the source length). V8 checks the
// cached data's length and checksum (Adler-32) itself, asked to by --verify-snapshot-checksum, set
// for every run that reads or writes a cache (a cache written without it is refused by one with it:
// the flag is part of the flag hash V8 stamps on the cache), so a truncated or corrupt payload is
// rejected before V8 reads it. (node:crypto's SHA-256 did this before: loading node:crypto and hashing
// 1 MB cost ~5 ms a run.) When no cache was used, a run that checked a draft writes one at exit, so it
// holds the functions the check compiled (a `--version` run would cache little more than the top
// level): atomically (temp file, rename), and silently not at all where the folder is read-only.
// FACTLINT_NO_CODE_CACHE=1 turns it off.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { replaceThroughTemp } from './safeWrite';

const FORMAT = 'factlint-code-cache-2';

/** Makes V8 write a checksum into the cached data it makes and check it in the cached data it reads. */
const CHECKSUM_FLAG = '--verify-snapshot-checksum';

/** The bundle's copy is compared a slice at a time, so the copy is never held in memory whole. */
const COMPARE_CHUNK = 64 * 1024;

function readFully(fd: number, into: Buffer, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/**
 * The cached data for this bundle and this Node, or undefined when there is none that fits. V8 checks
 * the data's own length and checksum (CHECKSUM_FLAG must be set before it is compiled with).
 */
export function readCodeCache(cacheFile: string, key: string, source: Buffer): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(cacheFile, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.allocUnsafe(Math.min(512, size));
    if (!readFully(fd, head, 0)) return undefined;
    const newline = head.indexOf(10);
    if (newline < 0 || head.toString('latin1', 0, newline) !== `${key} ${source.length}`) return undefined;
    const payloadStart = newline + 1 + source.length;
    if (size <= payloadStart) return undefined;
    const chunk = Buffer.allocUnsafe(Math.min(COMPARE_CHUNK, source.length));
    for (let at = 0; at < source.length; at += chunk.length) {
      const part = chunk.subarray(0, Math.min(chunk.length, source.length - at));
      if (!readFully(fd, part, newline + 1 + at) || !part.equals(source.subarray(at, at + part.length))) return undefined;
    }
    const payload = Buffer.allocUnsafe(size - payloadStart);
    return readFully(fd, payload, payloadStart) ? payload : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether V8 knows CHECKSUM_FLAG, so that cached data made now carries a checksum: the flag is part
 * of the hash V8 stamps on cached data, so data made with and without it differ. Asked only before
 * writing a cache; a V8 without the flag gets none.
 */
function checksumsMade(): boolean {
  const probe = () => new vm.Script('0', { filename: 'factlint-checksum-probe' }).createCachedData();
  v8.setFlagsFromString(CHECKSUM_FLAG.replace('--', '--no-'));
  const without = probe();
  v8.setFlagsFromString(CHECKSUM_FLAG);
  return !probe().equals(without);
}

/** Writes the cache atomically; any failure (read-only folder, full disk) leaves things as they were. */
export function writeCodeCache(cacheFile: string, key: string, source: Buffer, payload: Buffer): boolean {
  try {
    replaceThroughTemp(cacheFile, `${cacheFile}.${process.pid}.tmp`, Buffer.concat([Buffer.from(`${key} ${source.length}\n`, 'latin1'), source, payload]));
    return true;
  } catch {
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
 * draft holds ~5,700).
 *
 * And regexes compile straight to machine code (--regexp-tier-up-ticks=0, kept for long runs too):
 * by default V8 first compiles each regex to bytecode for its interpreter and compiles it again to
 * machine code on its second use, and nearly every pattern of a check is used more than once, so
 * the bytecode is wasted work. Counted with valgrind (callgrind, the code cache made under the same
 * flags), a 1 MB draft's run took 1,822 -> 1,697 M instructions and the real-text corpus's
 * 1,949 -> 1,794 M (compiling regexes 217 -> 96 M on the 1 MB draft); an empty draft's is unchanged. Not
 * --no-regexp-tier-up, which does the same from Node's start but, set at run time, crashes V8 on
 * the next use of a regex Node had already run in the interpreter (an unknown file's error path);
 * with zero ticks, only regexes made after the flag is set skip the interpreter.
 *
 * Applied only to the V8 these were measured on; FACTLINT_V8_DEFAULTS=1 keeps V8's defaults.
 */
const SHORT_RUN_FLAGS = process.versions.v8.startsWith('11.3.') && !process.env.FACTLINT_V8_DEFAULTS ? '--no-opt --regexp-tier-up-ticks=0' : undefined;
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
  if (useCache) v8.setFlagsFromString(CHECKSUM_FLAG);
  const cachedData = useCache ? readCodeCache(cacheFile, key, source) : undefined;
  const script = new vm.Script(source.toString('utf8'), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(bundle);
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    // At exit the script's functions the run compiled are in what V8 serialises.
    process.once('exit', () => {
      try {
        // V8 stamps the cache with a hash of the flags: those of the next start, not of a long run.
        if (SHORT_RUN_FLAGS) v8.setFlagsFromString(SHORT_RUN_FLAGS);
        if (worthCaching(mod.exports) && checksumsMade()) writeCodeCache(cacheFile, key, source, script.createCachedData());
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
