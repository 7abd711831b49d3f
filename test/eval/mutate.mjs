// The eval's mutation generator and annotation readers, kept apart so unit tests can pin them down.

const UNITS = [
  ['trillions', 1e12], ['trillion', 1e12], ['billions', 1e9], ['billion', 1e9], ['millions', 1e6], ['million', 1e6],
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['十亿', 1e9], ['亿', 1e8], ['T', 1e12], ['B', 1e9], ['M', 1e6],
];
const UNIT_ALT = UNITS.map(([u]) => u).join('|');
/** One written figure: number (grouping and decimals as written), spacing, unit. */
const WRITTEN = new RegExp(String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([ \u00a0]?)(${UNIT_ALT})(?![A-Za-z])`, 'giu');

function scaleOf(unit) {
  const lower = unit.toLowerCase();
  return (UNITS.find(([u]) => u === unit || u.toLowerCase() === lower) ?? [])[1];
}

/** Every number-with-unit in a written figure ("1750亿（175B）" has two), with value and rounding step. */
export function parseWritten(written) {
  const out = [];
  WRITTEN.lastIndex = 0;
  let m;
  while ((m = WRITTEN.exec(written)) !== null) {
    const num = m[1];
    const scale = scaleOf(m[3]);
    if (!scale) continue;
    const plain = num.replace(/,/g, '');
    const decimals = (plain.split('.')[1] ?? '').length;
    out.push({ index: m.index, length: num.length, num, grouped: num.includes(','), decimals, scale, value: Number(plain) * scale, step: Math.pow(10, -decimals) * scale });
  }
  return out;
}

/**
 * Is a written value wrong for every one of these figures? Stricter than the checker: it must lie
 * outside 15% of each figure and outside the writer's own rounding step, so a miss is a real miss.
 */
export function differsFromAll(value, step, figures) {
  return figures.every((f) => Math.abs(value - f.value) > Math.max(0.15 * f.value, step / 2));
}

function format(n, decimals, grouped) {
  const s = n.toFixed(decimals);
  if (!grouped) return s;
  const [int, frac] = s.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${withCommas}.${frac}` : withCommas;
}

/** The written figure with every number in it set to `value`, each in its own unit and format. */
export function rewriteWritten(written, value, figures) {
  const parts = parseWritten(written);
  if (parts.length === 0) return undefined;
  let out = '';
  let pos = 0;
  for (const p of parts) {
    const n = value / p.scale;
    let decimals = p.decimals;
    let text = format(n, decimals, p.grouped);
    // More decimals only when the writer's precision would round the new value back to a right one or to zero.
    while (decimals < 3 && (Number(text.replace(/,/g, '')) === 0 || !differsFromAll(Number(text.replace(/,/g, '')) * p.scale, Math.pow(10, -decimals) * p.scale, figures))) {
      decimals++;
      text = format(n, decimals, p.grouped);
    }
    const written2 = Number(text.replace(/,/g, '')) * p.scale;
    if (written2 <= 0 || !differsFromAll(written2, Math.pow(10, -decimals) * p.scale, figures)) return undefined;
    out += written.slice(pos, p.index) + text;
    pos = p.index + p.length;
  }
  return out + written.slice(pos);
}

const CURRENT = (f) => f.status !== 'superseded' && f.status !== 'rumor';

/**
 * A wrong value for a claim, in the writer's format: another model's size, the figure ×1.5, or one of
 * the model's superseded/rumoured figures, picked with `random` among those that are really wrong.
 */
export function mutationFor(written, model, kind, base, random) {
  const parts = parseWritten(written);
  if (parts.length === 0) return undefined;
  const original = parts[0].value;
  const wantKind = kind === 'active' ? 'active' : 'total';
  const options = [];
  // Another model's size: an official figure of the same kind, within a factor of four, so it reads plausibly.
  const others = [...new Set(base.models.filter((m) => m.id !== model.id).flatMap((m) => m.figures.filter((f) => f.status === 'official' && f.kind === wantKind).map((f) => f.value)))]
    .filter((v) => v >= original / 4 && v <= original * 4)
    .sort((a, b) => a - b);
  const otherPick = others.length ? others[Math.floor(random() * others.length)] : undefined;
  if (otherPick !== undefined) options.push({ choice: 'other-model', value: otherPick, against: model.figures });
  options.push({ choice: 'x1.5', value: original * 1.5, against: model.figures });
  // A superseded figure need only differ from the figures the fact base still stands behind.
  const stale = model.figures.filter((f) => !CURRENT(f));
  if (stale.length) options.push({ choice: 'superseded', value: stale[Math.floor(random() * stale.length)].value, against: model.figures.filter(CURRENT) });
  const valid = options.map((o) => ({ ...o, text: rewriteWritten(written, o.value, o.against) })).filter((o) => o.text !== undefined && o.text !== written);
  if (valid.length === 0) {
    const text = rewriteWritten(written, original / 1.5, model.figures);
    return text ? { text, choice: '/1.5 (fallback)' } : undefined;
  }
  const pick = valid[Math.floor(random() * valid.length)];
  return { text: pick.text, choice: pick.choice };
}

/** Does the character at i start/end a figure token (not inside "MPT-7B" or "33亿" when looking for "3亿")? */
function bounded(line, at, length) {
  const prev = line.charAt(at - 1);
  const next = line.charAt(at + length);
  return !/[A-Za-z0-9.\-_]/.test(prev) && !/[A-Za-z0-9]/.test(next) && !(next === '.' && /\d/.test(line.charAt(at + length + 1)));
}

function occurrences(hay, needle) {
  const out = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) if (bounded(hay, i, needle.length)) out.push(i);
  return out;
}

/**
 * Where on the line the annotated figure is: a phrase the annotator quoted in the context that
 * contains it wins; otherwise the nth bounded occurrence for the nth row with that figure.
 */
export function locateFigure(line, figure, context, nth) {
  const quoted = [...(context ?? '').matchAll(/""(.+?)""/g)].map((m) => m[1]);
  for (const phrase of quoted) {
    const p = line.indexOf(phrase);
    if (p < 0) continue;
    const within = occurrences(line.slice(p, p + phrase.length), figure);
    // The phrase may end right at the figure's edge; check the boundary against the whole line.
    const hit = within.map((i) => p + i).find((i) => bounded(line, i, figure.length));
    if (hit !== undefined) return hit;
  }
  const all = occurrences(line, figure);
  return all[nth] ?? all[0] ?? -1;
}

/** The annotator marks a source's own errors in the context column ("wrong", "(official: 123B)", "typo" ...). */
export function isAnnotatedError(context) {
  return /\b(?:error|wrong|incorrect|mistake|typo|should be|actually|naive)\b|错误|\(official:|\bno\b[^;]*\bexists?\b|\bhas no\b|\bnot an? [\w.-]+ size\b|\bis an? [\w.-]+ size, not\b/i.test(context ?? '');
}

/** EN or ZH: the manifest note says so; otherwise the share of CJK characters decides. */
export function languageOf(note, text) {
  const m = /^(EN|ZH)\b/.exec(note ?? '');
  if (m) return m[1];
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return cjk > text.length * 0.05 ? 'ZH' : 'EN';
}
