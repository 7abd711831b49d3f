// Decides whether the draft itself distances a figure: negated, rumoured, labelled as an early estimate, asked.
import type { Span } from './types';

/** Where a clause starts or ends around a figure. */
// The connective is optional and needs its own word boundary: a bare "，" before a CJK character is a break too.
const CLAUSE_BREAK = /[,;:，；：—–]\s*(?:(?:but|yet|while|whereas|though|although|instead|rather)\b)?|\s(?:but|yet|whereas)\s|[(（)）]|但是?|而是|然而/giu;

const CUE_BEFORE =
  /\b(?:not|never|no longer|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|rather than|instead of|contrary to|rumou?r(?:s|ed)?|leak(?:s|ed)?|speculat\w*|reportedly|allegedly|supposedly|purported(?:ly)?|so-called|widely[- ]circulated|circulat(?:ed|ing)|initial(?:ly)?|early|earlier|previous(?:ly)?|once|originally|outdated|debunked|myth|unconfirmed|thought to|believed to|said to|claim(?:s|ed)?|estimates)\b|不是|并非|而非|并没有|没有|不具有|传闻|据传|谣传|曾经?|此前|最初|早期|泄露|猜测|推测|估算|估计|预估|据称|所谓|并不是/iu;

const CUE_AFTER =
  /^[^.;!?。；！？]{0,40}?(?:\b(?:rumou?r(?:s|ed)?|leak(?:s|ed)?|speculation|unconfirmed|debunked|was (?:expected|thought|believed|assumed|rumou?red|reported)|(?:is|was) (?:wrong|incorrect|false|outdated|a myth))\b|传闻|猜测|有误|是错误的)/iu;

/** The clause of `text` that holds `span`, within `within`. */
function clauseAround(text: string, span: Span, within: Span): Span {
  let start = within.start;
  let end = within.end;
  CLAUSE_BREAK.lastIndex = within.start;
  let m: RegExpExecArray | null;
  const slice = text.slice(within.start, within.end);
  CLAUSE_BREAK.lastIndex = 0;
  while ((m = CLAUSE_BREAK.exec(slice)) !== null) {
    const at = within.start + m.index;
    if (m[0].length === 0) {
      CLAUSE_BREAK.lastIndex++;
      continue;
    }
    if (at + m[0].length <= span.start) start = at + m[0].length;
    else if (at >= span.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

const WHY = /^[\s>*_-]*(?:why|为什么|为何)(?![A-Za-z])/iu;

/** True when the sentence negates, rumours, questions or labels the figure as superseded. */
export function isDistanced(text: string, figure: Span, sentence: Span): boolean {
  const tail = text.slice(figure.end, sentence.end).trimEnd();
  // A question distances its figures, except a "why" question, which presupposes them ("Why 47B and not 56B?").
  if ((/[?？]$/.test(tail) || /[?？]\s*$/.test(text.slice(sentence.start, sentence.end))) && !WHY.test(text.slice(sentence.start, figure.start))) return true;
  const clause = clauseAround(text, figure, sentence);
  if (CUE_BEFORE.test(text.slice(clause.start, figure.start))) return true;
  return CUE_AFTER.test(text.slice(figure.end, clause.end));
}

/** Table rows: any cue anywhere in the row's label cells distances the row's figures. */
export function isRowDistanced(text: string, row: Span, figure: Span): boolean {
  const before = text.slice(row.start, figure.start);
  const after = text.slice(figure.end, row.end);
  return CUE_BEFORE.test(before) || CUE_BEFORE.test(after) || /\bestimate\b|leaks?|speculation|rumou?r|传闻|猜测/iu.test(after);
}
