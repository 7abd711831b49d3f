// The factlint command line: checks drafts, prints findings, applies fixes, dumps the fact base.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { applyEdits, createPositionMap, type Finding, type LineColumn, type Severity } from '../core';
import { FactSources } from './factSources';
import { decodeDraft, encodeDraft } from './draftText';
import { expandFiles, isExcludeArg, regularFileSize } from './files';
import { factsJson, factsText, formatGithub, formatJson, formatProblem, formatSarif, formatText, type FileReport, type OutputFormat } from './report';
import { openOutput } from './output';
import { cacheFileFor, ResultCache } from './resultCache';
import { linkTarget, NotFixedError, removeStaleTemps, writeFileAtomically } from './safeWrite';

const VERSION = '0.1.0';
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

const HELP = `Usage: factlint [options] <files|dirs|globs...> [!exclude-globs...]
       factlint facts [--format text|json] [--facts FILE]... [--check FILE]

Checks AI model names and parameter figures in Markdown drafts against a sourced fact base.

Options:
  --format text|json|sarif|github   output format (default: text)
  --fix                             apply the preferred fixes in place
  --fail-on error|warning|information
                                    lowest severity that makes the exit code 1 (default: warning)
  --facts FILE                      an extra fact file (repeatable); merges over the bundled base
  --no-bundled-facts                do not load the bundled fact base
  --stdin                           read the draft from standard input (no file arguments)
  --stdin-filename NAME             the name to report (and to find .factlint.yaml from) with --stdin
  --max-file-size BYTES             skip larger files and --stdin input (decimal digits; default: ${DEFAULT_MAX_BYTES})
  --cache                           reuse the findings of drafts unchanged since the last run
                                    (same bytes, fact base, config, factlint, Node and ICU)
  --cache-location PATH             the cache file, or a folder for .factlintcache in it
                                    (default: ./.factlintcache); implies --cache
  --no-color                        plain text output
  -h, --help                        show this help
  -v, --version                     show the version

Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage, config or I/O error.`;

class UsageError extends Error {}

let checkedDrafts = 0;
/** How many drafts this process has checked (the launcher caches compiled code only after a check). */
export function draftsChecked(): number {
  return checkedDrafts;
}

interface Options {
  format: OutputFormat;
  fix: boolean;
  failOn: Severity;
  facts: string[];
  bundled: boolean;
  stdin: boolean;
  stdinFilename: string | undefined;
  maxBytes: number;
  colour: boolean;
  check: string[];
  /** The cache file when --cache or --cache-location is given. */
  cacheFile: string | undefined;
}

function parseOptions(argv: string[], cwd: string): { options: Options; positionals: string[]; help: boolean; version: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      'fail-on': { type: 'string', default: 'warning' },
      facts: { type: 'string', multiple: true, default: [] },
      'no-bundled-facts': { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      'max-file-size': { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      check: { type: 'string', multiple: true, default: [] },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`--format must be text, json, sarif or github (got "${format}")`);
  // Options that would otherwise be accepted and silently do nothing.
  const facts = positionals[0] === 'facts';
  if (facts && !['text', 'json'].includes(format)) throw new UsageError(`--format for factlint facts must be text or json (got "${format}")`);
  if (!facts && (values.check as string[]).length) throw new UsageError('--check is an option of factlint facts only');
  if (!facts && values.stdin && positionals.length) throw new UsageError(`--stdin cannot be combined with files (got "${positionals[0]}")`);
  const stdinFilename = values['stdin-filename'] as string | undefined;
  // (An empty name, or one ending in a folder, would report the folder itself as the draft.)
  if (stdinFilename !== undefined && (stdinFilename === '' || /[\\/]$/.test(stdinFilename) || ['.', '..'].includes(path.basename(stdinFilename)))) {
    throw new UsageError(`--stdin-filename must name a file (got "${stdinFilename}")`);
  }
  const failOn = values['fail-on'] as string;
  if (!['error', 'warning', 'information'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or information (got "${failOn}")`);
  const maxRaw = values['max-file-size'];
  // Decimal digits only: Number() would also take "0x100", " 100" and "1e3".
  const maxBytes = maxRaw === undefined ? DEFAULT_MAX_BYTES : /^[0-9]+$/.test(maxRaw) ? Number(maxRaw) : NaN;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-file-size must be a positive whole number of bytes in decimal digits (got "${maxRaw}")`);
  const cacheLocation = values['cache-location'] as string | undefined;
  if (cacheLocation === '') throw new UsageError('--cache-location must name a file or folder');
  const cacheFile = values.cache || cacheLocation !== undefined ? cacheFileFor(cacheLocation, cwd) : undefined;
  return {
    options: {
      format: format as OutputFormat,
      fix: values.fix as boolean,
      failOn: failOn as Severity,
      facts: values.facts as string[],
      bundled: !(values['no-bundled-facts'] as boolean),
      stdin: values.stdin as boolean,
      stdinFilename,
      maxBytes,
      colour: !(values['no-color'] as boolean) && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      check: values.check as string[],
      cacheFile,
    },
    positionals,
    help: values.help as boolean,
    version: values.version as boolean,
  };
}

/** The line starts of a draft with findings; none kept for the rest, as most drafts have nothing to place. */
function positionsOf(findings: Finding[], text: string): (offset: number) => LineColumn {
  return findings.length ? createPositionMap(text) : placeNothing;
}

function placeNothing(): LineColumn {
  throw new Error('a draft without findings has no positions');
}

/**
 * Remembered findings and the text to place them in, or undefined when they do not fit it (a hand-edited
 * cache): then the draft is checked. A draft without findings is not even decoded.
 */
function rememberedReport(file: string, bytes: Buffer, findings: Finding[]): FileReport | undefined {
  if (findings.length === 0) return { path: file, findings, position: placeNothing };
  const draft = decodeDraft(bytes);
  if (typeof draft === 'string') return undefined;
  const length = draft.text.length;
  for (const f of findings) if (f.end > length || (f.fix && f.fix.end > length)) return undefined;
  return { path: file, findings, position: createPositionMap(draft.text) };
}

function runFacts(options: Options, cwd: string, out: (s: string) => void, err: (s: string) => void): number {
  const sources = new FactSources({ extraFacts: options.facts, bundled: options.bundled, cwd });
  if (options.check.length) {
    for (const f of options.check) sources.readFactFile(path.resolve(cwd, f));
    for (const p of sources.problems) err(formatProblem(p, cwd));
    const errors = sources.problems.filter((p) => p.severity === 'error').length;
    if (!errors) out(`${options.check.join(', ')}: valid fact file${options.check.length > 1 ? 's' : ''}`);
    return errors ? 2 : 0;
  }
  const base = sources.mergedFor(cwd);
  for (const p of sources.problems) err(formatProblem(p, cwd));
  if (!base) return 2;
  out(options.format === 'json' ? factsJson(base) : factsText(base));
  return 0;
}

export interface LargeInput {
  atChars: number;
  atFigures: number;
  reached: () => void;
}

/**
 * A digit followed by a unit, the core's cue for a block worth scanning for figures (FIGURE_HINT
 * in src/core/figures.ts): how many a draft holds estimates how much work its check is.
 */
const FIGURE_HINT = /\d[ \u00a0]?-?[TBMtbm万千百十亿]|\d[eE]\d/g;

/** The figure hints in `text`, counted up to one more than `atMost`. */
function countFigureHints(text: string, atMost: number): number {
  FIGURE_HINT.lastIndex = 0;
  let n = 0;
  while (n <= atMost && FIGURE_HINT.exec(text) !== null) n++;
  return n;
}

export interface RunIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input, read up to one byte past `atMost` (enough to refuse it; the rest stays unread). */
  readStdin: (atMost: number) => Promise<Buffer>;
  /**
   * Called once before the check that takes the run past `atChars` characters or `atFigures`
   * figure hints (see launch.ts).
   */
  largeInput?: LargeInput;
}

/** Runs the CLI; returns the exit code. Output goes through the given writers for testability. */
export async function run(argv: string[], io: RunIo): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv, io.cwd);
  } catch (e) {
    io.stderr(`factlint: ${(e as Error).message}\n${HELP}`);
    return 2;
  }
  const { options, positionals } = parsed;
  if (parsed.help) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.version) {
    io.stdout(VERSION);
    return 0;
  }
  if (positionals[0] === 'facts') return runFacts(options, io.cwd, io.stdout, io.stderr);
  // "!pattern" arguments only take files out of the others.
  if (!options.stdin && positionals.every(isExcludeArg)) {
    io.stderr(`factlint: no files given${positionals.length ? ' (only !exclude patterns)' : ''}\n${HELP}`);
    return 2;
  }
  if (options.stdin && options.fix) {
    io.stderr('factlint: --fix cannot be used with --stdin');
    return 2;
  }
  const sources = new FactSources({ extraFacts: options.facts, bundled: options.bundled, cwd: io.cwd });
  let ioError = false;
  const reports: FileReport[] = [];
  const inputs: { file: string; bytes?: Buffer }[] = [];
  if (options.stdin) {
    const file = path.resolve(io.cwd, options.stdinFilename ?? '<stdin>.md');
    let bytes: Buffer | undefined;
    try {
      bytes = await io.readStdin(options.maxBytes);
    } catch (e) {
      io.stderr(`factlint: cannot read standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      ioError = true;
    }
    if (bytes && bytes.length > options.maxBytes) io.stderr(`factlint: ${file}: over --max-file-size (${options.maxBytes} bytes); skipped`);
    else if (bytes) inputs.push({ file, bytes });
  } else {
    const expanded = expandFiles(positionals, io.cwd);
    for (const p of expanded.problems) io.stderr(`factlint: ${p}`);
    if (expanded.problems.length) ioError = true;
    inputs.push(...expanded.files.map((file) => ({ file })));
  }
  const cache = options.cacheFile && !options.stdin ? openCache(options.cacheFile, io.stderr) : undefined;
  const cleaned = new Set<string>();
  let charsChecked = 0;
  let figuresChecked = 0;
  let large = io.largeInput;
  for (const input of inputs) {
    // A --fix run first clears what an earlier, killed --fix left beside these drafts (beside the
    // file a symbolic link names: the temp file is written there).
    const folder = options.fix && !options.stdin ? path.dirname(linkTarget(input.file)) : undefined;
    if (folder !== undefined && !cleaned.has(folder)) {
      cleaned.add(folder);
      removeStaleTemps(folder);
    }
    const setup = sources.setupFor(input.file);
    if (!setup) continue;
    if (!options.stdin && setup.isIgnored(input.file)) continue;
    let bytes = input.bytes;
    if (!bytes) {
      try {
        const size = regularFileSize(input.file);
        if (size === undefined) {
          io.stderr(`factlint: ${input.file}: not a regular file; skipped (use --stdin for a pipe)`);
          continue;
        }
        if (size > options.maxBytes) {
          io.stderr(`factlint: ${input.file}: ${size} bytes is over --max-file-size (${options.maxBytes}); skipped`);
          continue;
        }
        bytes = fs.readFileSync(input.file);
      } catch (e) {
        io.stderr(`factlint: ${input.file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        ioError = true;
        continue;
      }
    }
    let known: { bytes: string; setup: string } | undefined;
    if (cache) {
      known = { bytes: cache.digest(bytes), setup: cache.setupKey(setup, () => ({ facts: setup.checker.base, config: setup.config })) };
      const findings = cache.lookup(input.file, known.bytes, known.setup);
      // A --fix run checks again the drafts it has something to fix in.
      const report = findings && !(options.fix && findings.some((f) => f.fix)) ? rememberedReport(input.file, bytes, findings) : undefined;
      if (report) {
        reports.push(report);
        continue;
      }
    }
    const draft = decodeDraft(bytes);
    if (typeof draft === 'string') {
      io.stderr(`factlint: ${input.file}: ${draft}`);
      continue;
    }
    const severities = setup.config.rules;
    if (large) {
      charsChecked += draft.text.length;
      figuresChecked += countFigureHints(draft.text, large.atFigures - figuresChecked);
      if (charsChecked > large.atChars || figuresChecked > large.atFigures) {
        large.reached();
        large = undefined;
      }
    }
    let result = setup.checker.check(draft.text, { severities });
    checkedDrafts++;
    if (options.fix) {
      const edits = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
      if (edits.length) {
        const fixed = applyEdits(draft.text, edits);
        try {
          const written = encodeDraft(draft, fixed);
          writeFileAtomically(input.file, draft.bytes, written);
          draft.text = fixed;
          result = setup.checker.check(fixed, { severities });
          if (known) known.bytes = cache!.digest(written);
        } catch (e) {
          io.stderr(`factlint: ${e instanceof NotFixedError ? e.message : `${input.file}: cannot write fix (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`}`);
          ioError = true;
        }
      }
    }
    if (known) cache!.remember(input.file, known.bytes, known.setup, result.findings);
    reports.push({ path: input.file, findings: result.findings, position: positionsOf(result.findings, draft.text) });
  }
  const unsaved = cache?.save();
  if (unsaved) io.stderr(`factlint: ${unsaved}`);
  for (const p of sources.problems) io.stderr(formatProblem(p, io.cwd));
  const configBroken = sources.problems.some((p) => p.severity === 'error');
  const output =
    options.format === 'json'
      ? formatJson(reports, io.cwd)
      : options.format === 'sarif'
        ? formatSarif(reports, io.cwd, VERSION)
        : options.format === 'github'
          ? formatGithub(reports, io.cwd)
          : formatText(reports, io.cwd, options.colour);
  if (output) io.stdout(output);
  if (configBroken || ioError) return 2;
  const threshold = SEVERITY_RANK[options.failOn];
  const failing = reports.some((r) => r.findings.some((f: Finding) => SEVERITY_RANK[f.severity] >= threshold));
  return failing ? 1 : 0;
}

/** The cache for this run, or undefined (said why on stderr) when there can be none: the run goes on without it. */
function openCache(file: string, stderr: (s: string) => void): ResultCache | undefined {
  let bundle: Buffer;
  try {
    // The build's identity: the rules are in the bundle, so a rebuilt factlint checks everything again; and
    // Node's and ICU's versions, whose Unicode tables the patterns' case folding and classes read.
    bundle = fs.readFileSync(__filename);
  } catch (e) {
    stderr(`factlint: cannot read ${__filename} to key the cache (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); running without it`);
    return undefined;
  }
  const { icu, unicode } = process.versions as NodeJS.ProcessVersions & { icu?: string; unicode?: string };
  const opened = ResultCache.open(file, [`${VERSION} ${process.version} icu ${icu ?? '-'} unicode ${unicode ?? '-'}\n`, bundle]);
  if (typeof opened === 'string') {
    stderr(`factlint: ${opened}`);
    return undefined;
  }
  return opened;
}

async function readAll(stream: NodeJS.ReadStream, atMost: number): Promise<Buffer> {
  // A folder on standard input (`factlint --stdin < docs`) reads as nothing, which would pass as a clean draft.
  if (fs.fstatSync(0).isDirectory()) throw Object.assign(new Error('standard input is a directory'), { code: 'EISDIR' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // Past the limit the draft is refused: an endless pipe is not read into memory.
    if (size > atMost) break;
  }
  return Buffer.concat(chunks);
}

/** Runs the CLI on this process's arguments and streams; sets the exit code when done. */
export function main(largeInput?: LargeInput): void {
  const output = openOutput(process.stdout, process.stderr);
  run(process.argv.slice(2), {
    ...(largeInput ? { largeInput } : {}),
    cwd: process.cwd(),
    stdout: output.stdout,
    stderr: output.stderr,
    readStdin: (atMost) => readAll(process.stdin, atMost),
  }).then(
    (code) => {
      process.exitCode = output.failed() ? 2 : code;
    },
    (e: unknown) => {
      output.stderr(`factlint: internal error: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 2;
    },
  );
}

// `node dist/cli.js` runs it directly; bin/factlint.js goes through launch.ts (the code cache).
if (require.main === module) main();
