// Finds the attribution phrases of a sentence and the clauses they report: a lead ("According to early leaks,", "据传，") reports the clauses after it, a trailing one (", reportedly.", "，消息人士称。") the clauses before it, each up to a contrastive turn.
import { FoldingPattern } from './caseFolding';
import { holdsFigure } from './figures';
import { countStartingBefore } from './spanSearch';
import type { Span } from './types';

/** The words that may stand between "according to" and "reports" or "sources" ("according to early media reports"). */
export const REPORT_QUALIFIERS = String.raw`some|several|multiple|many|unconfirmed|early|earlier|recent|media|press|news|industry|unnamed|anonymous|insider|various|other|the`;

/**
 * Words that attribute what follows to an unconfirmed source: rumours, leaks, reports, speculation,
 * someone's estimate. Temporal cues ("early", "initially", "此前") are left out: "In early 2024," opens
 * plenty of asserted sentences. "According to" alone is neutral; only "according to" an unconfirmed
 * source is a report ("according to Meta" or "the paper" asserts). "据" must not close "数据" (data).
 */
const LEAD_CUE = new RegExp(
  String.raw`\b(?:rumou?r(?:s|ed)?|leak(?:s|ed)?|speculat\w*|reportedly|allegedly|supposedly|purported(?:ly)?|widely[- ]circulated|circulat(?:ed|ing)|unconfirmed|estimates|hearsay|insiders?|sources\s+(?:say|said|claim|suggest)\w*|people\s+familiar|according\s+to\s+(?:(?:${REPORT_QUALIFIERS})\s+){0,3}(?:reports|sources|accounts)|(?:media|press|news)\s+reports)\b|传闻|传言|谣传|(?<!数)据(?:传|称|报道|外媒|媒体|消息|知情|业内人士|内部人士|爆料|推测|估计|估算|猜测)|泄露|猜测|推测|估算|估计|预估|报道称|消息称|媒体报道|外媒报道|网传|爆料|坊间|小道消息|消息人士|知情人士`,
  'iu',
);

/**
 * LEAD_CUE without its word bounds and lookbehind: it matches wherever LEAD_CUE matches in any part of a
 * text, so a sentence it finds nothing in has no attribution, and is not cut into clauses to look for one.
 */
const LEAD_CUE_ANYWHERE = new FoldingPattern(LEAD_CUE.source.replaceAll(String.raw`\b`, '').replace('(?<!数)', ''), 'iu');

/**
 * An attribution that rejects or confirms its source asserts what it would report: "Contrary to early
 * leaks,", "Rumours aside,", "Despite the rumours,", "与传闻不同，", "OpenAI 辟谣称：", "By official estimates,",
 * ", confirming early leaks.". So does one that only dates it ("After the leak,", "泄露事件后，") or measures
 * against it (", far fewer than early leaks suggested.", "，低于此前传闻。"). "未经证实" (unconfirmed) is no confirmation.
 */
const REJECTS =
  /\b(?:not|never|no|nor|contrary|unlike|despite|spite|notwithstanding|aside|although|though|rather\s+than|instead\s+of|den(?:y|ies|ied|ying)|dismiss\w*|refut\w*|debunk\w*|disprov\w*|dispel\w*|confirm(?:s|ed|ing)?|correct(?:s|ed|ing)?|myths?|false|wrong|incorrect|official(?:ly)?|announc\w*|after|following|since|in\s+the\s+wake\s+of|than|compared|versus|vs|below|above|up\s+from|down\s+from)\b|相比|相较|低于|高于|少于|多于|不及|不是|并非|而非|没有|并不|并未|不同|相反|否认|辟谣|澄清|驳斥|不实|有误|错误|(?<!未经|未被|尚未|未)(?:证实|确认)|印证|撇开|抛开|尽管|虽然|不管|官方|宣布|(?:之|以)?后[\s*_]*$/iu;

// Turns that end a lead's reach: what follows them is the writer's again. They are read over every clause
// of a sentence (a 1 MB line may be one clause), so they run without `u` where that changes nothing.
/** A clause break that turns: ", but", ", while", " whereas ", "但", "然而" (not the "但" of "不但", not only). */
const TURN_BREAK = new FoldingPattern(String.raw`[,;:，；：—–]\s*(?:but|yet|while|whereas|though|although|instead|rather)\b|\s(?:but|whereas)\s|(?<!不)但|然而|而是`, 'iuy');
/**
 * A turn anywhere in a clause. Not "yet" ("not yet released"), "rather" ("a rather large"), "instead" or
 * "不过" ("不过 50B", merely 50B): those turn only where they open the clause.
 */
const TURN_INSIDE_SOURCE = String.raw`\b(?:however|nevertheless|nonetheless|whereas|while|though|although)\b|却|反而`;
const TURN_INSIDE = new FoldingPattern(TURN_INSIDE_SOURCE, 'iu');
/** Every turn in a clause: a trailing attribution reaches back to the last one. */
const TURNS_INSIDE = new FoldingPattern(TURN_INSIDE_SOURCE, 'giu');
/** A clause opening on a turn or a correction, or on a bare "而" (whereas; not "而且", "而言", "而后"). */
const TURN_OPENING = new FoldingPattern(String.raw`^[\s>*_]*(?:(?:but|yet|however|instead|in\s+fact|actually|in\s+reality|in\s+truth)\b|不过|可是|实际上|事实上|其实|实则|而(?!且|言|后))`, 'iu');

/** The break after a lead: a comma or colon alone, no connective. */
const LEAD_BREAK = /^[,，:：]\s*$/u;
/** The break before a trailing attribution: a comma, a dash or a parenthesis alone ("…9.7T, reportedly.", "…9.7T — sources say.", "…9.7T (reportedly)."). */
const TRAIL_BREAK = /^[,，—–(（]\s*$/u;
/** An attribution is a short phrase; a long clause is a statement of its own. */
const LEAD_MAX = 80;
/** What closes a sentence after a trailing attribution: its end mark, emphasis, quotes. */
const CLOSING = /[\s.。!！…*_"'”’]/u;

/** The clauses of a sentence as its clause breaks cut it. */
export interface Clauses {
  start: number;
  end: number;
  breakStarts: readonly number[];
  breakEnds: readonly number[];
}

/** Clause `i` of a sentence: from the end of the break before it (or the sentence start) to the next break (or the sentence end). */
export function clauseSpan(c: Clauses, i: number): Span {
  return { start: i > 0 ? c.breakEnds[i - 1]! : c.start, end: c.breakStarts[i] ?? c.end };
}

/** Per clause of a sentence: the attributions that report it, and where a turn inside it ends or starts that report. */
export interface Attributions {
  /** The index of the nearest attribution lead before the clause that still reaches it, or -1. */
  governing: Int32Array;
  /** Where the first turn inside the clause starts ("…9.7T while X has…"), or -1: a lead reaches figures before it only. */
  turnAt: Int32Array;
  /** The index of the nearest trailing attribution after the clause ("…9.7T, according to early leaks.") that still reaches back to it, or -1. */
  trailing: Int32Array;
  /** Where the last turn inside the clause starts ("X has 37B while GPT-5.5 has 9.7T, reportedly"), or -1: a trailing attribution reaches figures after it only. */
  trailFrom: Int32Array;
}

/** What one clause says as an attribution: nothing, one that reports its source, or one that rejects, confirms or dates it. */
const enum Stance {
  None,
  Reports,
  Rejects,
}

/**
 * Whether a short clause attributes to an unconfirmed source (LEAD_CUE) and whether it rejects that source
 * (REJECTS). An attribution stating a figure reports that figure, not its neighbours': none.
 */
function attribution(clause: string): Stance {
  if (clause.length > LEAD_MAX || !LEAD_CUE.test(clause)) return Stance.None;
  if (REJECTS.test(clause)) return Stance.Rejects;
  return holdsFigure(clause) ? Stance.None : Stance.Reports;
}

/** The clause without what closes the sentence after it ("reportedly." → "reportedly"), so REJECTS' end anchor sees its last word. */
function withoutClosing(clause: string): string {
  let end = clause.length;
  while (end > 0 && CLOSING.test(clause.charAt(end - 1))) end--;
  return clause.slice(0, end);
}

/**
 * One walk over the sentence forwards for leads and, when a trailing attribution stands in it, one backwards:
 * a line of thousands of clauses is read twice at most, not once per figure.
 */
export function readAttributions(text: string, c: Clauses): Attributions {
  if (!mayAttribute(text, c)) return NO_ATTRIBUTIONS;
  const count = c.breakStarts.length + 1;
  const governing = new Int32Array(count);
  const turnAt = new Int32Array(count).fill(-1);
  const trailing = new Int32Array(count).fill(-1);
  const trailFrom = new Int32Array(count).fill(-1);
  const clauseStart = (i: number): number => clauseSpan(c, i).start;
  const clauseAt = (i: number): string => {
    const { start, end } = clauseSpan(c, i);
    return text.slice(start, Math.max(start, end));
  };
  /**
   * Whether only the sentence end or a turn follows clause i, past clauses of closing marks alone: "…)." and
   * "，但" are two breaks with a clause between them. Each clause is passed over by one such walk at most.
   */
  const closesOrTurns = (i: number): boolean => {
    for (let j = i; ; j++) {
      if (j === count - 1 || turnsAt(text, c.breakStarts[j]!)) return true;
      if (withoutClosing(clauseAt(j + 1)) !== '') return false;
    }
  };
  // Which clauses are trailing attributions, found on the way forwards.
  const trails = new Uint8Array(count);
  let current = -1;
  let lastTrail = -1;
  for (let i = 0; i < count; i++) {
    const start = clauseStart(i);
    const clause = clauseAt(i);
    // Turns matter only in a clause a lead reaches: most sentences have no lead, and are not searched for turns.
    if (current >= 0 && i > 0 && turnsAt(text, c.breakStarts[i - 1]!)) current = -1;
    governing[i] = current;
    const turn = current < 0 ? -1 : TURN_OPENING.in(text).test(clause) ? 0 : clause.search(TURN_INSIDE.in(text));
    if (turn >= 0) {
      turnAt[i] = start + turn;
      current = -1;
    }
    // A turn inside a lead ("But reportedly,") comes before all it reports.
    if (i < count - 1 && LEAD_BREAK.test(text.slice(c.breakStarts[i]!, c.breakEnds[i]!))) {
      // A rejected source asserts what follows.
      const stance = attribution(clause);
      if (stance === Stance.Rejects) current = -1;
      else if (stance === Stance.Reports) current = i;
    }
    // A trailing attribution closes the sentence or comes before a turn ("…, reportedly, but OpenAI says 1.5T").
    if (i > 0 && TRAIL_BREAK.test(text.slice(c.breakStarts[i - 1]!, c.breakEnds[i - 1]!)) && closesOrTurns(i)) {
      if (attribution(withoutClosing(clause)) === Stance.Reports) {
        trails[i] = 1;
        lastTrail = i;
      }
    }
  }
  // Backwards from the last trailing attribution: each reaches the clauses before it up to a turn.
  current = -1;
  for (let i = lastTrail; i >= 0; i--) {
    if (trails[i]) {
      current = i;
      continue;
    }
    trailing[i] = current;
    if (current < 0) continue;
    const clause = clauseAt(i);
    if (TURN_OPENING.in(text).test(clause)) current = -1;
    else {
      const turn = lastMatchStart(TURNS_INSIDE.in(text), clause);
      if (turn >= 0) {
        trailFrom[i] = clauseStart(i) + turn;
        current = -1;
      } else if (i > 0 && turnsAt(text, c.breakStarts[i - 1]!)) current = -1;
    }
  }
  return { governing, turnAt, trailing, trailFrom };
}

/** No clause reported: readers take a missing entry as -1. */
const NO_ATTRIBUTIONS: Attributions = { governing: new Int32Array(0), turnAt: new Int32Array(0), trailing: new Int32Array(0), trailFrom: new Int32Array(0) };

/** Whether an attribution word stands in the sentence. */
function mayAttribute(text: string, c: Clauses): boolean {
  return LEAD_CUE_ANYWHERE.in(text).test(text.slice(c.start, c.end));
}

/** Where the last match of a global regex in `s` starts, or -1. */
function lastMatchStart(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    last = m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

/** Whether the clause break at `at` turns; read in the whole text, so "不但" is seen. */
function turnsAt(text: string, at: number): boolean {
  const re = TURN_BREAK.in(text);
  re.lastIndex = at;
  return re.test(text);
}

/** Whether a model name stands in text[start, end): an attribution naming a model is a statement about it. */
export function namesModel(models: readonly Span[], start: number, end: number): boolean {
  const i = countStartingBefore(models, end);
  return i > 0 && models[i - 1]!.end > start;
}
