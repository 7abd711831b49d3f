#!/usr/bin/env node
// Bundles the extension-host test suite into one CommonJS file:
//   test/vscode/suite-runner.ts (entry, exports run()) + mocha + test/vscode/suite/**/*.test.ts
//   -> out/test/suite/index.js   (`vscode` external; loaded by VS Code's extension host)
// Usage: node test/vscode/build-suite.mjs [--suite-dir DIR] [--outfile FILE]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const { values } = parseArgs({
  options: {
    'suite-dir': { type: 'string', default: path.join(here, 'suite') },
    outfile: { type: 'string', default: path.join(repoRoot, 'out', 'test', 'suite', 'index.js') },
  },
});
const suiteDir = path.resolve(values['suite-dir']);
const outfile = path.resolve(values.outfile);

const testFiles = fs.existsSync(suiteDir)
  ? fs
      .readdirSync(suiteDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('node_modules'))
      .map((f) => path.join(suiteDir, f))
      .sort()
  : [];
if (testFiles.length === 0) console.warn(`build-suite: no *.test.ts under ${suiteDir}`);

// Virtual module `factlint:test-files`: require()s each test file lazily, so the test modules
// run only when suite-runner calls loadTestFiles() (after mocha has defined suite()/test()).
const testFilesPlugin = {
  name: 'factlint-test-files',
  setup(build) {
    build.onResolve({ filter: /^factlint:test-files$/ }, (args) => ({ path: args.path, namespace: 'factlint-test-files' }));
    build.onLoad({ filter: /.*/, namespace: 'factlint-test-files' }, () => ({
      resolveDir: suiteDir,
      loader: 'js',
      contents: [
        `export const testFileNames = ${JSON.stringify(testFiles.map((f) => path.relative(repoRoot, f)))};`,
        'export function loadTestFiles() {',
        ...testFiles.map((f) => `  require(${JSON.stringify(f)});`),
        '}',
      ].join('\n'),
    }));
  },
};

const started = Date.now();
const result = await esbuild.build({
  entryPoints: [path.join(here, 'suite-runner.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: 'linked',
  logLevel: 'error',
  // this bundle runs from out/test/suite/, so resolve packages (mocha) from the repo root
  nodePaths: [path.join(repoRoot, 'node_modules')],
  plugins: [testFilesPlugin],
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`build-suite: ${testFiles.length} test file(s) -> ${path.relative(process.cwd(), outfile)} (${Math.round(bytes / 1024)} KB, ${Date.now() - started} ms)`);
