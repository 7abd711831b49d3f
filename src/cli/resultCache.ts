// Remembers each draft's findings between CLI runs (--cache): a draft whose bytes, fact base, config, factlint build, Node and ICU are unchanged is not checked again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Crypto from 'node:crypto';
import { SEVERITIES, type Finding } from '../core';
import { NotRegularFileError, readRegularFile } from './files';
import { linkTarget, removeStaleTemps, replaceThroughTemp, tempBeside } from './safeWrite';

/** The cache file's first characters: a file that does not open with them is not ours and is never overwritten. */
const FORMAT_LEAD = '{"format":"factlint-cache-1",';

/** The file name used when --cache-location names a folder, and in the working directory by default. */
export const CACHE_FILE_NAME = '.factlintcache';

interface Entry {
  /** SHA-256 of the draft's bytes as read. */
  bytes: string;
  /** SHA-256 of the fact base and config it was checked with. */
  setup: string;
  findings: Finding[];
}

interface Stored {
  format: 'factlint-cache-1';
  /** SHA-256 of the factlint, Node and ICU versions and the CLI bundle: a new build, Node or ICU checks everything again. */
  build: string;
  drafts: Record<string, Entry>;
}

let crypto: typeof Crypto | undefined;
function loadCrypto(): typeof Crypto {
  // Loaded only by runs with --cache: node:crypto costs every other run a few milliseconds.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (crypto ??= require('node:crypto') as typeof Crypto);
}

function sha256(...parts: (string | Buffer)[]): string {
  const hash = loadCrypto().createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function isSpan(s: unknown): s is { start: number; end: number } {
  if (typeof s !== 'object' || s === null) return false;
  const x = s as Record<string, unknown>;
  return Number.isSafeInteger(x.start) && Number.isSafeInteger(x.end) && (x.start as number) >= 0 && (x.start as number) <= (x.end as number);
}

/** What the reports read of a finding has the type they read it as (a hand-edited cache must not crash them). */
function isFinding(f: unknown): f is Finding {
  if (!isSpan(f)) return false;
  const x = f as unknown as Record<string, unknown>;
  for (const k of ['ruleId', 'message', 'model', 'text']) if (typeof x[k] !== 'string') return false;
  if (!(SEVERITIES as readonly string[]).includes(x.severity as string)) return false;
  if (x.sourceUrl !== undefined && typeof x.sourceUrl !== 'string') return false;
  return x.fix === undefined || (isSpan(x.fix) && typeof (x.fix as Record<string, unknown>).text === 'string');
}

function isEntry(e: unknown): e is Entry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return typeof x.bytes === 'string' && typeof x.setup === 'string' && Array.isArray(x.findings) && x.findings.every(isFinding);
}

/** Where the cache lives: `location` as given, or `.factlintcache` inside it when it is a folder (or ends with a separator). */
export function cacheFileFor(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, CACHE_FILE_NAME);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, CACHE_FILE_NAME);
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, CACHE_FILE_NAME);
  } catch {
    // Not there yet: a file to create.
  }
  return resolved;
}

export class ResultCache {
  private readonly drafts = new Map<string, Entry>();
  private readonly seen = new Set<string>();
  private readonly setups = new WeakMap<object, string>();
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly build: string,
  ) {}

  /**
   * Opens the cache at `file` for a build whose identity is the parts of `build` (versions and bundle). A missing,
   * cut-short or older cache starts empty; a file that is not a factlint cache is left alone: the result is
   * then a reason, and the run goes on without a cache.
   */
  static open(file: string, build: (string | Buffer)[]): ResultCache | string {
    const cache = new ResultCache(file, sha256(...build));
    let text: string;
    try {
      text = readRegularFile(file).toString('utf8');
    } catch (e) {
      // A device or a pipe at the location is not a cache (and reading one may never end).
      if (e instanceof NotRegularFileError) return `${file} is not a factlint cache; left as it is, running without a cache`;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return cache;
      return `cannot read the cache ${file} (${code ?? (e as Error).message}); running without it`;
    }
    if (!(text.length === 0 ? mayTakeEmpty(file) : text.startsWith(FORMAT_LEAD))) return `${file} is not a factlint cache; left as it is, running without a cache`;
    let stored: Stored;
    try {
      stored = JSON.parse(text) as Stored;
    } catch {
      // Ours but broken (runs write it whole or not at all; a cut copy or a hand edit can): start afresh.
      cache.dirty = true;
      return cache;
    }
    if (stored.build !== cache.build || typeof stored.drafts !== 'object' || stored.drafts === null) {
      cache.dirty = true;
      return cache;
    }
    for (const [name, entry] of Object.entries(stored.drafts)) if (isEntry(entry)) cache.drafts.set(name, entry);
    return cache;
  }

  private keyOf(draft: string): string {
    return path.relative(path.dirname(this.file), draft).split(path.sep).join('/');
  }

  /**
   * The identity of a fact base and config, worked out once per setup. Where each fact was read from
   * (`origin`, an absolute path) is left out: no report prints it, and a cache restored into another
   * checkout should still fit.
   */
  setupKey(setup: object, describe: () => unknown): string {
    let key = this.setups.get(setup);
    if (key === undefined) {
      key = sha256(JSON.stringify(describe(), (name, value: unknown) => (name === 'origin' ? undefined : value)));
      this.setups.set(setup, key);
    }
    return key;
  }

  /** The digest of a draft's bytes, for `lookup` and `remember`. */
  digest(bytes: Buffer): string {
    return sha256(bytes);
  }

  /** The findings remembered for this draft with these bytes and this setup, or undefined. */
  lookup(draft: string, bytes: string, setup: string): Finding[] | undefined {
    const key = this.keyOf(draft);
    this.seen.add(key);
    const entry = this.drafts.get(key);
    return entry && entry.bytes === bytes && entry.setup === setup ? entry.findings : undefined;
  }

  remember(draft: string, bytes: string, setup: string, findings: Finding[]): void {
    const key = this.keyOf(draft);
    this.seen.add(key);
    const entry = this.drafts.get(key);
    if (entry && entry.bytes === bytes && entry.setup === setup) return;
    this.drafts.set(key, { bytes, setup, findings });
    this.dirty = true;
  }

  /**
   * Writes the cache when it changed: atomically (temp file, rename), dropping drafts that no longer
   * exist. Returns a reason when it could not be written; the run's results stand either way.
   */
  save(): string | undefined {
    const dir = path.dirname(this.file);
    for (const key of [...this.drafts.keys()]) {
      if (this.seen.has(key) || fs.existsSync(path.resolve(dir, key))) continue;
      this.drafts.delete(key);
      this.dirty = true;
    }
    if (!this.dirty) return undefined;
    // (fromEntries defines each name as its own property, "__proto__" too, as JSON.parse reads it back.)
    const body = JSON.stringify({ build: this.build, drafts: Object.fromEntries(this.drafts) });
    // The format leads, so that a file can be told to be ours from its first characters.
    const text = FORMAT_LEAD + body.slice(1);
    // A symbolic link keeps pointing where it did: the file it names is replaced, not the link.
    const target = linkTarget(this.file);
    // Unique to this write (processes in containers share small pids), and known to removeStaleTemps by its name.
    const tmp = tempBeside(target, `-${loadCrypto().randomBytes(6).toString('hex')}`);
    try {
      // Refuses to replace what is not a cache: the location may have been taken since it was read.
      if (!isOursOrAbsent(target)) return `${this.file} is not a factlint cache; left as it is`;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // What killed runs left beside it goes first.
      removeStaleTemps(path.dirname(target));
      replaceThroughTemp(target, tmp, text);
      this.dirty = false;
      return undefined;
    } catch (e) {
      return `cannot write the cache ${this.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    }
  }
}

/** An empty file is taken as a cache only under the cache's own name: anything else may be someone's empty draft. */
function mayTakeEmpty(file: string): boolean {
  return path.basename(file) === CACHE_FILE_NAME;
}

function isOursOrAbsent(file: string): boolean {
  let fd: number;
  try {
    // Non-blocking: a FIFO put there since the cache was read must not hang the run.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(FORMAT_LEAD.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === 0 ? mayTakeEmpty(file) : head.toString('utf8', 0, n) === FORMAT_LEAD;
  } finally {
    fs.closeSync(fd);
  }
}
