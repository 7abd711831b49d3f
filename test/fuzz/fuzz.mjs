// npm run fuzz: the robustness properties of the unit tests, run long (seed and runs from flags or env; the seed is printed).
import fc from 'fast-check';
import { bundled, starter } from '../unit/helpers.mjs';
import { checksInBounds, edits, fixesSettle, sessionAgrees, texts } from '../unit/properties.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(flag('--seed') ?? process.env.FUZZ_SEED ?? (Date.now() % 2 ** 31));
const runs = Number(flag('--runs') ?? process.env.FUZZ_RUNS ?? 2000);
const scale = Number(flag('--scale') ?? process.env.FUZZ_SCALE ?? 4);
if (!Number.isInteger(seed) || !(runs > 0) || !(scale > 0)) {
  console.error('usage: npm run fuzz -- [--seed N] [--runs N] [--scale N]   (or FUZZ_SEED, FUZZ_RUNS, FUZZ_SCALE)');
  process.exit(2);
}
console.log(`fuzz: seed ${seed}, ${runs} runs per property, text scale ${scale}`);
console.log(`reproduce: npm run fuzz -- --seed ${seed} --runs ${runs} --scale ${scale}`);

const onText = (property) => fc.property(texts(scale), property);
const properties = [
  ['check returns, ranges in bounds and on UTF-16 boundaries (starter facts)', onText(checksInBounds(starter()))],
  ['check returns, ranges in bounds and on UTF-16 boundaries (bundled facts)', onText(checksInBounds(bundled()))],
  ['fixes apply cleanly, twice equals once (starter facts)', onText(fixesSettle(starter()))],
  ['fixes apply cleanly, twice equals once (bundled facts)', onText(fixesSettle(bundled()))],
  ['an edited session agrees with a fresh check (bundled facts)', fc.property(texts(scale), edits(), sessionAgrees(bundled()))],
];
let failed = 0;
for (const [i, [name, property]] of properties.entries()) {
  const started = performance.now();
  // Each property gets its own derived seed, printed with any failure, so one property can be rerun alone.
  const details = fc.check(property, { seed: seed + i, numRuns: runs });
  const ms = Math.round(performance.now() - started);
  if (details.failed) {
    failed++;
    console.log(`FAIL ${name} (${ms} ms)`);
    console.log(fc.defaultReportMessage(details));
  } else console.log(`ok   ${name}: ${details.numRuns} runs (${ms} ms)`);
}
console.log(failed ? `${failed} of ${properties.length} properties failed (seed ${seed})` : `all ${properties.length} properties held (seed ${seed})`);
process.exitCode = failed ? 1 : 0;
