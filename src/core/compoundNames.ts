// Compound names ("Llama 3.1/3.2", "Llama 3 & 2", "Phi-3 small/medium"): one name written for several versions at once.
import type { ModelMention } from './types';

// "Llama 3.1 & 3.2" is a compound name; "Llama-3 8B和70B" is a name and a sibling size (a number with a unit).
// "Phi-3 small/medium" names two variants at once, like "Llama 3/2".
/** A numbered version after a joiner ("/3.2", "& 3.2", "and v2"), not a size ("/70B"). */
const NUMBERED = String.raw`(?:[/&]|and|和)\s*v?(\d+(?:\.\d+)*)(?![\d.]|\s*[BbMmTt亿万](?![A-Za-z]))`;
/** A named variant after a slash ("/medium"). */
const NAMED = String.raw`\/([a-z]+)(?![\w.-])`;
const COMPOUND_AFTER = new RegExp(String.raw`^(?:\s*${NUMBERED}|${NAMED})`, 'iu');
/** One more version of a compound: "/3.2", " & 3.2", " and v2", "/medium". */
const NEXT_VERSION = new RegExp(String.raw`\s*${NUMBERED}|${NAMED}`, 'iuy');
const LONGEST_LOOK = 12;

/** A compound name in a heading: its first part's mention and the versions after it. */
export interface CompoundName<M = ModelMention> {
  mention: M;
  versions: string[];
}
/** How many versions a compound is read for: a run of thousands of "/3" is no name. */
const MOST_VERSIONS = 8;

/** Whether the words right after a mention make it the first part of a compound name, which no one version's figures belong to. */
export function isCompound(masked: string, m: ModelMention): boolean {
  return COMPOUND_AFTER.test(masked.slice(m.end, m.end + LONGEST_LOOK));
}

/** The versions a compound name adds to its mention, in order ("3.2" for "Llama 3.1/3.2"). */
export function otherVersions(masked: string, m: ModelMention): string[] {
  return readVersions(masked, m).versions;
}

/** The versions a compound name adds to its mention and where the last of them ends (the mention's end when none). */
export function readVersions(masked: string, m: ModelMention): { versions: string[]; end: number } {
  const versions: string[] = [];
  let end = m.end;
  NEXT_VERSION.lastIndex = m.end;
  for (let v = NEXT_VERSION.exec(masked); v && versions.length < MOST_VERSIONS; v = NEXT_VERSION.exec(masked)) {
    versions.push(v[1] ?? v[2]!);
    end = v.index + v[0].length;
  }
  return { versions, end };
}

/** Another version's name: the model's name with its last number ("Llama 3.1" → "Llama 3.2") or, for a word, its last word swapped. */
export function versionName(name: string, version: string): string | undefined {
  const at = /\d/.test(version.charAt(0)) ? /\d+(?:\.\d+)*(?!.*\d)/u.exec(name) : /[A-Za-z]+(?![\s\S]*[A-Za-z])/u.exec(name);
  return at ? name.slice(0, at.index) + version + name.slice(at.index + at[0].length) : undefined;
}
