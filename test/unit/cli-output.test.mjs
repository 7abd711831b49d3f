// Output that cannot be written: a reader that closed the pipe ends it quietly; a full disk is one line on stderr and exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, STARTER, tmpDir } from './helpers.mjs';

const STARTER_ONLY = ['--no-bundled-facts', '--facts', STARTER];
const BAD = 'GPT-5.5 has 9.7T parameters.\n\n';

/** A draft whose findings print far more than a pipe holds (~1 MB of text output). */
function bigDraft() {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'big.md'), BAD.repeat(3000));
  return dir;
}

const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

test('a closed pipe (| head -1) ends the output quietly, with the exit code the run would have had', { skip: hasBash ? false : 'needs bash' }, () => {
  const dir = bigDraft();
  const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  const node = [process.execPath, CLI].map(quote).join(' ');
  for (const [args, status] of [
    [[...STARTER_ONLY, 'big.md'], 1],
    [[...STARTER_ONLY, '--format', 'json', 'big.md'], 1],
    [['facts', '--format', 'json'], 0],
  ]) {
    // ${PIPESTATUS[0]}: factlint's own exit status, not head's.
    const r = spawnSync('bash', ['-c', `${node} ${args.map(quote).join(' ')} | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 30000,
    });
    assert.equal(r.stderr, `status=${status}\n`, args.join(' '));
  }
});

test('output that cannot be written (a full disk: /dev/full) is one line on stderr and exit 2, no stack trace', { skip: fs.existsSync('/dev/full') ? false : 'needs /dev/full' }, () => {
  const dir = bigDraft();
  for (const args of [[...STARTER_ONLY, 'big.md'], [...STARTER_ONLY, '--format', 'sarif', 'big.md'], ['facts']]) {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'], timeout: 30000 });
      assert.equal(r.stderr, 'factlint: cannot write output (ENOSPC)\n', args.join(' '));
      assert.equal(r.status, 2, args.join(' '));
    } finally {
      fs.closeSync(full);
    }
  }
});
