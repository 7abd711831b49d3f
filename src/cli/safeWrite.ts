// Writes a fixed file without ever leaving it half-written: temp file, fsync, rename, mode kept.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class ChangedSinceReadError extends Error {}

/**
 * Replaces `file` with `text` atomically. Refuses when the file on disk no longer holds
 * `original` (someone saved it while we were checking).
 */
export function writeFileAtomically(file: string, original: Buffer, text: Buffer): void {
  const stat = fs.statSync(file);
  const current = fs.readFileSync(file);
  if (!current.equals(original)) throw new ChangedSinceReadError(`${file}: changed since it was read; not fixed`);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.factlint-${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'wx', stat.mode & 0o7777);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.chmodSync(tmp, stat.mode & 0o7777);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
