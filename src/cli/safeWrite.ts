// Writes a fixed file without ever leaving it half-written: temp file, fsync, rename, mode and owner kept; through symbolic links to the file they name.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A draft deliberately left as it is (changed since read, hard-linked); the message names it and says why. */
export class NotFixedError extends Error {}

/** Temp files are `.NAME.factlint-PID.tmp` beside the draft (NAME cut when too long): hidden, and named for the process writing them. */
const TEMP_MARK = '.factlint-';
const TEMP_NAME = /^\..+\.factlint-(\d+)\.tmp$/;

/**
 * Removes the temp files a `--fix` killed between writing and renaming left in `dir`: those named
 * for a process that no longer runs, or for this one (which holds none open between files). A temp
 * file of a factlint still running elsewhere is left alone. Returns how many were removed.
 */
export function removeStaleTemps(dir: string): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid <= 0 || (pid !== process.pid && isRunning(pid))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    } catch {
      // Not ours to remove (permissions): it is a hidden file and harms nothing.
    }
  }
  return removed;
}

/** The longest file name most file systems take (NAME_MAX), in bytes. */
const NAME_MAX = 255;

/**
 * A temp file's path beside `file`: hidden, named for this process and `unique`, so that
 * removeStaleTemps knows it once the process is gone. The draft's name in it is cut to fit NAME_MAX
 * (a 243-character draft's temp name was too long to make); two drafts cut to the same name cannot
 * clash, as a process writes one temp file at a time and the pid is in the name.
 */
export function tempBeside(file: string, unique = ''): string {
  const name = path.basename(file);
  const lead = name.startsWith('.') ? '' : '.';
  const tail = `${unique}${TEMP_MARK}${process.pid}.tmp`;
  return path.join(path.dirname(file), `${lead}${cutToBytes(name, NAME_MAX - Buffer.byteLength(lead + tail))}${tail}`);
}

/** `text` cut to at most `bytes` bytes of UTF-8, at a character's boundary. */
function cutToBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let cut = '';
  let used = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    cut += ch;
  }
  return cut;
}

/** The file a path names, through symbolic links, including one to a file not made yet; the path itself when it is none. */
export function linkTarget(file: string, hops = 0): string {
  try {
    return fs.realpathSync(file);
  } catch {
    // (A loop of links ends where the system's own limit would: 40 hops.)
    try {
      return hops < 40 && fs.lstatSync(file).isSymbolicLink() ? linkTarget(path.resolve(path.dirname(file), fs.readlinkSync(file)), hops + 1) : file;
    } catch {
      return file;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replaces `file` with `text` atomically; a symbolic link keeps pointing where it did and the file it
 * names is replaced. Refuses when the file on disk no longer holds `original` (someone saved it while
 * we were checking), and a file with other hard links: a rename would leave them holding the old text
 * (and writing in place could be cut short half-way).
 */
export function writeFileAtomically(file: string, original: Buffer, text: Buffer): void {
  const target = linkTarget(file);
  const stat = fs.statSync(target);
  // The rename needs only the folder's write permission: a file the user may not write is refused
  // here (as eslint and prettier refuse it), and so is one nobody may write, even for root (whom
  // access() lets write anything): a read-only file means "do not edit".
  fs.accessSync(target, fs.constants.W_OK);
  if ((stat.mode & 0o222) === 0) throw Object.assign(new Error(`${target} is read-only`), { code: 'EACCES' });
  if (stat.nlink > 1) throw new NotFixedError(`${file}: has ${stat.nlink} hard links; not fixed (replacing it would leave the other links with the old text)`);
  const current = fs.readFileSync(target);
  if (!current.equals(original)) throw new NotFixedError(`${file}: changed since it was read; not fixed`);
  replaceThroughTemp(target, tempBeside(target), text, { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid });
}

/** What the file written through a temp keeps of the one it replaces. */
export interface FileLike {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * Writes `data` to `tmp`, made afresh (an existing file of that name is someone else's and is left
 * alone), flushes it to disk and renames it over `file`; a temp file this made is removed when
 * anything after fails. `like`, when given, is the replaced file's mode and owner, which the new file
 * takes (the owner as far as this process may give it).
 */
export function replaceThroughTemp(file: string, tmp: string, data: string | Buffer, like?: FileLike): void {
  const fd = fs.openSync(tmp, 'wx', like?.mode);
  try {
    try {
      // (writeFileSync on a descriptor writes until all of it is written.)
      fs.writeFileSync(fd, data);
      if (like) {
        // The owner first: a change of owner clears the set-user-ID and set-group-ID bits.
        giveOwner(fd, like.uid, like.gid);
        // (The mode again: open() applied the umask to it.)
        fs.fchmodSync(fd, like.mode);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Gives the temp file the replaced file's owner and group, so that root fixing someone's draft leaves
 * it theirs; a user who may not (EPERM) keeps the group when a member of it, else the file is theirs.
 */
function giveOwner(fd: number, uid: number, gid: number): void {
  const own = fs.fstatSync(fd);
  if (own.uid === uid && own.gid === gid) return;
  for (const [u, g] of [
    [uid, gid],
    [own.uid, gid],
  ]) {
    try {
      fs.fchownSync(fd, u, g);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
    }
  }
}
