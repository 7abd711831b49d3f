// The CLI's standard output and error: a reader that closed the pipe ends the output quietly; any other write error is one line, not a stack trace.

export interface Output {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether standard output failed for another reason than a closed pipe (then the exit code is 2). */
  failed: () => boolean;
}

/**
 * Line writers for `out` and `err`. A closed pipe (`factlint drafts | head -1`) is the reader having
 * read enough, as for other Unix tools: the rest of the output is dropped and the exit code is the
 * run's own (its findings were all checked). Another error (ENOSPC for `> /dev/full`) is reported as
 * `factlint: cannot write output (CODE)` and makes the exit code 2. Errors writing standard error are
 * dropped: there is nowhere left to say anything.
 */
export function openOutput(out: NodeJS.WritableStream, err: NodeJS.WritableStream): Output {
  let closed = false;
  let failed = false;
  const stderr = (s: string) => {
    try {
      err.write(`${s}\n`);
    } catch {
      // (See above: nowhere to report it.)
    }
  };
  // Node reports most write errors as an 'error' event after the write returned, and some by throwing.
  const onError = (e: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (e.code === 'EPIPE') return;
    failed = true;
    process.exitCode = 2;
    stderr(`factlint: cannot write output (${e.code ?? e.message})`);
  };
  out.on('error', onError);
  err.on('error', () => undefined);
  return {
    stdout: (s) => {
      if (closed) return;
      try {
        out.write(`${s}\n`);
      } catch (e) {
        onError(e as NodeJS.ErrnoException);
      }
    },
    stderr,
    failed: () => failed,
  };
}
