// One first (cold) run in a fresh process, for npm run bench: `node first-run.mjs parse|check FILE` prints the ms of markdown-it's first parse or the checker's first check of FILE.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [mode, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
let run;
if (mode === 'parse') {
  const MarkdownIt = require('markdown-it');
  const md = new MarkdownIt({ html: true });
  run = () => md.parse(text, {});
} else if (mode === 'check') {
  const checker = require(path.join(root, 'dist', 'core.js')).createChecker(JSON.parse(fs.readFileSync(path.join(root, 'dist', 'facts.json'), 'utf8')));
  run = () => checker.check(text);
} else {
  console.error('usage: node first-run.mjs parse|check FILE');
  process.exit(2);
}
// Only the call is timed: loading markdown-it or the checker is not part of either.
const t = performance.now();
run();
console.log((performance.now() - t).toFixed(2));
