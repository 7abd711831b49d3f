#!/usr/bin/env node
// Playwright UI test: the packaged extension in a real VS Code (code-server 4.100.3) in Chromium.
//
//   node test/vscode/ui.mjs --vsix EXT.vsix [--workspace DIR] [--out DIR] [--skip-big] [--keep]
//
// Steps (each waits on a condition, never a fixed sleep):
//   1 open draft.md from the explorer, wait for the warning squiggle on "9.7T"     -> 1-squiggle.png
//   2 hover it; the hover must mention "1.5T" and "superseded"                     -> 2-hover.png
//   3 Ctrl+. and pick the quick fix matching /1\.5T/ with the keyboard; text now has
//     1.5T and no warning squiggle remains                                         -> 3-fixed.png
//   4 type "GPT-5.5 has 9.7T parameters." at the end; print keystroke-to-squiggle  -> 4-retyped.png
//   5 same in a generated ~100 KB big-draft.md (writes test-results/ui-timing.json) -> 5-big-retyped.png
//   6 open a draft over factlint.maxFileSize: an information message, no squiggle   -> 6-huge-skipped.png
//   7 restart code-server with workspace trust on: Restricted Mode, claims.md gets the
//     bundled-fact squiggle on "9.7T" but none on the workspace-only "Quillon-7 ... 40B" -> 7-untrusted.png
// Screenshots go to test-results/ui/. Exit code 0 only if every step passed.
/* global document, window, NodeFilter, MutationObserver -- used inside page.evaluate callbacks */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as lib from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    workspace: { type: 'string', default: path.join(lib.HERE, 'fixtures', 'workspace') },
    out: { type: 'string', default: path.join(lib.REPO_ROOT, 'test-results', 'ui') },
    'skip-big': { type: 'boolean', default: false },
    'big-kb': { type: 'string', default: '100' },
    timeout: { type: 'string', default: '60' }, // per wait, seconds
    keep: { type: 'boolean', default: false },
  },
});
if (!opts.vsix) {
  console.error('usage: node test/vscode/ui.mjs --vsix EXT.vsix [--workspace DIR] [--out DIR] [--skip-big] [--keep]');
  process.exit(2);
}
const WRONG = '9.7T';
const RIGHT = '1.5T';
const SENTENCE = `GPT-5.5 has ${WRONG} parameters.`;
const waitMs = Number(opts.timeout) * 1000;
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
let passed = 0;
let failed = 0;
let currentPage; // for a screenshot of the failing state

// ---- page-side helpers (installed into the workbench page) ------------------------------
const PAGE_HELPERS = () => {
  const editorRoot = () => document.querySelector('.part.editor .monaco-editor');
  // Rect of the `which` ('first' | 'last') occurrence of `needle` in the rendered lines.
  const textRect = (needle, which = 'first') => {
    const ed = editorRoot();
    if (!ed) return null;
    const lines = [...ed.querySelectorAll('.view-lines .view-line')].sort(
      (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
    );
    const hits = [];
    for (const line of lines) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n, start: text.length });
        text += n.data;
      }
      text = text.replace(/\u00a0/g, ' ');
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
        const at = (off) => {
          const k = nodes.findLastIndex((x) => x.start <= off);
          return [nodes[k].n, off - nodes[k].start];
        };
        const range = document.createRange();
        range.setStart(...at(i));
        range.setEnd(...at(i + needle.length - 1));
        range.setEnd(range.endContainer, range.endOffset + 1);
        const r = range.getBoundingClientRect();
        hits.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      }
    }
    if (!hits.length) return null;
    return which === 'last' ? hits[hits.length - 1] : hits[0];
  };
  const squiggles = () => [...document.querySelectorAll('.part.editor .monaco-editor .squiggly-warning')];
  const squiggleOn = (needle, which) => {
    const t = textRect(needle, which);
    if (!t) return false;
    return squiggles().some((s) => {
      const r = s.getBoundingClientRect();
      return r.width > 0 && r.left < t.right - 1 && r.right > t.left + 1 && r.top < t.bottom && r.bottom > t.top;
    });
  };
  const editorText = () => {
    const ed = editorRoot();
    return ed ? ed.querySelector('.view-lines').innerText.replace(/\u00a0/g, ' ') : '';
  };
  // Timing probe: timestamps of keydowns and of the first frame where the squiggle is on the
  // last `needle` (a MutationObserver on the editor catches the decoration being rendered).
  const armTiming = (needle) => {
    const st = { keys: [], squiggleAt: 0 };
    const onKey = () => st.keys.push(performance.now());
    document.addEventListener('keydown', onKey, true);
    const check = () => {
      if (!st.squiggleAt && st.keys.length && squiggleOn(needle, 'last')) {
        st.squiggleAt = performance.now();
        obs.disconnect();
        document.removeEventListener('keydown', onKey, true);
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.querySelector('.part.editor'), { subtree: true, childList: true, attributes: true });
    window.__flTiming = st;
  };
  window.__fl = { textRect, squiggles, squiggleOn, editorText, armTiming };
};

async function step(name, fn) {
  const s = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - s} ms)`);
  } catch (err) {
    failed++;
    const shotFile = path.join(opts.out, `FAIL-${passed + failed}.png`);
    await currentPage?.screenshot({ path: shotFile }).then(() => console.log(`     screenshot: ${shotFile}`), () => {});
    console.log(`FAIL ${name} (${Date.now() - s} ms)\n  ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n  ')}`);
    throw err;
  }
}

function bigDraft(kb) {
  const paras = [
    'Analysts keep revisiting the parameter counts of frontier models as new evidence appears.',
    'GPT-5.5 has 1.5T parameters, according to the recalculation published by researchers.',
    'Training efficiency, data quality and post-training all matter more than raw scale.',
    'Smaller teams can now build competitive systems without chasing trillion-parameter models.',
    'Compute procurement plans should be re-evaluated against the recalculated figures.',
  ];
  let out = '# Long draft\n\n';
  for (let i = 0; out.length < kb * 1024; i++) {
    if (i % 12 === 0) out += `## Section ${i / 12 + 1}\n\n`;
    out += `${paras[i % paras.length]} ${paras[(i * 3 + 1) % paras.length]}\n\n`;
  }
  return `${out}The end of the draft.\n`;
}

let sb;
let server;
let browser;
async function main() {
  lib.checkInstalled();
  fs.mkdirSync(opts.out, { recursive: true });
  sb = lib.makeSandbox(opts.workspace, 'factlint-ui-', {
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.acceptSuggestionOnCommitCharacter': false,
    'editor.minimap.enabled': false,
    'workbench.editor.enablePreview': false,
    'files.autoSave': 'off',
  });
  if (!opts['skip-big']) fs.writeFileSync(path.join(sb.workspace, 'big-draft.md'), bigDraft(Number(opts['big-kb'])));
  // Over the default factlint.maxFileSize (1,000,000 bytes), with a wrong figure that would be flagged if checked.
  fs.writeFileSync(path.join(sb.workspace, 'huge-draft.md'), `GPT-5.5 has ${WRONG} parameters.\n\n${bigDraft(1000)}`);
  const ins = lib.installVsix(sb, opts.vsix);
  lib.log(`installed ${ins.id}@${ins.version} (${since()})`);
  server = await lib.startCodeServer(sb);
  lib.log(`code-server ready on ${server.base} (${since()})`);
  browser = await lib.launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  currentPage = page;
  const shot = (name) => page.screenshot({ path: path.join(opts.out, name) });
  const editor = page.locator('.part.editor .monaco-editor').first();

  const openFromExplorer = async (name) => {
    await page.getByRole('treeitem', { name, exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('.part.editor .tab.active')?.textContent?.includes(n), name);
    await editor.locator('.view-lines').waitFor();
  };
  const clickText = async (needle, which) => {
    const r = await page.evaluate(([n, w]) => window.__fl.textRect(n, w), [needle, which]);
    if (!r) throw new Error(`"${needle}" is not rendered in the editor`);
    await page.mouse.click((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return r;
  };
  const measureRetype = async (label) => {
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.evaluate((n) => window.__fl.armTiming(n), WRONG);
    await page.keyboard.press('Enter');
    await page.keyboard.type(SENTENCE);
    await page.waitForFunction(() => window.__flTiming.squiggleAt > 0);
    const st = await page.evaluate(() => window.__flTiming);
    const last = st.keys[st.keys.length - 1];
    const fromLast = Math.max(0, Math.round(st.squiggleAt - last));
    const typingMs = Math.round(last - st.keys[0]);
    console.log(`keystroke-to-squiggle${label}: ${fromLast} ms  (typed ${st.keys.length} keys in ${typingMs} ms${st.squiggleAt < last ? '; squiggle appeared before the last key' : ''})`);
    return fromLast;
  };

  await step('workbench loads', async () => {
    await page.goto(`${server.base}/?folder=${encodeURIComponent(sb.workspace)}`, { timeout: waitMs });
    await page.locator('.monaco-workbench').waitFor();
    await page.getByRole('treeitem', { name: 'draft.md', exact: true }).waitFor();
    await page.evaluate(PAGE_HELPERS);
  });

  await step(`draft.md: warning squiggle on "${WRONG}"`, async () => {
    await openFromExplorer('draft.md');
    await page.evaluate(PAGE_HELPERS); // idempotent; keeps helpers after any reload
    await page.waitForFunction((n) => window.__fl.squiggleOn(n, 'first'), WRONG);
    await shot('1-squiggle.png');
  });

  await step(`hover mentions "${RIGHT}" and "superseded"`, async () => {
    const r = await page.evaluate((n) => window.__fl.textRect(n, 'first'), WRONG);
    await page.mouse.move((r.left + r.right) / 2 - 3, (r.top + r.bottom) / 2);
    await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    const anyHover = page.locator('.monaco-hover:not(.hidden)');
    // the hover fills in asynchronously (diagnostic part first, provider hovers after): wait
    // until one visible hover holds both strings
    const hover = anyHover.filter({ hasText: /superseded/i }).filter({ hasText: RIGHT });
    try {
      await hover.first().waitFor();
    } catch (err) {
      const seen = (await anyHover.allInnerTexts().catch(() => [])).join(' | ').replace(/\s+/g, ' ');
      throw new Error(`no hover with "superseded" and "${RIGHT}" (visible hover text: ${seen || 'none'})\n${err.message}`);
    }
    const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
    console.log(`     hover: ${text.slice(0, 300)}`);
    // the hover fades in (a CSS animation): wait for it to finish so the screenshot is opaque
    await hover.first().evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((an) => an.finished)));
    await shot('2-hover.png');
  });

  await step(`quick fix (Ctrl+.) replaces "${WRONG}" with "${RIGHT}"`, async () => {
    await clickText(WRONG, 'first');
    await page.keyboard.press('Escape'); // close the hover
    await page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached' }).catch(() => {});
    await page.keyboard.press('Control+.');
    const widget = page.locator('.action-widget');
    await widget.locator('.monaco-list-row.action').first().waitFor();
    const rows = (await widget.locator('.monaco-list-row.action').allInnerTexts()).map((t) => t.trim());
    console.log(`     quick fixes: ${rows.join(' | ')}`);
    await shot('3a-quickfix-menu.png');
    if (!rows.some((t) => /1\.5T/.test(t))) throw new Error(`no quick fix matching /1\\.5T/ in: ${rows.join(' | ')}`);
    // move the keyboard focus to the matching fix, then Enter
    for (let i = 0; i <= rows.length; i++) {
      const focused = (await widget.locator('.monaco-list-row.focused').innerText().catch(() => '')).trim();
      if (/1\.5T/.test(focused)) break;
      if (i === rows.length) throw new Error('could not focus the 1.5T quick fix');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(([w, r]) => {
      const t = window.__fl.editorText();
      return t.includes(`GPT-5.5 has ${r}`) && !t.includes(w);
    }, [WRONG, RIGHT]);
    await page.waitForFunction(() => window.__fl.squiggles().length === 0);
    await shot('3-fixed.png');
  });

  await step('retype a wrong figure in draft.md: squiggle returns', async () => {
    await measureRetype('');
    await shot('4-retyped.png');
  });

  if (!opts['skip-big']) {
    await step(`retype in ~${opts['big-kb']} KB big-draft.md: squiggle returns`, async () => {
      await openFromExplorer('big-draft.md');
      await page.waitForFunction(() => window.__fl.editorText().includes('Long draft'));
      const ms = await measureRetype(` (${opts['big-kb']} KB draft)`);
      // npm run bench prints this next to its own figures (issue 7: at most factlint.delay + 100 ms).
      fs.mkdirSync(path.join(lib.REPO_ROOT, 'test-results'), { recursive: true });
      fs.writeFileSync(path.join(lib.REPO_ROOT, 'test-results', 'ui-timing.json'), JSON.stringify({ draftKB: Number(opts['big-kb']), keystrokeToSquiggleMs: ms, delayMs: 150, at: new Date().toISOString() }, null, 2));
      await shot('5-big-retyped.png');
    });
  }
  await hugeFileStep(page, openFromExplorer, shot);
  await untrustedStep(context);
}

/**
 * Restricted mode: a second code-server with workspace trust on opens the folder untrusted (the
 * extension-test path cannot: VS Code turns trust off while extension tests run). Only the bundled
 * fact base applies there, so claims.md's Quillon-7 (known only from the workspace's fact file) gets
 * no squiggle while GPT-5.5's 9.7T does; both would be flagged in a trusted workspace.
 */
async function untrustedStep(context) {
  await step('untrusted workspace: bundled facts only (9.7T flagged, the workspace-only Quillon-7 claim not)', async () => {
    await server.stop();
    // Trust on, and no start-up prompt: an untrusted folder then opens in Restricted Mode.
    const settingsFile = path.join(sb.userData, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }, null, 2));
    server = await lib.startCodeServer(sb, { trust: true });
    const page = await context.newPage();
    currentPage = page;
    await page.goto(`${server.base}/?folder=${encodeURIComponent(sb.workspace)}`, { timeout: waitMs });
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.part.statusbar').getByText('Restricted Mode').waitFor();
    await page.getByRole('treeitem', { name: 'claims.md', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.part.editor .tab.active')?.textContent?.includes('claims.md'));
    await page.evaluate(PAGE_HELPERS);
    // One diagnostics set carries every finding of the file: once 9.7T is flagged, 40B would be too.
    await page.waitForFunction((n) => window.__fl.squiggleOn(n, 'first'), WRONG);
    const on40 = await page.evaluate(() => window.__fl.squiggleOn('40B', 'first'));
    if (on40) throw new Error('Quillon-7 "40B" is flagged: the untrusted workspace\'s fact file was loaded');
    await page.screenshot({ path: path.join(opts.out, '7-untrusted.png') });
  });
}

async function hugeFileStep(page, openFromExplorer, shot) {
  await step('huge-draft.md (over factlint.maxFileSize): an information message, no squiggle', async () => {
    await openFromExplorer('huge-draft.md');
    await page.locator('.notification-toast').filter({ hasText: 'factlint skipped huge-draft.md' }).first().waitFor();
    await page.evaluate(PAGE_HELPERS);
    const squiggles = await page.evaluate(() => window.__fl.squiggles().length);
    if (squiggles !== 0) throw new Error(`${squiggles} squiggles in a file that must not be checked`);
    await shot('6-huge-skipped.png');
  });
}

const cleanup = lib.teardownWith(() => ({ browser, server, sb, keep: opts.keep }));
let code = 1;
try {
  await main();
  code = failed === 0 ? 0 : 1;
} catch (err) {
  if (failed === 0) {
    failed++;
    console.log(`FAIL setup: ${err?.stack ?? err}`);
  }
  code = 1;
} finally {
  await cleanup();
}
lib.log(`screenshots in ${path.relative(process.cwd(), opts.out) || '.'} (${since()} total)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
