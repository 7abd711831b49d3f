// Finds each draft's .factlint.yaml by walking up, loads the fact files it names, and caches checkers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, createChecker, mergeFactBases, nameClashes, type Checker, type FactBase, type FactProblem, type ProjectConfig } from '../core';
import type * as FactFiles from '../core/factFiles';
import ignore from 'ignore';
import { readRegularFile, relativeInside } from './files';

let readers: typeof FactFiles | undefined;
/**
 * The YAML readers (fact files, .factlint.yaml), from dist/factFiles.js beside this bundle (esbuild.js
 * keeps it out): a run with neither never loads them, and yaml is a quarter of the bundle.
 */
function factFileReaders(): typeof FactFiles {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (readers ??= require('./factFiles.js') as typeof FactFiles);
}

/** The bundled fact base, compiled to JSON at build time and shipped next to the bundle. */
export function loadBundledFacts(): FactBase {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'facts.json'), 'utf8')) as FactBase;
}

export interface Setup {
  checker: Checker;
  config: ProjectConfig;
  configFile?: string;
  /** Whether the config's ignore globs take a draft out of the run. */
  isIgnored: (file: string) => boolean;
}

const IGNORES_NOTHING = (): boolean => false;

/**
 * The config's ignore globs, compiled once for every draft under it: compiled per draft, 200 globs over
 * 3000 drafts took 7.5 s instead of 0.4 s.
 */
function ignoredByConfig(configFile: string | undefined, patterns: string[]): (file: string) => boolean {
  if (!configFile || patterns.length === 0) return IGNORES_NOTHING;
  const globs = ignore().add(patterns);
  const root = path.dirname(configFile);
  return (file) => {
    const rel = relativeInside(root, file);
    return rel !== undefined && globs.ignores(rel);
  };
}

function existsAsLink(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export class FactSources {
  readonly problems: FactProblem[] = [];
  private readonly configByDir = new Map<string, string | undefined>();
  private readonly setups = new Map<string, Setup | undefined>();
  private bundled: FactBase | undefined;

  constructor(private readonly options: { extraFacts: string[]; bundled: boolean; cwd: string }) {}

  private baseFacts(): FactBase {
    if (!this.options.bundled) return { schema: 1, asOf: '', models: [] };
    this.bundled ??= loadBundledFacts();
    return this.bundled;
  }

  /** Reads and validates a fact file; problems are collected, never thrown. */
  readFactFile(file: string): FactBase | undefined {
    let text: Buffer;
    try {
      // Bytes: the reader decodes them strictly and names the first that is no UTF-8.
      text = readRegularFile(file);
    } catch (e) {
      this.problems.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, message: `cannot read fact file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, severity: 'error' });
      return undefined;
    }
    const { base, problems } = factFileReaders().parseFactBase(file, text);
    this.problems.push(...problems);
    return base;
  }

  private findConfig(dir: string): string | undefined {
    if (this.configByDir.has(dir)) return this.configByDir.get(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    let found: string | undefined;
    // The link itself counts: a dangling or looping .factlint.yaml is reported where it is (reading it
    // fails), not passed over for a config further up that was never meant for these drafts.
    if (existsAsLink(candidate)) found = candidate;
    else {
      const parent = path.dirname(dir);
      found = parent !== dir ? this.findConfig(parent) : undefined;
    }
    this.configByDir.set(dir, found);
    return found;
  }

  /** The checker and config for a draft; undefined when its config or fact files are broken. */
  setupFor(file: string): Setup | undefined {
    const configFile = this.findConfig(path.dirname(file));
    const key = configFile ?? '';
    if (this.setups.has(key)) return this.setups.get(key);
    let config: ProjectConfig = { facts: [], rules: {}, ignore: [] };
    let ok = true;
    if (configFile) {
      let text: Buffer | undefined;
      try {
        text = readRegularFile(configFile);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? ' (a symbolic link to no file)' : code === 'ELOOP' ? ' (a loop of symbolic links)' : '';
        this.problems.push({ file: configFile, line: 1, column: 1, endLine: 1, endColumn: 1, message: `cannot read config: ${code ?? (e as Error).message}${why}`, severity: 'error' });
        ok = false;
      }
      if (text !== undefined) {
        const parsed = factFileReaders().parseProjectConfig(configFile, text);
        this.problems.push(...parsed.problems);
        if (parsed.problems.some((p) => p.severity === 'error')) ok = false;
        config = parsed.config;
      }
    }
    const extras: FactBase[] = [];
    const factFiles = [...(configFile ? config.facts.map((f) => path.resolve(path.dirname(configFile), f)) : []), ...this.options.extraFacts.map((f) => path.resolve(this.options.cwd, f))];
    for (const f of factFiles) {
      const base = this.readFactFile(f);
      if (base) extras.push(base);
      else ok = false;
    }
    // With nothing to merge, the base as it is: mergeFactBases(base, []) only copies the models and
    // drops aliases another model owns, and the bundled base has none (parseFactBase refuses them; the
    // build checks that merging it with nothing gives the same data, as the extension assumes too).
    // Saves ~1.6 ms and ~0.4 MB of short-lived objects at each start.
    if (extras.length) this.problems.push(...nameClashes(this.baseFacts(), extras));
    const base = extras.length ? mergeFactBases(this.baseFacts(), extras) : this.baseFacts();
    const setup: Setup | undefined = ok ? { checker: createChecker(base), config, ...(configFile ? { configFile } : {}), isIgnored: ignoredByConfig(configFile, config.ignore) } : undefined;
    this.setups.set(key, setup);
    return setup;
  }

  /** The merged fact base for `factlint facts` (config found from the working directory). */
  mergedFor(dir: string): FactBase | undefined {
    return this.setupFor(path.join(dir, '__factlint__.md'))?.checker.base;
  }
}
