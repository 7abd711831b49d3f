// Reads a project's .factlint.yaml: extra fact files, rule severities, ignore globs.
import { isSeq, type Node } from 'yaml';
import { YamlReader } from './factBase';
import { RULE_IDS, SEVERITY_SETTINGS, type FactProblem, type RuleId, type SeveritySetting } from './types';

export const CONFIG_FILE_NAME = '.factlint.yaml';

export interface ProjectConfig {
  /** Fact files, relative to the config file's folder. */
  facts: string[];
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Globs of drafts not to check, relative to the config file's folder. */
  ignore: string[];
}

export interface ParsedConfig {
  config: ProjectConfig;
  problems: FactProblem[];
}

function stringList(r: YamlReader, node: Node | null | undefined, what: string, nonEmpty = false): string[] {
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    r.at(node, `${what} must be a list of strings`);
    return [];
  }
  const out: string[] = [];
  for (const item of node.items) {
    const s = r.string(item as Node, `an entry of ${what}`);
    // An empty fact file name would resolve to the config's folder and be reported there, not here.
    if (s !== undefined && nonEmpty && s.trim() === '') r.at(item as Node, `an entry of ${what} must not be empty`);
    else if (s !== undefined) out.push(s);
  }
  return out;
}

/**
 * Parses a config file, given as text or as its bytes (then decoded strictly as UTF-8); an empty file is
 * a valid, empty config. The size limit is the fact files' (a 26 MB config ran out of memory).
 */
export function parseProjectConfig(file: string, input: string | Uint8Array): ParsedConfig {
  const config: ProjectConfig = { facts: [], rules: {}, ignore: [] };
  const r = new YamlReader(file, input, CONFIG_FILE_NAME);
  if (!r.readable()) return { config, problems: r.problems };
  const root = r.parse();
  if (root === undefined || root === null) return { config, problems: r.problems };
  const top = r.fields(root, ['facts', 'rules', 'ignore'], CONFIG_FILE_NAME);
  if (!top) return { config, problems: r.problems };
  config.facts = stringList(r, top.get('facts'), 'facts', true);
  config.ignore = stringList(r, top.get('ignore'), 'ignore');
  const rules = top.get('rules');
  if (rules !== undefined && rules !== null) {
    const fields = r.fields(rules, [...RULE_IDS], 'rules');
    for (const [rule, node] of fields ?? []) {
      const value = r.string(node, `rules.${rule}`);
      if (value === undefined) continue;
      if (!SEVERITY_SETTINGS.includes(value as SeveritySetting)) r.at(node, `rules.${rule} must be one of ${SEVERITY_SETTINGS.join(', ')}`);
      else config.rules[rule as RuleId] = value as SeveritySetting;
    }
  }
  return { config, problems: r.problems };
}
