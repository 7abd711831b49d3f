// Bundles the CLI and the extension, and compiles the bundled fact base to JSON.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

async function compileFacts() {
  // The bundled YAML is validated with the same loader users get, then shipped as JSON so
  // start-up never pays for a YAML parse.
  const { parseFactBase, mergeFactBases } = require('./dist/facts-compiler.js');
  const file = path.join(__dirname, 'src', 'facts', 'bundled.yaml');
  const { base, problems } = parseFactBase(file, fs.readFileSync(file, 'utf8'));
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}`);
  if (!base || errors.length) throw new Error(`bundled fact base has ${errors.length} error(s)`);
  // The CLI and the extension use the bundled base as it is when there are no fact files to merge
  // over it: that is right only while merging it with nothing changes nothing.
  if (JSON.stringify(mergeFactBases(base, [])) !== JSON.stringify(base)) throw new Error('bundled fact base: mergeFactBases(base, []) differs from base');
  // Positions name the shipped file, not this machine's checkout.
  const json = JSON.stringify(base, (key, value) => (key === 'file' && value === file ? 'bundled.yaml' : value));
  // ASCII only (non-ASCII characters, which JSON holds only in strings, as \u escapes): read as one
  // byte per character, it loads ~0.7 ms sooner at every start; it parses to the same values.
  const ascii = json.replace(/[\u0080-\uffff]/g, (c) => unicodeEscape(c.charCodeAt(0), false));
  if (ascii !== json && JSON.stringify(JSON.parse(ascii)) !== json) throw new Error('facts.json: escaping changed the data');
  fs.writeFileSync(path.join(__dirname, 'dist', 'facts.json'), ascii);
  fs.copyFileSync(file, path.join(__dirname, 'dist', 'bundled.yaml'));
  fs.copyFileSync(path.join(__dirname, 'src', 'facts', 'factbase.schema.json'), path.join(__dirname, 'dist', 'factbase.schema.json'));
}

/**
 * Writes dist/cli.js.cache for the Node running the build: the CLI is run once on the test drafts,
 * and the launcher saves what V8 compiled (a run with another Node writes its own on first use).
 * A failure here costs only start-up time, so it is reported and the build goes on.
 */
function writeCliCodeCache() {
  const cache = path.join(__dirname, 'dist', 'cli.js.cache');
  fs.rmSync(cache, { force: true });
  // Files, not their folder: a folder argument would also cache the globbing code, which a run on
  // named files never loads.
  const mdDir = path.join(__dirname, 'test', 'fixtures', 'md');
  const drafts = [path.join(__dirname, 'test', 'fixtures', 'sample-draft.md'), ...(fs.existsSync(mdDir) ? fs.readdirSync(mdDir).filter((f) => f.endsWith('.md')).map((f) => path.join(mdDir, f)) : [])].filter((f) => fs.existsSync(f));
  if (!drafts.length) return;
  const r = require('node:child_process').spawnSync(process.execPath, [path.join(__dirname, 'bin', 'factlint.js'), '--no-color', ...drafts], { cwd: __dirname, encoding: 'utf8', env: { ...process.env, FACTLINT_NO_CODE_CACHE: '', FACTLINT_V8_DEFAULTS: '' } });
  if (r.status === 2 || r.error || !fs.existsSync(cache)) console.error(`warning: no CLI code cache written (${r.error?.message ?? (r.stderr.trim() || `exit ${r.status}`)})`);
}

/**
 * Marks yaml's modules free of side effects (its package.json does not say so), so a bundle that
 * imports only the yaml-free parts of a module (the CLI and the extension use mergeFactBases from
 * src/core/factBase.ts, and the YAML readers only through dist/factFiles.js) carries none of yaml's
 * module-level code: no classes, Sets or Symbols built at start for nothing.
 */
const yamlHasNoSideEffects = {
  name: 'yaml-has-no-side-effects',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.yamlResolving || !(args.path === 'yaml' || args.importer.includes(`${path.sep}yaml${path.sep}`))) return undefined;
      const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { yamlResolving: true } });
      if (r.errors.length || !r.path.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`)) return r.errors.length ? { errors: r.errors } : undefined;
      return { ...r, sideEffects: false };
    });
  },
};

/**
 * dist/cli.js is written as the function Node would wrap a module in, and a line that calls it when
 * the file is required as usual (`this` is then module.exports). Run as a script at the top level
 * (`this` is the global object), as src/cli/launch.ts runs it, the file's value is that function, so
 * the launcher compiles the file's own text: wrapping it as Node does (Module.wrap) builds a second
 * copy of the ~0.5 MB source, ~1 MB as V8 holds it, which V8 then flattens (measured ~5-7 ms a run).
 */
const CLI_WRAPPER = {
  banner: '(function (body) { return this === globalThis ? body : body.call(this, exports, require, module, __filename, __dirname); }).call(this, (function (exports, require, module, __filename, __dirname) {',
  footer: '}));',
};

/** `\\u` escapes for one code point: `\\u{...}` where `braces` allows it, else UTF-16 units. */
function unicodeEscape(codePoint, braces) {
  if (codePoint > 0xffff && braces) return `\\u{${codePoint.toString(16)}}`;
  return String.fromCodePoint(codePoint)
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
}

/**
 * Rewrites the non-ASCII characters esbuild's `charset: 'ascii'` leaves in place (it escapes strings
 * and names, not regular expression literals or template literals) without changing what the code
 * means: in a regex literal a character and its `\\u` escape are the same atom; an untagged template
 * cooks an escape to the character; in a `String.raw` template the character becomes a substitution
 * of a string holding it (String.raw joins the raw pieces and the substitutions). Anything else (an
 * escaped non-ASCII character, a non-ASCII group name or name, another tag) stops the build; comments
keep their non-ASCII characters as escape text.
 * An ASCII source is one byte per character for V8 (a two-byte string of the 0.5 MB bundle made each
 * start cost ~4 ms). Columns after a rewritten character on its line drift in the source map.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (!/[^\0-\x7f]/.test(text)) return;
  const ts = require('typescript');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  const fail = (pos, why) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(pos);
    throw new Error(`${file}:${line + 1}:${character + 1}: ${why}`);
  };
  const rewrite = (node, replace) => {
    const start = node.getStart(sf);
    const piece = text.slice(start, node.end);
    let out = '';
    let backslashes = 0;
    for (const ch of piece) {
      const cp = ch.codePointAt(0);
      if (cp < 0x80) {
        out += ch;
        backslashes = ch === '\\' ? backslashes + 1 : 0;
        continue;
      }
      if (backslashes % 2) fail(start, 'an escaped non-ASCII character');
      out += replace(cp);
      backslashes = 0;
    }
    edits.push({ start, end: node.end, out });
  };
  const visit = (node) => {
    const k = ts.SyntaxKind;
    if (node.kind === k.RegularExpressionLiteral && /[^\0-\x7f]/.test(node.text)) {
      const flags = node.text.slice(node.text.lastIndexOf('/') + 1);
      if ([...node.text.matchAll(/\(\?<(?![=!])([^>]*)>/g)].some((m) => /[^\0-\x7f]/.test(m[1]))) fail(node.getStart(sf), 'a non-ASCII group name');
      rewrite(node, (cp) => unicodeEscape(cp, flags.includes('u') || flags.includes('v')));
    } else if ([k.NoSubstitutionTemplateLiteral, k.TemplateHead, k.TemplateMiddle, k.TemplateTail].includes(node.kind) && /[^\0-\x7f]/.test(node.getText(sf))) {
      let template = node;
      while (template.parent && template.parent.kind !== k.TaggedTemplateExpression && [k.TemplateExpression, k.TemplateSpan].includes(template.parent.kind)) template = template.parent;
      const tagged = template.parent?.kind === k.TaggedTemplateExpression ? template.parent : undefined;
      if (!tagged) rewrite(node, (cp) => unicodeEscape(cp, true));
      else if (tagged.tag.getText(sf) === 'String.raw') rewrite(node, (cp) => `\${"${unicodeEscape(cp, true)}"}`);
      else fail(node.getStart(sf), `a non-ASCII character in a template tagged ${tagged.tag.getText(sf)}`);
    }
    for (const r of [...(ts.getLeadingCommentRanges(text, node.pos) ?? []), ...(ts.getTrailingCommentRanges(text, node.end) ?? [])]) comments.set(r.pos, r.end);
    ts.forEachChild(node, visit);
  };
  const comments = new Map();
  visit(sf);
  // Comments mean nothing: their non-ASCII characters become escapes as text.
  for (const [pos, end] of comments) {
    const piece = text.slice(pos, end);
    if (/[^\0-\x7f]/.test(piece)) edits.push({ start: pos, end, out: [...piece].map((ch) => (ch.codePointAt(0) < 0x80 ? ch : unicodeEscape(ch.codePointAt(0), true))).join('') });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.out + out.slice(e.end);
  const left = out.search(/[^\0-\x7f]/);
  if (left >= 0) fail(left, `non-ASCII character left: ${JSON.stringify(out.slice(Math.max(0, left - 40), left + 10))}`);
  fs.writeFileSync(file, out);
}

async function main() {
  const common = {
    plugins: [yamlHasNoSideEffects],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // Some dependencies ship ESM that reads import.meta.url; give the CJS bundle a real one, made
    // when first read (none of today's bundles reads it; making it costs ~0.5 ms of each start).
    define: { 'import.meta.url': '__factlintImportMeta.url' },
    // yaml's own ES-module build (its "default" export condition) lets esbuild drop what factlint does
    // not use (stringifying, the CLI); the Node condition picks a CommonJS build it cannot shake.
    alias: { yaml: './node_modules/yaml/browser/dist/index.js' },
    banner: { js: "const __factlintImportMeta = { get url() { return require('url').pathToFileURL(__filename).href; } };" },
  };
  await esbuild.build({ ...common, entryPoints: ['src/core/factBase.ts'], outfile: 'dist/facts-compiler.js', sourcemap: false });
  await compileFacts();
  const builds = [
    // The YAML readers are a chunk of their own (dist/factFiles.js), required only for a config or fact files.
    // The bundle carries its own module wrapper (CLI_WRAPPER).
    esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', charset: 'ascii', external: ['./factFiles.js'], banner: { js: `${CLI_WRAPPER.banner}\n${common.banner.js}` }, footer: { js: CLI_WRAPPER.footer } }).then(() => asciiOnly('dist/cli.js')),
    esbuild.build({ ...common, entryPoints: ['src/core/factFiles.ts'], outfile: 'dist/factFiles.js' }),
    // What bin/factlint.js loads first: Node built-ins only, no banner, no source map.
    esbuild.build({ ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/launch.js', sourcemap: false, banner: {}, define: {} }),
    // The core on its own, for unit tests and for other tools that embed the checker. ASCII as the CLI
    // bundle is, so the unit tests check the core as the CLI runs it.
    esbuild.build({ ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', charset: 'ascii' }).then(() => asciiOnly('dist/core.js')),
  ];
  if (fs.existsSync('src/extension/extension.ts')) {
    // The extension, too, requires dist/factFiles.js only for workspaces with fact files.
    builds.push(esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './factFiles.js'] }));
  }
  await Promise.all(builds);
  writeCliCodeCache();
  if (watch) console.log('watch mode is not supported; rerun npm run build');
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
