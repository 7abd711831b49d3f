// Finds figures whose number is spelled out: "a trillion", "two billion", "half a trillion", "两万亿", "一千七百五十亿".
import type { RawFigure } from './figures';

/** The English number words a writer puts before "trillion", "billion" or "million", and their values. */
const WORD_VALUES: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, 'half a': 0.5,
};
const UNIT_WORDS: Record<string, number> = { trillion: 1e12, billion: 1e9, million: 1e6 };

/** The number word just before a unit word (read at the end of the text before it). */
const WORD_BEFORE = /(?<![\w.,-])(half[ \u00a0]+a|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)[ \u00a0-]+$/iu;
/** How far before a unit word its number word may start ("half a " is the longest, with a few blanks). */
const WORD_REACH = 16;

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** A Chinese number may be this long before 亿 ("九千九百九十九" is seven characters, "一点五二" four). */
const CHINESE_REACH = 12;

function isNumeralChar(c: string): boolean {
  return CHINESE_DIGITS[c] !== undefined || CHINESE_PLACES[c] !== undefined || c === '点';
}

/** Whether a letter ends the text before `at`, past blanks and a hyphen: most unit words follow digits ("1.5 trillion"). */
function followsWord(text: string, at: number, from: number): boolean {
  let p = at - 1;
  while (p >= from && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0xa0 || text.charCodeAt(p) === 0x2d)) p--;
  const c = p >= from ? text.charCodeAt(p) | 0x20 : 0;
  return p < at - 1 && c >= 0x61 && c <= 0x7a;
}

/**
 * A Chinese numeral below 万 ("一千七百五十" → 1750, "两千五" → 2500, "十五" → 15), or undefined for runs that are no
 * single number: "两三千" is a rough range, and "十" alone a class ("十亿参数级", "百亿参数").
 */
function readChineseNumeral(run: string): number | undefined {
  const lead = run.charAt(0);
  if (!(CHINESE_DIGITS[lead]! > 0 || (lead === '十' && run.length > 1))) return undefined;
  let total = 0;
  let digit = -1;
  let lastPlace = 10_000;
  for (const c of run) {
    const d = CHINESE_DIGITS[c];
    if (d !== undefined) {
      // Two digits in a row ("两三") are a range, except after a zero ("一千零五十").
      if (digit > 0) return undefined;
      digit = d;
      continue;
    }
    const place = CHINESE_PLACES[c]!;
    if (place >= lastPlace) return undefined;
    // "十五" is 15: a leading 十 stands for 一十.
    total += (digit < 0 ? 1 : digit) * place;
    lastPlace = place;
    digit = -1;
  }
  // "两千五" is 2500: a last digit without its place takes the place below the one before it.
  if (digit > 0) total += digit * (lastPlace === 10_000 ? 1 : lastPlace / 10);
  return total > 0 ? total : undefined;
}

/**
 * A Chinese number with its step, as for the same number in digits: "一千七百" (1700 by 1, as "1700亿" is read),
 * "九点七" (9.7 by 0.1), "零点五" (0.5 by 0.1).
 */
function readChineseNumber(run: string): { value: number; step: number } | undefined {
  const point = run.indexOf('点');
  if (point < 0) {
    const value = readChineseNumeral(run);
    return value === undefined ? undefined : { value, step: 1 };
  }
  const whole = run.slice(0, point);
  const integer = whole === '零' || whole === '〇' ? 0 : readChineseNumeral(whole);
  const decimals = run.slice(point + 1);
  if (integer === undefined || decimals.length === 0) return undefined;
  let fraction = 0;
  let step = 1;
  for (const c of decimals) {
    const d = CHINESE_DIGITS[c];
    if (d === undefined) return undefined;
    step /= 10;
    fraction += d * step;
  }
  const value = integer + fraction;
  return value > 0 ? { value, step } : undefined;
}

function spelledFigure(start: number, end: number, text: string, numberEnd: number, n: number, step: number, scale: number): RawFigure {
  const value = n * scale;
  return { start, end, text: text.slice(start, end), value, low: value, high: value, precision: step * scale, numberStart: start, numberEnd, scale, isRange: false, isProduct: false, spelled: true };
}

/** The spelled figures in text[from, to), in text order. They count parameters only where the words say so (see readAround). */
export function scanSpelledFigures(text: string, from: number, to: number): RawFigure[] {
  const out: RawFigure[] = [];
  for (let i = text.indexOf('illion', from); i >= 0 && i < to; i = text.indexOf('illion', i + 6)) {
    const end = i + 6;
    // A whole word: "billions" and "millionaire" are no unit after a number word.
    const next = end < text.length ? text.charCodeAt(end) : 0;
    if ((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a) || (next >= 0x30 && next <= 0x39)) continue;
    const unitStart = text.charAt(i - 1).toLowerCase() === 'r' ? i - 2 : i - 1;
    if (unitStart < from || !followsWord(text, unitStart, from)) continue;
    const scale = UNIT_WORDS[text.slice(unitStart, end).toLowerCase()];
    if (scale === undefined) continue;
    const lead = text.slice(Math.max(from, unitStart - WORD_REACH), unitStart);
    const word = WORD_BEFORE.exec(lead);
    // "a trillion-parameter model" names a class of models, as "千亿参数模型" does; "one trillion-parameter" is a count.
    if (!word || (text.charCodeAt(end) === 0x2d && word[1]!.toLowerCase() === 'a')) continue;
    const n = WORD_VALUES[word[1]!.toLowerCase().replace(/[ \u00a0]+/, ' ')]!;
    const start = unitStart - lead.length + word.index;
    out.push(spelledFigure(start, end, text, start + word[1]!.length, n, n < 1 ? n : 1, scale));
  }
  let chinese: RawFigure[] | undefined;
  for (let j = text.indexOf('亿', from); j >= 0 && j < to; j = text.indexOf('亿', j + 1)) {
    const unitStart = j > from && text.charAt(j - 1) === '万' ? j - 1 : j;
    let p = unitStart;
    while (p > from && unitStart - p < CHINESE_REACH && isNumeralChar(text.charAt(p - 1))) p--;
    if (p === unitStart) continue;
    // A numeral run longer than any number below 万, or glued to digits ("2千亿" is read as digits), is not one.
    const before = p > 0 ? text.charCodeAt(p - 1) : 0;
    if (isNumeralChar(text.charAt(p - 1)) || (before >= 0x30 && before <= 0x39) || before === 0x2e) continue;
    const numeral = readChineseNumber(text.slice(p, unitStart));
    if (!numeral) continue;
    (chinese ??= []).push(spelledFigure(p, j + 1, text, unitStart, numeral.value, numeral.step, unitStart < j ? 1e12 : 1e8));
  }
  if (!chinese) return out;
  return out.length ? [...out, ...chinese].sort((a, b) => a.start - b.start) : chinese;
}
