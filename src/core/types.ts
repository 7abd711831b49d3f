// The plain data shapes shared by the core, the CLI and the extension.

/** Rule ids are part of the public interface (CLI JSON, diagnostic codes, disable comments). */
export type RuleId = FigureRuleId | 'release-date' | 'misspelled-name' | 'unknown-variant' | 'availability-mismatch' | 'compound-sizes';
/** The rules that judge a parameter figure against the fact base. */
export type FigureRuleId = 'superseded-figure' | 'contradicted-figure' | 'kind-mismatch' | 'unverified-figure';

export const RULE_IDS: readonly RuleId[] = [
  'superseded-figure',
  'contradicted-figure',
  'kind-mismatch',
  'unverified-figure',
  'release-date',
  'misspelled-name',
  'unknown-variant',
  'availability-mismatch',
  'compound-sizes',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
/** Every severity, loudest first; and every setting of a rule (a severity, or off). */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];

export type FigureKind = 'total' | 'active';
export type FigureStatus = 'official' | 'derived' | 'estimate' | 'rumor' | 'superseded';
export type Architecture = 'dense' | 'moe' | 'unknown';
export type ReleaseKind = 'announcement' | 'weights' | 'api' | 'paper' | 'preview';

/** Where a value came from in a YAML file (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface FactFigure {
  /** The parameter count as a plain number (1.5e12 for "1.5T"). */
  value: number;
  /** The figure as the fact base writes it ("1.5T"), for messages. */
  label: string;
  kind: FigureKind;
  status: FigureStatus;
  source: string;
  /** When the figure was stated: YYYY, YYYY-MM or YYYY-MM-DD. */
  stated?: string;
  note?: string;
  /** For superseded or rumoured figures: the value that replaced it. */
  replacedBy?: number;
  origin?: SourcePosition;
}

export interface Release {
  date: string;
  what: ReleaseKind;
  note?: string;
  /** Where the date comes from. */
  source?: string;
}

export interface ModelFact {
  id: string;
  name: string;
  aliases: string[];
  vendor: string;
  family?: string;
  released?: Release;
  /** Did the vendor ever state a size? */
  disclosed: boolean;
  architecture: Architecture;
  figures: FactFigure[];
  note?: string;
  origin?: SourcePosition;
}

export interface FactBase {
  schema: number;
  asOf: string;
  models: ModelFact[];
}

/** A problem in a fact file or config file, positioned for editors and the CLI. */
export interface FactProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

/** A span of the checked text, as UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  text: string;
}

/** A parameter figure found in the text, parsed. */
export interface ParsedFigure extends Span {
  text: string;
  /** Central value (midpoint for ranges). */
  value: number;
  /** Values it may stand for: one, or the two ends of a range, or a product's result. */
  low: number;
  high: number;
  /** Absolute rounding step implied by the digits written ("1.5T" → 0.1T). */
  precision: number;
  hedged: boolean;
  /** A lower bound ("40B+", "over 40B", "40B 以上"): the figure claims at least its low end. */
  atLeast?: boolean;
  /** An upper bound ("fewer than 9.7T", "不到 250 亿"): the figure claims at most its high end. */
  atMost?: boolean;
  /** Kind the text states ("12.9B active" → active), if any. */
  statedKind?: FigureKind;
  /** True when a parameter noun accompanies the figure ("1.5T parameters", "参数"). */
  explicitParameters: boolean;
}

export interface ModelMention extends Span {
  text: string;
  modelId: string;
  /** The name carries a size of its own ("Llama 2 70B" where only "Llama 2" is known). */
  sizedName?: boolean;
}

export interface Finding extends Span {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  modelId: string;
  /** Canonical model name. */
  model: string;
  /** The draft's figure as written. */
  text: string;
  /** The fact-base figure the finding compares with (the current one for fixes). */
  expected?: FactFigure;
  /** The fact-base figure the draft's figure matched, if any. */
  matched?: FactFigure;
  fix?: TextEdit;
  /** Other places in the draft this finding relates to (another mention of the same model). */
  related?: Span[];
  /** Source URL to open for this finding. */
  sourceUrl?: string;
  /** release-date: the date the draft states (YYYY or YYYY-MM, and as written) and the release on record. */
  release?: { stated: string; statedText: string; recorded: Release };
  /** misspelled-name: the name the draft most likely means, as the draft writes it elsewhere. */
  suggestion?: string;
  /** unknown-variant: the family's variants the fact base knows. */
  variants?: string[];
  /** availability-mismatch: the draft's words calling the size internal or unreleased, and the release of its weights on record. */
  availability?: { cue: string; recorded: Release };
  /**
   * compound-sizes: the compound name as written ("Llama 3/2"), the versions whose sizes the list gives
   * ("Llama 2"), and each version named that lacks this size, with the sizes it comes in.
   */
  compoundSizes?: { compound: string; sizesOf: string[]; lacking: { model: string; sizes: string[] }[] };
  /**
   * contradicted-figure: the figure is the writer's own estimate, marked by `cue` ("推测", "probably"), and
   * contradicts the vendor's official figure (`expected`).
   */
  speculation?: { cue: string };
}

/** A figure tied to a model, whatever the verdict: hovers show these. */
export interface Claim {
  figure: ParsedFigure;
  mention: ModelMention;
  /** The draft marks the figure as rumour, negated or superseded. */
  distanced: boolean;
  verdict: 'matches' | RuleId | 'unchecked';
  matched?: FactFigure;
}

export interface CheckOptions {
  severities?: Partial<Record<RuleId, SeveritySetting>>;
}

export interface CheckResult {
  findings: Finding[];
  mentions: ModelMention[];
  claims: Claim[];
}
