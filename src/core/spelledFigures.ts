// Finds figures whose number is spelled out: "two billion", "one hundred and seventy-five billion", "half a trillion", "两万亿", "一千七百五十亿".
import type { RawFigure } from './figures';

/** English number words below a hundred, and their values. */
const WORD_VALUES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const UNIT_WORDS: Record<string, number> = { trillion: 1e12, billion: 1e9, million: 1e6 };

const FIRST_NUMBER_WORD = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`;
const NUMBER_WORD = String.raw`(?:${FIRST_NUMBER_WORD}|hundred|point|and)`;
/**
 * The run of number words just before a unit word, read at the end of the text before it ("one hundred and
 * seventy-five ", "a hundred and nine ", "one point two ", "half a "). The run starts with a number word after no word, number or hyphen:
 * "twenty-seven" is read whole, never from "seven", nor "a hundred and seventy-five" from "seventy-five"; "671 billion
 * and one trillion" is read from "one".
 */
const WORDS_BEFORE = new RegExp(
  String.raw`(?<![\w.,-])(?<!\b(?:hundred[ \u00a0-]+and|hundred|point|of)[ \u00a0-]+)(half[ \u00a0]+a|(?:a[ \u00a0]+hundred|${FIRST_NUMBER_WORD})(?:[ \u00a0-]+${NUMBER_WORD})*)([ \u00a0-]+)$`,
  'iu',
);
/** How far before a unit word its number words may start ("one hundred and seventy-seven point five " and blanks). */
const WORD_REACH = 64;

/**
 * The value of a run of number words and its step ("one hundred and seventy-five" → 175 by 1, "one point two" → 1.2
 * by 0.1, "half a" → 0.5), or undefined for runs that are no one number ("two three", "and five", "hundred").
 */
function readNumberWords(run: string): { value: number; step: number } | undefined {
  const words = run.toLowerCase().split(/[ \u00a0-]+/);
  if (words.length === 2 && words[0] === 'half' && words[1] === 'a') return { value: 0.5, step: 0.5 };
  // "a hundred and nine" is "one hundred and nine".
  if (words[0] === 'a') words[0] = 'one';
  let total = 0;
  // What the last word was: a place for "and" to follow (hundred), tens for ones to join ("seventy-five").
  let last: 'none' | 'ones' | 'teens' | 'tens' | 'hundred' | 'and' = 'none';
  let i = 0;
  for (; i < words.length && words[i] !== 'point'; i++) {
    const w = words[i]!;
    if (w === 'hundred') {
      if (last !== 'ones' || total >= 10) return undefined;
      total *= 100;
      last = 'hundred';
    } else if (w === 'and') {
      if (last !== 'hundred') return undefined;
      last = 'and';
    } else {
      const v = WORD_VALUES[w];
      if (v === undefined) return undefined;
      const kind = v < 10 ? 'ones' : v < 20 ? 'teens' : 'tens';
      // A number word may follow only a hundred (its "and"), or ones may follow tens: "seventy five".
      if (!(last === 'none' || last === 'hundred' || last === 'and' || (last === 'tens' && kind === 'ones'))) return undefined;
      total += v;
      last = kind;
    }
  }
  if (last === 'none' || last === 'and') return undefined;
  if (i === words.length) return total > 0 ? { value: total, step: 1 } : undefined;
  // "one point two": digits after the point, one word each.
  if (last !== 'ones') return undefined;
  let step = 1;
  let value = total;
  for (i++; i < words.length; i++) {
    const v = WORD_VALUES[words[i]!];
    if (v === undefined || v > 9) return undefined;
    step /= 10;
    value += v * step;
  }
  return step < 1 && value > 0 ? { value, step } : undefined;
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** A Chinese number may be this long before 亿 ("九千九百九十九" is seven characters, "一点五二" four). */
const CHINESE_REACH = 12;

function isNumeralChar(c: string): boolean {
  return CHINESE_DIGITS[c] !== undefined || CHINESE_PLACES[c] !== undefined || c === '点';
}

/** Whether a letter ends the text before `at`, past blanks and a hyphen: most unit words follow digits ("1.5 trillion"). */
function followsWord(text: string, at: number): boolean {
  let p = at - 1;
  while (p >= 0 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0xa0 || text.charCodeAt(p) === 0x2d)) p--;
  const c = p >= 0 ? text.charCodeAt(p) | 0x20 : 0;
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

/** The spelled figures in the text, in text order. They count parameters only where the words say so (see readAround). */
export function scanSpelledFigures(text: string): RawFigure[] {
  const out: RawFigure[] = [];
  for (let i = text.indexOf('illion'); i >= 0; i = text.indexOf('illion', i + 6)) {
    const end = i + 6;
    // A whole word: "billions" and "millionaire" are no unit after a number word.
    const next = end < text.length ? text.charCodeAt(end) : 0;
    if ((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a) || (next >= 0x30 && next <= 0x39)) continue;
    const unitStart = text.charAt(i - 1).toLowerCase() === 'r' ? i - 2 : i - 1;
    if (unitStart < 0 || !followsWord(text, unitStart)) continue;
    const scale = UNIT_WORDS[text.slice(unitStart, end).toLowerCase()];
    if (scale === undefined) continue;
    const lead = text.slice(Math.max(0, unitStart - WORD_REACH), unitStart);
    const words = WORDS_BEFORE.exec(lead);
    if (!words) continue;
    // "two billion-parameter Gemma variants" counts models; "a ten-trillion-parameter model" hyphenates the whole size.
    if (text.charCodeAt(end) === 0x2d && !words[2]!.includes('-')) continue;
    const number = readNumberWords(words[1]!);
    if (!number) continue;
    const start = unitStart - lead.length + words.index;
    out.push(spelledFigure(start, end, text, start + words[1]!.length, number.value, number.step, scale));
  }
  let chinese: RawFigure[] | undefined;
  for (let j = text.indexOf('亿'); j >= 0; j = text.indexOf('亿', j + 1)) {
    const unitStart = j > 0 && text.charAt(j - 1) === '万' ? j - 1 : j;
    let p = unitStart;
    while (p > 0 && unitStart - p < CHINESE_REACH && isNumeralChar(text.charAt(p - 1))) p--;
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
