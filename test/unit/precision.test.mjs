// Issue 6: association rules that keep real prose free of false positives and catch wrong figures.
// Every fixture is written here for the rule it pins down (no corpus text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundled, starter } from './helpers.mjs';

function claims(text) {
  return starter()
    .check(text)
    .claims.map((c) => [c.mention.modelId, c.figure.text, c.verdict]);
}
const warnings = (text) => starter().check(text).findings.filter((f) => f.severity === 'warning').map((f) => [f.modelId, f.text, f.ruleId]);
const bundledWarnings = (text) => bundled().check(text).findings.filter((f) => f.severity === 'warning').map((f) => [f.modelId, f.text, f.ruleId]);
/** Every finding but hints (information included: an unverified figure on the wrong model is a wrong finding too). */
const all = (text) => bundled().check(text).findings.filter((f) => f.severity !== 'hint').map((f) => [f.modelId, f.text, f.ruleId]);
function assertNoFindings(texts) {
  for (const text of texts) assert.deepEqual(all(text), [], text);
}
/** Each text gets exactly the one finding listed with it: [text, modelId, figure as written, ruleId]. */
function assertOneFinding(cases) {
  for (const [text, modelId, figure, ruleId = 'contradicted-figure'] of cases) assert.deepEqual(all(text), [[modelId, figure, ruleId]], text);
}

test('enumeration far from the family name: "the X collection ... in 8B, 70B and 405B sizes"', () => {
  const text = 'The Llama 3.1 collection of multilingual large language models is a set of pretrained and instruction tuned generative models in 8B, 70B and 406B sizes.';
  assert.deepEqual(claims(text), [
    ['llama-3.1', '8B', 'matches'],
    ['llama-3.1', '70B', 'matches'],
    ['llama-3.1', '406B', 'matches'],
  ]);
  assert.deepEqual(warnings(text.replace('70B', '90B')), [['llama-3.1', '90B', 'contradicted-figure']]);
});

test('an enumeration shares its parameter noun: "released 8B, 70B and 150B parameter models" in a paragraph about one model', () => {
  assert.deepEqual(warnings('Llama 3.1 405B is the largest. We also released 8B, 70B and 150B parameter models.'), [['llama-3.1', '150B', 'contradicted-figure']]);
});

test('a size in a name the family does not have is a wrong figure: "Llama 3 13B"', () => {
  assert.deepEqual(warnings('We fine-tuned Llama 3 13B on our data.'), [['llama-3', '13B', 'contradicted-figure']]);
  assert.deepEqual(warnings('We fine-tuned Llama 3 70B on our data.'), []);
  // Negated, it is distanced like any figure.
  assert.deepEqual(warnings('It is not Llama 3 13B, which does not exist.'), []);
});

test('sibling sizes after a sized name are sizes of the family: "Llama 3 8B和70B", "Llama 3 8B and 30B"', () => {
  assert.deepEqual(claims('Llama 3 8B和70B都采用了GQA。'), [
    ['llama-3', '70B', 'matches'],
    ['llama-3', '8B', 'matches'],
  ]);
  assert.deepEqual(warnings('Both Llama 3 8B and 30B use GQA.'), [['llama-3', '30B', 'contradicted-figure']]);
});

test('a size right after an unknown capitalised name belongs to it: "Blog Mixtral 7B: ... Blog Pixtral 12B:"', () => {
  assert.deepEqual(claims('See Mixtral 8x7B and Codestralx Mamba 7B for details.'), []);
  assert.deepEqual(claims('Kimi K2 is large, and the Mathstral 7B model is small.'), []);
});

test('a hard line break ends a sentence', () => {
  assert.deepEqual(claims('Blog Kimi K2: link \\\nBlog Mathstralz 7B: link'), []);
});

test('a parenthesised figure qualifies the name right before the parenthesis: "Kimi K2 ... SkyPile (150B)"', () => {
  assert.deepEqual(claims('Kimi K2 was trained on open data such as SkyPile (150B) and more.'), []);
  assert.deepEqual(claims('Kimi K2 was trained on open data such as sky-pile-v2 (150B) and more.'), []);
  // A lower-case word before the parenthesis does not name anything: the figure still binds.
  assert.deepEqual(warnings('Kimi K2 has many parameters (2T).'), [['kimi-k2', '2T', 'contradicted-figure']]);
});

test('a known name glued to an unknown variant is another model: "Qwen MoE-B (23.5B total)", table rows too', () => {
  assert.deepEqual(claims('A smaller member, called Qwen MoE-B (23.5B total parameters, 6.6B active), trains faster.'), []);
  assert.deepEqual(claims('| Model | Params |\n|---|---|\n| **Qwen Dense-A** | 6.7B |\n| **Qwen** | 14B |\n'), [['qwen', '14B', 'matches']]);
});

test('a name used as a class is not the model: "Qwen 类模型（0.5B 参数）", "Llama-3-class models"', () => {
  assert.deepEqual(claims('通义千问类模型（0.5B 参数）需要微调。'), []);
  assert.deepEqual(claims('Llama 3-class models (30B parameters) are common.'), []);
});

test('"8B模型" sizes an unnamed model in Chinese too (the lookahead works after CJK)', () => {
  assert.deepEqual(claims('根据Kimi K2的经验，8B模型的最优训练数据量约为200B token。'), []);
});

test('a figure before "参数的 X" or "的 X" binds forward: "175B参数的Llama 3", "405B 的 Llama 3.1"', () => {
  assert.deepEqual(warnings('Kimi K2 超越了具有175B参数的Llama 3。'), [['llama-3', '175B', 'contradicted-figure']]);
  assert.deepEqual(claims('Kimi K2 很大，而 405B 的 Llama 3.1 也不小。'), [['llama-3.1', '405B', 'matches']]);
});

test('a "Model | Size" table with blank header cells: a cell holding only a size sizes the row model', () => {
  const table = '|||Score|\n|---|---|---|\n|Llama 3|8B|41.7|\n|Llama 3|13B|42.0|\n';
  assert.deepEqual(warnings(table), [['llama-3', '13B', 'contradicted-figure']]);
});

test('a transposed table: models in the header, a "# Total Params" row', () => {
  const table = '| | Metric | Kimi K2 | DeepSeek-V3 |\n|---|---|---|---|\n| | # Activated Params | 32B | 37B |\n| | # Total Params | 1T | 600B |\n| | MMLU | 88.1 | 87.0 |\n';
  assert.deepEqual(claims(table), [
    ['kimi-k2', '32B', 'matches'],
    ['deepseek-v3', '37B', 'matches'],
    ['kimi-k2', '1T', 'matches'],
    ['deepseek-v3', '600B', 'contradicted-figure'],
  ]);
});

test('"N parameters are used for each token" states the active count', () => {
  assert.deepEqual(claims('DeepSeek-V3 has 671 billion parameters, but just 37 billion parameters are used for each token.'), [
    ['deepseek-v3', '671 billion', 'matches'],
    ['deepseek-v3', '37 billion', 'matches'],
  ]);
});

test('"132B 总参数" and "**模型尺寸**：7B、14B" read as parameter counts under a heading that names the model', () => {
  assert.deepEqual(warnings('## 通义千问\n\n- **模型尺寸**：7B、14B、20B 全覆盖。\n'), [['qwen', '20B', 'contradicted-figure']]);
});

test('"N（M）" restates one figure: agreeing within the outer rounding, only the precise one is judged; the outer is read past the parenthesis', () => {
  // 70亿 and 7B agree: 7B is judged; 30亿（3B）is followed by "token" past the parenthesis, so it is not a size.
  assert.deepEqual(claims('通义千问整体参数量为 70亿（7B），训练使用了 30亿（3B）token 的语料。'), [['qwen', '7B', 'matches']]);
  assert.deepEqual(warnings('通义千问整体参数量为 90亿（9B）。'), [['qwen', '9B', 'contradicted-figure']]);
  // Disagreeing, both are judged: the writer's two figures cannot both be right.
  assert.deepEqual(warnings('通义千问整体参数量为 90亿（7B）。'), [['qwen', '90亿', 'contradicted-figure']]);
});

test('one significant digit rounds within 15%: "0.3B" and "3亿" for 340M pass, "1T" for 1.4T does not', () => {
  // 4B for 3.6B is 11% off but within the writer's rounding to whole billions.
  assert.deepEqual(warnings('gpt-oss-20b has 4B active parameters.'), []);
  assert.deepEqual(warnings('Kimi K2 has 0.8T parameters.'), [['kimi-k2', '0.8T', 'contradicted-figure']]);
});

test('"X，70B模型则…" after a bare comma is a new clause, not an apposition or a sibling size', () => {
  // Only the size in the name is read; 70B is not bound to Llama 3 8B or its family.
  assert.deepEqual(claims('8B模型超越了Mistral和Llama 3 8B，70B模型则战胜了其他模型。'), [['llama-3', '8B', 'matches']]);
  assert.deepEqual(claims('Kimi K2, a 1T model, is open.'), [['kimi-k2', '1T', 'matches']]);
});

test('a known name followed by an unknown version number is another model: "Qwen 2025 (20B)"', () => {
  assert.deepEqual(claims('Qwen 2025 has 20B parameters.'), []);
  // A year with 年 and a size with a unit are not versions.
  assert.deepEqual(claims('Qwen 2023年发布，有 14B 参数。'), [['qwen', '14B', 'matches']]);
});

test('"Qwen-1_8B" writes 1.8B with an underscore: no size of its own is read from it', () => {
  assert.deepEqual(warnings('| Qwen-1_8B-Chat | 85.0% |'), []);
});

test('"360 亿参数在任何输入上都是活跃的" is an active count', () => {
  assert.deepEqual(claims('DeepSeek-V3 总共有 6710 亿参数，其中 370 亿参数在任何输入上都是活跃的。'), [
    ['deepseek-v3', '6710 亿', 'matches'],
    ['deepseek-v3', '370 亿', 'matches'],
  ]);
});

test('a definite reference to a size of the paragraph topic: "the 70B model", "…，而70B模型"', () => {
  assert.deepEqual(warnings('Llama 3 comes in 8B and 70B sizes. It uses attention for fast inference of the 90B model!'), [['llama-3', '90B', 'contradicted-figure']]);
  // Without sizes stated before, "the 90B model" has no antecedent.
  assert.deepEqual(warnings('Llama 3 is a family of open models. It uses attention for fast inference of the 90B model!'), []);
  assert.deepEqual(warnings('Llama 3 8B和70B版本都不错。8B模型胜过Kimi K2，而90B模型超越了其他模型。'), [['llama-3', '90B', 'contradicted-figure']]);
  // "the 32B model" right after a model named with that size refers to that model, not the topic.
  assert.deepEqual(warnings('Llama 3 comes in 8B and 70B sizes. It beats Qwen 14B, and the 14B model is cheap.'), []);
  // An indefinite "a 13B model" refers to nothing.
  assert.deepEqual(warnings('Llama 3 is strong. It beats a 13B model.'), []);
});

test('clauses joined by semicolons after a colon list sizes of the head model', () => {
  assert.deepEqual(warnings('Llama 3 提供了三种规模：小型模型具有8B参数；中型模型则拥有90B参数，性能介于Kimi K2之间；大型模型规模达到70B。'), [['llama-3', '90B', 'contradicted-figure']]);
});

test('a size opening a sentence that names one model is that model\'s: "1.5 trillion parameters: the largest Kimi K2 version"', () => {
  assert.deepEqual(claims('1 trillion parameters: the largest Kimi K2 version.'), [['kimi-k2', '1 trillion', 'matches']]);
  // Not when the figure sizes the clause's own subject and the model comes later as a comparison.
  assert.deepEqual(claims('中型模型则拥有70B参数，其性能介于Kimi K2之间。'), []);
});

test('a figure bound forward ("530B 的 Llama 3") is a size even at trillion scale', () => {
  assert.deepEqual(warnings('也就是说 530B 的 Llama 3 需要更多数据。'), [['llama-3', '530B', 'contradicted-figure']]);
});

test('"X, this is a 7B parameter model" binds through the copula; a comparison does not', () => {
  assert.deepEqual(warnings('我们发布了 Llama 3，这是一个在 1T 令牌上训练的 9B 参数模型。'), [['llama-3', '9B', 'contradicted-figure']]);
  assert.deepEqual(warnings('Llama 3 is better than a 9B model.'), []);
});

test('a "why" question presupposes its figure; other questions distance it', () => {
  assert.deepEqual(warnings('- Kimi K2 is large. Why 2T parameters and not 8 x 7B = 56B?'), [['kimi-k2', '2T', 'contradicted-figure']]);
  assert.deepEqual(warnings('- Kimi K2 is large. Does it really have 2T parameters?'), []);
});

test('a section heading with no model defers to the headings above it', () => {
  assert.deepEqual(warnings('# Kimi K2 Model Card\n\n## Details\n\n### Model version\n\n2 trillion parameter model\n'), [['kimi-k2', '2 trillion', 'contradicted-figure']]);
  // A nearer heading naming another model wins.
  assert.deepEqual(warnings('# Kimi K2 Model Card\n\n## Llama 3\n\n### Model version\n\n70 billion parameter model\n'), []);
});

test('held-out shapes: sizes listed after a sized name, per-part sizes, broken-down GPU hours, brand plurals', () => {
  assert.deepEqual(warnings('We are adding Llama 3.1 405B, 8B, and 70B to the catalog.'), []);
  assert.deepEqual(warnings('Llama 3.1 was trained with 39.3M GPU hours (1.46M for 8B, 7.0M for 70B).'), []);
  assert.deepEqual(warnings('Kimi K2 is not an ensemble of 8 models with 7B parameters each.'), []);
  assert.deepEqual(warnings('DeepSeek-V3 weights include 671B of the main model and 14B of the Multi-Token Prediction (MTP) module weights.'), []);
  assert.deepEqual(warnings('We pre-train DeepSeek-V3 on 14.8 trillion diverse and high-quality tokens.'), []);
  assert.deepEqual(warnings('DeepSeek-V3 requires only 2.788M H800 GPU hours.'), []);
  assert.deepEqual(warnings('For any of the larger Qwen models, for instance 1.7B, 4B or 32B, use this code.'), []);
  assert.deepEqual(warnings('Kimi K2 decodes at the speed of a 12B parameter-dense model.'), []);
});

test('a figure equal to the size in a name earlier in the sentence restates that name', () => {
  assert.deepEqual(claims('Qwen 14B 是继 Qwen 7B 之后开发的包含 140 亿参数的模型。').filter((c) => c[1] === '140 亿'), [['qwen', '140 亿', 'matches']]);
});

test('estimates the text labels itself ("行业估算", "industry estimates") are distanced like 推测', () => {
  assert.deepEqual(claims('行业估算 Claude Opus 4.7 在 800B 总参数。').map((c) => c[2]), ['unchecked']);
});

test('"a 17 billion parameter model with 16 experts" states the active count', () => {
  assert.deepEqual(claims('Kimi K2, a 32 billion parameter model with 384 experts, is open.'), [['kimi-k2', '32 billion', 'matches']]);
});

test('"of which 36B are active", "12.9B parameters per token" state active counts', () => {
  assert.deepEqual(claims('Mixtral 8x7B has 46.7B total parameters, of which 12.9B are active on any input.').map((c) => c[2]), ['matches', 'matches']);
  assert.deepEqual(claims('Mixtral 8x7B uses 12.9B parameters per token.'), [['mixtral-8x7b', '12.9B', 'matches']]);
});

test('a heading in title case still names its model; a variant-shaped token after the name does not', () => {
  assert.deepEqual(warnings('## Llama 3 Overview\n\nThe model has 8B, 70B and 90B parameters.\n'), [['llama-3', '90B', 'contradicted-figure']]);
  assert.deepEqual(warnings('## Qwen MoE-B\n\nThe model has 23.5B parameters.\n'), []);
});

test("a 'Params (B)' cell may list a family's sizes ('8, 70') or span them ('8 - 70')", () => {
  const table = (cell) => `| Model | Params (B) |\n|---|---|\n| Llama 3 | ${cell} |\n`;
  assert.deepEqual(claims(table('8, 70')), [['llama-3', '8', 'matches'], ['llama-3', '70', 'matches']]);
  assert.deepEqual(warnings(table('8, 90')), [['llama-3', '90', 'contradicted-figure']]);
  assert.deepEqual(claims(table('8 - 70')).map((c) => c[2]), ['matches']);
});

test('"Phi-3 small/medium" names two variants at once (bundled facts)', () => {
  const r = bundled().check('| Model | Params (B) |\n|---|---|\n| Phi-3 small/medium | 7, 14 |\n');
  assert.deepEqual(r.findings, []);
});

test('a Chinese comma ends a clause for distancing: the estimate cue covers only its own clause', () => {
  assert.deepEqual(claims('行业估算 Kimi K2 在 2T 总参数，活跃参数约 32B。').map((c) => [c[1], c[2]]), [['2T', 'unchecked'], ['32B', 'matches']]);
});

test('"X (configuration): N" labels a configuration of X, not X', () => {
  assert.deepEqual(claims('- Kimi K2 (top-1 expert): 52.5B 参数'), []);
  assert.deepEqual(claims('- Kimi K2: 1T 参数'), [['kimi-k2', '1T', 'matches']]);
});

test('per-expert sizes and derived models are not the model\'s size', () => {
  assert.deepEqual(warnings('Mixtral 8x7B has 8 experts of 7B each.'), []);
  assert.deepEqual(warnings('Mixtral 8x7B: 8 experts, each roughly 7B.'), []);
  assert.deepEqual(warnings('DeepSeek-V3 distilled models range from 1.5B to 70B.'), []);
  assert.deepEqual(warnings('Llama 3-based models with 13B parameters are popular.'), []);
});

test('an elided parameter noun: "37 billion parameters … as opposed to all 680 billion"', () => {
  assert.deepEqual(warnings('DeepSeek-V3 is an MoE. Just 37 billion parameters are used for each token, as opposed to all 680 billion.'), []);
  assert.deepEqual(warnings('DeepSeek-V3 is an MoE. Just 37 billion parameters are used for each token, as opposed to all 900 billion.'), [['deepseek-v3', '900 billion', 'contradicted-figure']]);
  // Another unit, or a count of something else, does not share the noun.
  assert.deepEqual(warnings('DeepSeek-V3 is an MoE. It has 671 billion parameters and 2 million downloads.'), []);
});

test('trainable (adapter) parameters are not the model size; "active per token (about 32B)" is active', () => {
  assert.deepEqual(warnings('We fine-tuned Llama 3 with LoRA rank 16 (about 40M trainable parameters).'), []);
  assert.deepEqual(claims('Kimi K2 has 1T parameters, of which a few percent are active per token (about 32B).').map((c) => c[2]), ['matches', 'matches']);
});

test('a definite reference binds to the model whose sizes were stated last; "名为 8x7B" is a name', () => {
  assert.deepEqual(warnings('通义千问有 7B 和 14B 两个版本。Llama 3 提供 8B 和 70B 两种规模，其中 70B 版本可在两张 GPU 上运行。'), []);
  assert.deepEqual(warnings('Mixtral 8x7B 虽然名为 8x7B，但总参数只有 46.7B。'), []);
});

test('MoE total/active notation: "DeepSeek-V3 (671B/37B)", "117B parameters, 5.1B of them active"', () => {
  assert.deepEqual(claims('DeepSeek-V3 (671B/37B) is open.').map((c) => c[2]), ['matches', 'matches']);
  assert.deepEqual(warnings('DeepSeek-V3 (671B/57B) is open.'), [['deepseek-v3', '57B', 'contradicted-figure']]);
  assert.deepEqual(claims('DeepSeek-V3 has 671B parameters, 37B of them active.').map((c) => c[2]), ['matches', 'matches']);
  // Ascending slash lists are sizes, not total/active.
  assert.deepEqual(claims('Llama 3 (8B/70B) is open.').map((c) => c[2]), ['matches', 'matches']);
});

test('Chinese shapes: a list label before an opening size, coordinated modifiers before 的', () => {
  assert.deepEqual(warnings('- 模型容量较小：9B 的小容量，决定了 Llama 3 的能力有限。'), [['llama-3', '9B', 'contradicted-figure']]);
  assert.deepEqual(warnings('事实上，90B参数量、15T训练数据的 Llama 3 已经很大。'), [['llama-3', '90B', 'contradicted-figure']]);
  assert.deepEqual(warnings('事实上，70B参数量、15T训练数据的 Llama 3 已经很大。'), []);
});

test('a sized name heading the document is its model when no family is known', () => {
  const doc = (n) => `# gpt-oss-20b\n\n## Limits\n\n- Capacity: ${n} parameters make it small.\n`;
  assert.deepEqual(warnings(doc('21B')), []);
  assert.deepEqual(warnings(doc('30B')), [['gpt-oss-20b', '30B', 'contradicted-figure']]);
});

test('a definite size reference needs a family antecedent, not a single model', () => {
  assert.deepEqual(warnings('Kimi K2 (1T) is large. The 405B model is the largest open dense model.'), []);
});

test('"the 8x22B model" after a model named "… 8x22B" refers to that model (bundled facts)', () => {
  const r = bundled().check('Llama 3 comes in 8B and 70B. Mistral released Mixtral 8x7B and Mixtral 8x22B. The 8x22B model is sparse.');
  assert.deepEqual(r.findings, []);
});

test('a product a model\'s name spells names the model ("comes in 8x7B and 8x22B"); one no name spells, or with "parameters", is a count', () => {
  assert.deepEqual(bundledWarnings("Mistral's Mixtral comes in 8x7B and 8x22B."), []);
  assert.deepEqual(bundledWarnings('In Mixtral 8x7B, the 8x7B refers to eight experts.'), []);
  assert.deepEqual(bundledWarnings('Mixtral (8x7B) has 46.7B parameters.'), []);
  assert.deepEqual(bundledWarnings('Mixtral 8x7B has 8x7B parameters.'), [['mixtral-8x7b', '8x7B', 'contradicted-figure']]);
  assert.deepEqual(bundledWarnings('Mixtral 8x7B is an 8x9B model.'), [['mixtral-8x7b', '8x9B', 'contradicted-figure']]);
});

test('"respectively" and "分别" pair a list of figures with the names before it, in order', () => {
  assert.deepEqual(bundledWarnings('DeepSeek-V3 and Llama 3.1 405B have 671B and 405B parameters respectively.'), []);
  assert.deepEqual(bundledWarnings('Llama 3.1 405B 和 DeepSeek-V3 的参数量分别为 4050 亿和 6710 亿。'), []);
  assert.deepEqual(bundledWarnings('DeepSeek-V3 and Llama 3.1 405B have 405B and 671B parameters respectively.'), [
    ['deepseek-v3', '405B', 'contradicted-figure'],
    ['llama-3.1-405b', '671B', 'contradicted-figure'],
  ]);
  assert.deepEqual(bundledWarnings('GPT-3 and Kimi K2 have 175B and 2T parameters, respectively.'), [['kimi-k2', '2T', 'contradicted-figure']]);
});

test('without "respectively", two names and as many figures after a verb of having pair in order; sizes each model comes in do not', () => {
  assertNoFindings([
    'Mixtral 8x7B and Mixtral 8x22B have 46.7B and 141B total parameters.',
    'DeepSeek-V3, Qwen3-235B-A22B and Llama 3.1 405B have 671B, 235B and 405B parameters.',
    'DeepSeek-V3 和 Llama 3.1 405B 的参数量为 6710 亿和 4050 亿。',
    'Llama 2 70B and Mixtral 8x7B have 70B and 46.7B parameters, but Mixtral only uses 12.9B per token.',
    'Llama 3.1 and Llama 3 come in 8B and 70B sizes.',
  ]);
  // Paired in order, a swapped pair is two wrong figures, not one.
  assert.deepEqual(all('DeepSeek-V3 and Llama 3.1 405B have 405B and 671B parameters.'), [
    ['deepseek-v3', '405B', 'contradicted-figure'],
    ['llama-3.1-405b', '671B', 'contradicted-figure'],
  ]);
  assert.deepEqual(all('DeepSeek-V3 和 Llama 3.1 405B 的参数量为 4050 亿和 6710 亿。').length, 2);
  // A list of total/active pairs gives each name a pair; a colon after the names pairs as a verb does.
  assertNoFindings(['DeepSeek-V3 and Mixtral 8x7B have 671B/37B and 46.7B/12.9B parameters.', 'DeepSeek-V3 and Mixtral 8x7B: 671B/37B and 46.7B/12.9B.', 'DeepSeek-V3 and Llama 3.1 405B: 671B and 405B.']);
  assert.deepEqual(all('DeepSeek-V3 and Mixtral 8x7B have 671B/37B and 46.7B/20B parameters.'), [['mixtral-8x7b', '20B', 'contradicted-figure']]);
  // A kind after the last figure or before the first is every figure's; a copula with "models", "vs", ", with" and a parenthesis pair too.
  assertNoFindings([
    'DeepSeek-V3 and Kimi K2 have 37B and 32B active parameters.',
    'Mixtral 8x7B and Mixtral 8x22B have 12.9B and 39B active parameters respectively.',
    'Qwen3-235B-A22B and Qwen3-30B-A3B activate 22B and 3.3B parameters.',
    'Phi-3-mini and Phi-3-medium are 3.8B and 14B models.',
    'DeepSeek-V3 versus Llama 3.1 405B: 671B and 405B parameters.',
    'Mixtral 8x7B and Mixtral 8x22B, with 46.7B and 141B parameters, are Apache-licensed.',
    'Mixtral 8x7B and Mixtral 8x22B (46.7B and 141B parameters) are both open.',
    'Llama 3.1 and Llama 3 both have 8B and 70B models.',
  ]);
  assert.deepEqual(all('Phi-3-mini and Phi-3-medium are 14B and 3.8B models.').length, 2);
  // An unnamed conjunct before or after the names takes its own figure; each name keeps the one in its place.
  assertNoFindings([
    'The new model and Llama 3.1 405B have 500B and 405B parameters.',
    'Llama 3.1 405B and its successor have 405B and 2T parameters.',
    '该模型与 Llama 3.1 405B 的参数量分别为 5000 亿和 4050 亿。',
  ]);
  assertOneFinding([
    ['Llama 3.1 405B and its successor have 450B and 2T parameters.', 'llama-3.1-405b', '450B'],
    ['The new model and Llama 3.1 405B have 500B and 450B parameters.', 'llama-3.1-405b', '450B'],
  ]);
  assert.deepEqual(all('DeepSeek-V3 and Kimi K2 have 32B and 37B active parameters.'), [
    ['deepseek-v3', '32B', 'contradicted-figure'],
    ['kimi-k2', '37B', 'contradicted-figure'],
  ]);
});

test('a figure in a phrase of means after a comparison ("X beats Y with only 37B active") is the subject\'s', () => {
  assertNoFindings([
    'DeepSeek-V3 beats Llama 3.1 405B with only 37B active parameters.',
    'DeepSeek-V3 outperforms Llama 3.1 405B on most benchmarks while activating just 37B parameters per token.',
    'Mixtral 8x7B outperforms Llama 2 70B and GPT-3.5 with only 12.9B active parameters.',
    'DeepSeek-V3 matches GPT-4o and Claude 3.5 Sonnet while activating only 37B parameters.',
    'Kimi K2 beats DeepSeek-V3 despite having only 32B active parameters.',
    'DeepSeek-V3 beats GPT-4 and has 671B parameters.',
    'DeepSeek-V3 超越了 Llama 3.1 405B，仅激活 37B 参数。',
    'DeepSeek-V3 在多数基准上超越 Llama 3.1 405B，却只用 37B 激活参数。',
    // The object's own figure stays the object's: in a relative clause, an apposition, after a passive's "by", an
    // example's "such as", "than", or without a word that makes it small.
    'DeepSeek-V3 beats Llama 3.1 405B, which has 405B parameters.',
    'Phi-3-mini rivals Mixtral 8x7B, with 46.7B parameters, and GPT-3.5.',
    'Llama 3.1 405B was outperformed by Mixtral 8x22B with only 39B active parameters.',
    'Llama 2 70B was surpassed by Mixtral 8x7B, at just 12.9B active parameters.',
    'DeepSeek-V3 rivals models such as Mixtral 8x22B with only 39B active parameters.',
    'Llama 2 70B is more expensive to serve than Mixtral 8x7B at 12.9B active parameters.',
    'Mixtral 8x22B beats Llama 3.1 405B with 405B parameters on multilingual tasks.',
    // Tied to the subject by a kind after the figure, a size comparison or a Chinese topic chain.
    'Qwen3-30B-A3B beats Qwen2.5-72B with 3.3B active parameters.',
    'Switch Transformer is 9x bigger than GPT-3 at 1.6T parameters.',
    'Kimi K2 击败 DeepSeek-V3，总参数达 1 万亿。',
    // Tied to neither: no word ties it, the subject is unnamed, or the figure is the margin.
    'Mixtral 8x22B beats Command R+ with 104B parameters on multilingual tasks.',
    'Mixtral 8x7B beats GPT-3 with 46.7B parameters.',
    "Mistral's new model beats Llama 2 70B with only 12.9B active parameters.",
    'DeepSeek-V3 is out. It beats Llama 3.1 405B with only 37B active parameters.',
    'DeepSeek-V3 exceeds Llama 3.1 405B by 266B parameters.',
    'Llama 3.1 405B is bigger than Qwen2.5-72B by 333B parameters.',
    'Mixtral 8x7B is faster than Llama 2 70B at just 12.9B active parameters.',
    // The figure may be the object's own: "Kimi K2 beats DeepSeek-V3 with 37B active parameters" (DeepSeek-V3's).
    'Kimi K2 beats DeepSeek-V3 with 37B active parameters.',
    'GLM-4.5-Air rivals GLM-4.5 with 355B total parameters.',
    'Kimi K2 超过 DeepSeek-V3，激活参数 370 亿。',
    // Tied by a comma and a participle, a pronoun and its verb, "despite its".
    'Mixtral 8x7B outperforms Llama 2 70B, using 12.9B active parameters.',
    'DeepSeek-V3 beats Llama 3.1 405B, though it activates only 37B parameters.',
    'DeepSeek-V3 beats Llama 3.1 405B even though it activates only 37B parameters.',
    'Phi-4 beats Llama 3.3 70B despite its 14B parameters.',
    'DeepSeek-V3 击败 Llama 3.1 405B，却只激活了 370 亿参数。',
    // More verbs and coordinated comparisons; a figure set "versus" the subject's is neither's.
    'Gemma 4 26B A4B competes with Qwen3-30B-A3B while activating only 3.8B parameters.',
    'gpt-oss-120b outperforms o3-mini and matches o4-mini with only 5.1B active parameters per token.',
    "Qwen3-235B-A22B outperforms DeepSeek-R1 on AIME with only 22B active parameters versus R1's 37B.",
    'Llama 4 Maverick rivals DeepSeek-V3 with 17B active parameters versus 37B.',
  ]);
  assertOneFinding([
    ['DeepSeek-V3 beats Llama 3.1 405B with only 70B active parameters.', 'deepseek-v3', '70B'],
    ['Qwen3-235B-A22B trails DeepSeek-V3 using only 37B active parameters.', 'qwen3-235b-a22b', '37B'],
    ['DeepSeek-V3 beats Llama 3.1 405B, which has 37B parameters.', 'llama-3.1-405b', '37B'],
  ]);
  assert.deepEqual(all('Switch Transformer is 9x bigger than GPT-3 at 1.9T parameters.').map((f) => f[1]), ['1.9T']);
});

test('sizes of models distilled from or based on a named model are not its sizes ("distilled from DeepSeek-R1 … 1.5B to 70B")', () => {
  assertNoFindings([
    'DeepSeek also released six dense models distilled from DeepSeek-R1, based on Qwen and Llama, at 1.5B, 7B, 8B, 14B, 32B and 70B.',
    'DeepSeek-R1 was distilled into smaller Qwen and Llama models (1.5B, 7B, 8B, 14B, 32B, 70B).',
    'DeepSeek-R1 的蒸馏版本包括 1.5B、7B、8B、14B、32B 和 70B。',
    "DeepSeek-R1's distilled versions come in 1.5B and 7B.",
    'DeepSeek-R1 has 671B parameters, and its distilled versions range from 1.5B to 70B.',
    'DeepSeek-R1 拥有 6710 亿参数，其蒸馏版本从 1.5B 到 70B 不等。',
  ]);
  // The model itself, and a model named after "based on … 's", still carry their figures.
  assertOneFinding([
    ['DeepSeek-R1 has 67B parameters, and its distilled versions range from 1.5B to 70B.', 'deepseek-r1', '67B'],
    ["Based on GPT-3's 17.5B parameters, the team sized its model.", 'gpt-3', '17.5B'],
    ['Based on benchmarks, Mixtral 8x7B has 56B parameters.', 'mixtral-8x7b', '56B'],
  ]);
  // An opening phrase is no list of sources; a source's own relative clause, apposition or parenthesis sizes it; a second
  // verb after the derivation is the subject's.
  assertOneFinding([
    ['Based on the Transformer architecture, Llama 3 70B has 80B parameters.', 'llama-3-70b', '80B'],
    ['The agent is built on Llama 3.1 405B, which has 450B parameters.', 'llama-3.1-405b', '450B'],
    ['该模型蒸馏自 DeepSeek-R1（拥有 6170 亿参数）。', 'deepseek-r1', '6170 亿'],
    ['DeepSeek-R1, built on DeepSeek-V3, has 617B parameters.', 'deepseek-r1', '617B'],
    ['Mixtral 8x7B is based on Mistral 7B and has 56B parameters.', 'mixtral-8x7b', '56B'],
  ]);
  assertNoFindings([
    'DeepSeek distilled R1 into Qwen2.5 and Llama models of 1.5B, 7B, 8B, 14B, 32B and 70B parameters.',
    // A figure that sizes a derived model after it: "32B distilled model", "参数的蒸馏模型", "蒸馏版".
    "DeepSeek-R1's 32B distilled model runs on a single GPU.",
    'DeepSeek-R1 comes with a 1.5B distilled version.',
    'DeepSeek-R1 推出了 15 亿到 700 亿参数的蒸馏模型。',
    'DeepSeek-R1 的 70 亿参数蒸馏版在单卡上即可运行。',
  ]);
  assert.deepEqual(all('DeepSeek-R1 is a 67B model.'), [['deepseek-r1', '67B', 'contradicted-figure']]);
  // A model described as distilled is still itself; an alias derived from its own model is that model; a second verb
  // after "initialized from" / "基于 … 训练，提供" is the subject's.
  assertOneFinding([
    ['DeepSeek-R1-Distill-Qwen-32B is a distilled model with 30B parameters.', 'deepseek-r1-distill-qwen-32b', '30B'],
    ['Gemma 2 9B 是一个蒸馏模型，拥有 80 亿参数。', 'gemma-2-9b', '80 亿'],
    ['DeepSeek-R1-Distill-Llama-70B 是 DeepSeek-R1 的蒸馏模型，拥有 650 亿参数。', 'deepseek-r1-distill-llama-70b', '650 亿'],
    ['Kimi K2 Thinking 基于 Kimi K2，激活参数为 370 亿。', 'kimi-k2', '370 亿'],
    ['Code Llama was initialized from Llama 2 and is available in 7B, 13B, 34B and 65B sizes.', 'code-llama', '65B'],
    ['Code Llama 基于 Llama 2 训练，提供 70 亿、130 亿、340 亿和 650 亿四个版本。', 'code-llama', '650 亿'],
  ]);
  // "the other", "one of them": another, unnamed model.
  assertNoFindings(['One of the two new models, Gemma 3 27B, beats Llama 3 405B in LMArena, while the other has only one billion parameters.', 'Two of the new models beat Llama 3 70B, and one has only two billion parameters.']);
});

test('figures that count data, uses or a component are no sizes of the model', () => {
  for (const text of [
    'Llama 3.1 405B has been downloaded 350M times.',
    'Kimi K2 offers 128K context at $0.60 per 1M.',
    'DeepSeek-V3 使用 14.8T 高质量语料训练。',
    'Llama 3.1 405B 使用了超过 15 万亿个词元进行预训练。',
    'Llama 3.1 405B saw 15T during pre-training.',
    'Gemma 3 27B uses a 417M SigLIP vision encoder.',
    "DeepSeek-V3's MTP module adds 14B parameters.",
    "Each of Mixtral 8x7B's experts has about 5.6B parameters.",
  ]) {
    assert.deepEqual(bundledWarnings(text), [], text);
  }
  // With "parameters" and nothing that counts something else, a figure is still the model's size.
  assert.deepEqual(bundledWarnings('Mixtral 8x7B has 56B parameters in total.'), [['mixtral-8x7b', '56B', 'contradicted-figure']]);
  assert.deepEqual(bundledWarnings('Llama 3.1 405B has 500B parameters for training.'), [['llama-3.1-405b', '500B', 'contradicted-figure']]);
});

test('a model known only by its relation to the paragraph\'s model ("Its successor has 141B") is not that model', () => {
  assert.deepEqual(bundledWarnings('Mixtral 8x7B is popular. Its successor has 141B parameters.'), []);
  assert.deepEqual(bundledWarnings('Mixtral 8x7B 很流行。其继任者有 1410 亿参数。'), []);
  assert.deepEqual(bundledWarnings('Mixtral 8x7B is popular. It has 141B parameters.'), [['mixtral-8x7b', '141B', 'contradicted-figure']]);
});

test('a name in the sentence\'s opening phrase of comparison or derivation ("Unlike X, the 7B model …") sizes nothing after its comma', () => {
  assertNoFindings([
    'Unlike DeepSeek-V3, the 7B model is dense.',
    'Like Llama 3.1 405B, the 70B model is dense.',
    'Compared with Llama 3.1 405B, the 8B model is tiny.',
    'Unlike GPT-4, it has only 8B parameters.',
    'Distilled from DeepSeek-R1, the 7B model runs on a laptop.',
    'Initialized from Llama 3.1 405B, the 1.5B model was pruned and distilled.',
    'Fine-tuned from Llama 3.1 70B, the 8B student keeps most of the quality.',
    'Unlike DeepSeek-V3, the 7B model, which is dense, runs fast.',
    '- Distilled from DeepSeek-R1, the 7B model runs fast, and it fits on a laptop.',
    // Lead-ins, intensifiers, marks around the sentence or the name, words before the comma, a relative clause inside, Chinese.
    'Much like Phi-4, the 3.8B mini model is small.',
    'But unlike DeepSeek-V3, the 7B model is dense.',
    'However, unlike DeepSeek-V3, the 7B model is dense.',
    "Built on DeepSeek-V3's architecture, the 16B model is cheap.",
    'Unlike [DeepSeek-V3](https://example.com/v3), the 7B model is dense.',
    '(Unlike DeepSeek-V3, the 7B model is dense.)',
    'Unlike Kimi K2, which beats GPT-4.1, the 14B model is dense.',
    '相较于 DeepSeek-V3，16B 的 Lite 版本更小。',
    // A phrase of measure after the comma describes the main clause's subject.
    'Unlike GPT-3, at 14B parameters, Phi-4 is open.',
  ]);
  // Inside the phrase, a relative clause, an apposition closed before the main clause, and a subject named after it still count.
  assertOneFinding([
    ['Compared to GPT-3, which has 1.8T parameters, the new model is small.', 'gpt-3', '1.8T'],
    ['Built on Kimi K2, the 1.5-trillion-parameter model from Moonshot, the agent handles long tasks.', 'kimi-k2', '1.5-trillion'],
    ['Like GPT-4, Llama 3.1 405B has 450B parameters.', 'llama-3.1-405b', '450B'],
    ['Llama 3.1 405B, the largest open model, has 450B parameters.', 'llama-3.1-405b', '450B'],
    ['In Llama 3.1, the 9B model is the smallest.', 'llama-3.1', '9B'],
    // A name right after the figure takes it; an apposition closed before a figure-led subject is the name's.
    ['Unlike GPT-3, the 16B Phi-4 is open.', 'phi-4', '16B'],
    ['Compared with GPT-3, a 150B model, 7B models now match it.', 'gpt-3', '150B'],
  ]);
});

test('a figure after a relative clause that names another model ("S, which beats X, has 14B") is the subject\'s', () => {
  assertNoFindings([
    'Mixtral 8x7B, which outperforms Llama 2 70B, has 12.9B active parameters.',
    'Kimi K2, which beats GPT-4.1 and Claude Opus 4, has 32B active parameters.',
    'Phi-4, which beats Llama 3.3 70B, has 14B parameters.',
    '**Kimi K2**, which beats **GPT-4.1**, has 32B active parameters.',
    'Kimi K2, which beats GPT-4.1 on SWE-bench, has 32B active parameters.',
    // Only a figure right after the verb is the subject's; a clause hanging off a name that is not the subject sizes no named model.
    'Phi-4, which beats GPT-3, is over ten times smaller than the 175B original.',
    "Kimi K2, which beats DeepSeek-V3, has more parameters than the latter's 671B.",
    'The distilled version of DeepSeek-R1, which beats GPT-4o, has 7B parameters.',
  ]);
  assertOneFinding([
    ['DeepSeek-V3, which beats Llama 3.1 405B, has 14B active parameters.', 'deepseek-v3', '14B'],
    ['DeepSeek-V3, which was compared with Llama 3.1 405B, is a 600B model.', 'deepseek-v3', '600B'],
    ['Llama 3.1 405B, which has 450B parameters, beats GPT-4.', 'llama-3.1-405b', '450B'],
    ["Kimi K2, which beats DeepSeek-V3, has more parameters than the latter's 600B.", 'deepseek-v3', '600B'],
  ]);
});
