// Deterministic hostile drafts of about 1 MB, each built to make a regex backtrack or a per-figure scan go quadratic.
const SIZE = 1_000_000;

/** Repeats `unit` until the text reaches `size` characters (cut at a unit boundary, so no half pair). */
function fill(unit, size = SIZE) {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** A seeded generator (mulberry32), so every run builds the same bytes. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Joins tokens drawn from `tokens` with `sep` until `size` characters. */
function soup(tokens, sep, seed, size = SIZE) {
  const next = random(seed);
  const parts = [];
  let length = 0;
  while (length < size) {
    const t = tokens[Math.floor(next() * tokens.length)];
    parts.push(t);
    length += t.length + sep.length;
  }
  return parts.join(sep);
}

/** Name → builder; `size` lets the unit tests build the same shapes smaller. */
export const HOSTILE = {
  'GPT- repeated': (size) => fill('GPT-', size),
  'digit run': (size) => fill('1', size),
  '"9." repeated': (size) => fill('9.', size),
  'digits, dots and units': (size) => fill('9.9.9 1,000,000,0 7B-8T~9 ', size),
  '100k alias-like tokens': (size) =>
    soup(['Llama-3.1-', 'GPT-5.5-', 'Qwen3-235B-A22B-', 'Llama 3.1 405B', 'GPT-5.5', 'DeepSeek-V3-', 'Mixtral-8x7B-', 'Kimi-K2-', 'Qwen2.5-72B'], '', 1, size),
  'Qwen3-235B-A22B- chains': (size) => fill('Qwen3-235B-A22B-', size),
  'one line of claims (comma)': (size) => fill('GPT-5.5 has 9.7T parameters, ', size),
  'one line of claims (no punctuation)': (size) => fill('GPT-5.5 has 9.7T parameters and ', size),
  'one line of unnamed claims': (size) => fill('it has 9.7T parameters and ', size),
  'one sentence per claim, one paragraph': (size) => fill('GPT-5.5 has 9.7T parameters. ', size),
  'claims with distancing cues': (size) => fill('GPT-5.5 is not 9.7T but rumoured 9.7T, initially 9.7T; ', size),
  'deeply nested lists': (size) => fill(Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- GPT-5.5 has 9.7T parameters\n`).join(''), size),
  'deeply nested quotes': (size) => fill(Array.from({ length: 60 }, (_, i) => `${'> '.repeat(i + 1)}GPT-5.5 has 9.7T parameters\n`).join(''), size),
  'unterminated fence': (size) => '```\n' + fill('GPT-5.5 has 9.7T parameters.\n', size),
  'unterminated inline code, comments, math': (size) => fill('GPT-5.5 has 9.7T ` <!-- \\( $$ parameters.\n\n', size),
  'unterminated HTML': (size) => fill('<div class="x GPT-5.5 has 9.7T parameters\n', size),
  'separators and pipes': (size) => fill('|-|:|---|', size),
  // Cells past the header's two columns, which markdown-it drops.
  'one wide table row': (size) => '| Model | Params |\n|---|---|\n| GPT-5.5 ' + fill('| 9.7T ', size) + '|\n',
  'one wide table, every column a figure': (size) => {
    const columns = Math.floor(size / 16);
    return `| Model ${'| Params '.repeat(columns)}|\n|---${'|---'.repeat(columns)}|\n| GPT-5.5 ${'| 9.7T '.repeat(columns)}|\n`;
  },
  'one wide row of named claims': (size) => {
    // The header is as wide as the row: markdown-it drops cells past the header's columns.
    const columns = Math.floor(size / 22);
    return `| Model ${'| Notes '.repeat(columns)}|\n|---${'|---'.repeat(columns)}|\n| x ${'| GPT-5.5 has 9.7T '.repeat(columns)}|\n`;
  },
  'one wide row of unitless sizes': (size) => {
    const columns = Math.floor(size / 20);
    return `| Model ${'| Params (B) '.repeat(columns)}|\n|---${'|---'.repeat(columns)}|\n| GPT-5.5 ${'| 70 | 9.7T '.repeat(columns >> 1)}|\n`;
  },
  'a disable directive on every line': (size) => fill('GPT-5.5 has 9.7T parameters. <!-- factlint-disable-line contradicted-figure -->\n\n', size),
  'separator runs': (size) => fill(', ; : — ( ) ', size),
  'one paragraph of sentences naming no model': (size) => 'GPT-5.5 is new. ' + fill('It has 9.7T parameters. ', size),
  'one paragraph of size references': (size) => 'Llama 3 has 8B and 70B sizes. ' + fill('The 70B model leads. ', size),
  'one 1 MB line of ordinary prose': (size) =>
    fill(
      'GPT-5.5 was announced in April, and independent evaluations usually lag behind launch-day announcements by several weeks. Community fine-tunes appeared on model hubs within hours of the release. Llama 3.1 405B remains the largest open model; its 405B parameters need several GPUs, while Mixtral 8x7B has 46.7B total parameters. ',
      size,
    ),
  'one line of dated releases': (size) => fill('Code Llama 70B was released in August 2023, 2023年8月发布了 Llama 2, ', size),
  'one clause of dated releases (no comma)': (size) => fill('2023年8月发布了 Llama 2 ', size),
  'one clause of English dated releases': (size) => fill('Code Llama 70B was released in August 2023 DeepSeek-R1 (January 2025) released ', size),
  'one sentence of semicolon clauses': (size) => fill('It has 8B parameters; 模型有 80 亿参数；', size),
  'one line of opened breakdowns': (size) => fill('5M hours (6M tokens (', size),
  'a heading of many names over many unnamed paragraphs': (size) => `# ${fill('Llama 3 ', size / 2)}\n\n${fill('It has 70B parameters.\n\n', size / 2)}`,
  'a heading of many names over one paragraph of figures': (size) => `# ${fill('Llama 3 ', size / 2)}\n\n${fill('It has 70B parameters. ', size / 2)}`,
  'a heading of many names over many named paragraphs': (size) => `# ${fill('Llama 3 ', size / 2)}\n\n${fill('Llama 3 has 70B parameters.\n\n', size / 2)}`,
  // One name, then a gap before each figure that grows to the whole line.
  'one name, then a line of its claims': (size) => `DeepSeek-R1 has ${fill('50B active parameters and ', size)}`,
  'one line of misspelt and tiered names': (size) => fill('Arya is a 3.35B model, Phi-3.5-medium (16B) has 16B parameters, Tiny Aya (3.35B), ', size),
  'one line of public sizes called internal': (size) => fill("Llama 3.1 (405B) is internal-only, Meta's internal 90B version of Llama 3.2 Vision, Meta keeps Llama 3.1 405B internal and ", size),
  'a compound heading over one paragraph of sizes provided internally': (size) => `### Meta Llama 3.1/3.2\n\n${fill('企业内部提供 11B/90B 对齐版本；', size)}`,
  'a section of short names': (size) => `## DeepSeek-V3 / DeepSeek-R1\n\n${fill('V3 has 671B total parameters; R1 推测活跃参数 40B+，R1R1 V3.1 R1-Zero ', size)}`,
  'many sections of short names': (size) => fill('## DeepSeek-R1 and Kimi K2\nR1 has 50B active parameters, K2 has 1T.\n', size),
  'one line of compound names given one version\'s sizes': (size) => fill('Llama 3/2（7B/13B/70B）', size),
  'a compound name before one line of sizes': (size) => `Llama 3/2 (${fill('7B/13B, ', size)}`,
  'one line of compound names before colons and sizes': (size) => fill('Llama 3 & 2: 7B, 13B and 70B; Llama 3/3.1/3.2/2 (8B/1B/7B) ', size),
  'one line of attributed claims': (size) => fill('Reportedly, GPT-5.5 has 9.7T, ', size),
  'one lead over a line of comma clauses': (size) => 'According to early leaks, ' + fill('GPT-5.5 has 9.7T parameters, ', size),
  'one line of Chinese leads, turns and own estimates': (size) => fill('据传，DeepSeek-V3 活跃参数 50B，不过 DeepSeek-R1 推测活跃参数 40B+，我们推测，DeepSeek-R1 活跃参数 50B，leaks of 9.7T, ', size),
  'one line of claims and trailing attributions': (size) => fill('GPT-5.5 has 9.7T, according to early leaks, ', size),
  'one trailing attribution after a line of comma clauses': (size) => fill('GPT-5.5 has 9.7T parameters and DeepSeek-V3 has 50B active, ', size) + 'reportedly.',
  // Every figure's gap to the name runs over the masked code first (a regex anchored at the gap's start read it per figure).
  'one name, a long masked run, then a line of its claims': (size) => `GPT-5.5 \`${'x'.repeat(size / 2)}\`${fill(', a 9.7T model', size / 2)}`,
  'one name, a run of possessives, then a line of its claims': (size) => `GPT-5.5${fill("'s", size / 2)}${fill(', has 9.7T', size / 2)}`,
  // Blank runs between commas, each of which `(?:\s*,\s*)+` could split in two ways: exponential backtracking before the fix.
  'a sized name before blanks and commas': (size) => `Llama 3 8B${fill(' ,  ', size)} x 70B`,
  'a figure before blanks and commas': (size) => `Llama 3 has 8B${fill(' ,  ', size)} x 70B.`,
  'one line of own estimates against official figures': (size) => fill('DeepSeek-R1 推测活跃参数 40B+，we speculate DeepSeek-R1 has 50B active parameters and probably 60B, ', size),
};

/** Builds every hostile draft at `size` characters. */
export function hostileDrafts(size = SIZE) {
  return Object.entries(HOSTILE).map(([name, build]) => ({ name, text: build(size) }));
}
