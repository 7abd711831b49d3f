// Expands the CLI's file, folder and glob arguments into Markdown files, honouring .gitignore.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type * as Tinyglobby from 'tinyglobby';

/**
 * tinyglobby (with fdir and picomatch) is loaded on the first folder or glob argument: a run on
 * named files never evaluates it, and fdir's start-up probe for an unbundled picomatch is skipped.
 */
let globber: typeof Tinyglobby | undefined;
function glob(): typeof Tinyglobby {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globber ??= require('tinyglobby') as typeof Tinyglobby;
  return globber;
}

const MARKDOWN_GLOB = '**/*.{md,markdown}';
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface ExpandedFiles {
  files: string[];
  /** Arguments that matched nothing or could not be read. */
  problems: string[];
}

/**
 * A path's size when it is a regular file (through symbolic links); undefined for a device, a pipe or
 * a socket, which are never read: /dev/zero would never end, a FIFO nobody writes to never start.
 */
export function regularFileSize(file: string): number | undefined {
  const stat = fs.statSync(file);
  return stat.isFile() ? stat.size : undefined;
}

export class NotRegularFileError extends Error {
  constructor() {
    super('not a regular file');
  }
}

/** A regular file's bytes; a device or a pipe is refused unread with a NotRegularFileError (see regularFileSize). */
export function readRegularFile(file: string): Buffer {
  if (regularFileSize(file) === undefined) throw new NotRegularFileError();
  return fs.readFileSync(file);
}

/** Loads the .gitignore of a root folder (the one at the root only; nested ones are rare in drafts). */
function gitignoreOf(root: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `file` relative to `root` with forward slashes, or undefined when it is not under root: the test is on
 * the first segment, so a draft named "..old.md" is under its folder (`startsWith('..')` said it was not).
 */
export function relativeInside(root: string, file: string): string | undefined {
  return pathInside(root, file)?.split(path.sep).join('/');
}

/** `file` relative to `root` with the system's separators, or undefined when it is not under root (see relativeInside). */
export function pathInside(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel;
}

/** An argument that takes files out of the run ("!archive/**"); a lone "!" is a file name. */
export function isExcludeArg(arg: string): boolean {
  return arg.startsWith('!') && arg.length > 1;
}

function notIgnored(root: string, files: string[]): string[] {
  const ig = gitignoreOf(root);
  if (!ig) return files;
  return files.filter((f) => {
    const rel = relativeInside(root, f);
    return rel === undefined || !ig.ignores(rel);
  });
}

/**
 * Files that `!pattern` arguments take out of the run, found by globbing those patterns from cwd with the
 * same matcher as the included globs (dot files too: an exclude never misses a file it names).
 */
function excludedFiles(negations: string[], cwd: string): Set<string> {
  if (negations.length === 0) return new Set();
  const found = glob().globSync(negations, { cwd, absolute: true, followSymbolicLinks: false, expandDirectories: false, ignore: ALWAYS_SKIPPED, dot: true });
  return new Set(found.map((f) => path.normalize(f)));
}

/**
 * Turns arguments into absolute, de-duplicated file paths, sorted within each argument. An argument
 * starting with "!" is a glob of files to leave out of all the others (as in markdownlint-cli2).
 */
export function expandFiles(allArgs: string[], cwd: string): ExpandedFiles {
  const args = allArgs.filter((a) => !isExcludeArg(a));
  const excluded = excludedFiles(
    allArgs.filter(isExcludeArg).map((a) => a.slice(1)),
    cwd,
  );
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: string[] = [];
  const add = (f: string) => {
    if (!seen.has(f) && !excluded.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      // Symlinks are not followed, so a walk never leaves the folder it was given.
      const found = glob().globSync(MARKDOWN_GLOB, { cwd: abs, absolute: true, followSymbolicLinks: false, ignore: ALWAYS_SKIPPED, dot: false });
      const unreadable = unreadableDirs(abs);
      for (const d of unreadable) problems.push(`${d}: cannot read directory`);
      notIgnored(abs, found.map((f) => path.normalize(f)).sort()).forEach(add);
    } else if (stat) {
      add(abs);
    } else if (glob().isDynamicPattern(arg)) {
      // Not expanded as a folder too: "d/*.md" took the files inside a folder named "d/dir.md".
      const found = glob().globSync(arg, { cwd, absolute: true, followSymbolicLinks: false, expandDirectories: false, ignore: ALWAYS_SKIPPED });
      if (found.length === 0) problems.push(`${arg}: no files match`);
      notIgnored(cwd, found.map((f) => path.normalize(f)).sort()).forEach(add);
    } else {
      problems.push(`${arg}: no such file or directory`);
    }
  }
  return { files, problems };
}

/** Folders under root that cannot be listed (tinyglobby skips them silently). */
function unreadableDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 32) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      out.push(dir);
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(path.join(dir, e.name), depth + 1);
    }
  };
  walk(root, 0);
  return out;
}
