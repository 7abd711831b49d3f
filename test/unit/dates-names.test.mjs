// The rules beyond figure verdicts: release-date, misspelled-name, unknown-variant (issue 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bundled, core, FIXTURES, lineOf } from './helpers.mjs';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'md', 'dates-and-names.md'), 'utf8');

test('the fixture gets exactly the expected findings, on the expected lines', () => {
  const got = bundled()
    .check(FIXTURE)
    .findings.map((f) => `${lineOf(FIXTURE, f.start)} ${f.ruleId} ${f.text} ${f.severity}`);
  assert.deepEqual(got, ['3 release-date 70B warning', '15 misspelled-name Arya warning', '23 unknown-variant Phi-3.5-medium warning']);
});

test('release-date: typed data, message with the recorded date and its source', () => {
  const [f] = bundled().check('In August 2023, Meta released Code Llama in 7B, 13B, 34B and 70B sizes.').findings;
  assert.equal(f.ruleId, 'release-date');
  assert.equal(f.text, '70B');
  assert.equal(f.modelId, 'code-llama-70b');
  assert.deepEqual(f.release, { stated: '2023-08', statedText: 'August 2023', recorded: f.release.recorded });
  assert.equal(f.release.recorded.date, '2024-01-29');
  assert.match(f.sourceUrl, /^https:\/\//);
  assert.match(f.message, /^Code Llama 70B: the draft dates its release 2023-08 \("August 2023"\), before the recorded release 2024-01-29/);
  assert.equal(f.fix, undefined);
});

test('release-date stays silent on consistent, planned, bounded and compared dates', () => {
  for (const text of [
    'Code Llama was released in August 2023.',
    'Code Llama 70B was released in January 2024.',
    'Meta released Code Llama 70B in early 2024.',
    'Meta plans to release Code Llama 70B in 2023.',
    'Code Llama 70B was not released before 2024.',
    'Llama 2 was released in July 2023; Code Llama 70B followed later.',
    'Building on Llama 2, released in July 2023, Code Llama 70B is a coding model.',
    // A year or so late is common (weights, an API or a feature after the announcement): not clear enough.
    '2025 年推出 Phi-3.5 集成工具调用。',
  ]) {
    assert.deepEqual(bundled().check(text).findings.map((f) => f.ruleId), [], text);
  }
});

test('release-date: a model named in a clause dated years after its release', () => {
  const [f] = bundled().check('GPT-2 was released in 2023.').findings;
  assert.equal(f?.ruleId, 'release-date');
  assert.equal(f.text, 'GPT-2');
});

test('misspelled-name: one letter off a model the draft names, with that model\'s size; the fix writes the name as the draft does', () => {
  const text = 'Tiny Aya is new. Arya is a 3.35B parameter model.';
  const [f, ...rest] = bundled().check(text).findings;
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'misspelled-name');
  assert.equal(f.suggestion, 'Tiny Aya');
  assert.deepEqual(f.fix, { start: text.indexOf('Arya'), end: text.indexOf('Arya') + 4, text: 'Tiny Aya' });
  assert.equal(core.applyEdits(text, [f.fix]), 'Tiny Aya is new. Tiny Aya is a 3.35B parameter model.');
});

test('misspelled-name stays silent without the model in the draft, with another size, a plural or a common word', () => {
  for (const text of [
    'Arya is a 3.35B parameter model.',
    'Tiny Aya is new. Arya is a 7B parameter model.',
    'Tiny Aya is new. Ayas is a 3.35B parameter model.',
    'Tiny Aya is new. This is a 3.35B parameter model.',
    'Gemma 2 is new. Gemmas is a 9B model.',
  ]) {
    assert.deepEqual(bundled().check(text).findings.map((f) => f.ruleId), [], text);
  }
});

test('unknown-variant: a tier the family lacks, sized off every family size; known variants listed', () => {
  const [f] = bundled().check('Phi-3.5-medium (16B) is new.').findings;
  assert.equal(f.ruleId, 'unknown-variant');
  assert.equal(f.text, 'Phi-3.5-medium');
  assert.equal(f.modelId, 'phi-3.5');
  assert.ok(f.variants.includes('Phi-3.5-mini'));
  for (const text of ['Phi-3.5-mini (3.8B) is new.', 'Phi-3.5-small (3.8B) is new.', 'Phi-3.5-medium is new.', 'Phi-3-medium (14B) is new.']) {
    assert.deepEqual(bundled().check(text).findings.map((f) => f.ruleId), [], text);
  }
});

test('the new rules obey severities and disable comments like the figure rules', () => {
  const text = 'Phi-3.5-medium (16B) is new.';
  assert.deepEqual(bundled().check(text, { severities: { 'unknown-variant': 'off' } }).findings, []);
  assert.equal(bundled().check(text, { severities: { 'unknown-variant': 'error' } }).findings[0].severity, 'error');
  assert.deepEqual(bundled().check(`<!-- factlint-disable-next-line unknown-variant -->\n${text}`).findings, []);
});

test('a session agrees with a fresh check while a near-miss name\'s model is typed and deleted elsewhere', () => {
  const checker = bundled();
  const session = checker.session();
  const plain = (r) => JSON.parse(JSON.stringify(r.findings));
  const base = 'Intro.\n\nArya is a 3.35B parameter model.\n';
  for (const text of [base, `Tiny Aya is new.\n\n${base}`, base, `In August 2023 Meta released Code Llama 70B.\n\n${base}`]) {
    assert.deepEqual(plain(session.check(text)), plain(checker.check(text)), text);
  }
});

test('a release dated relative to the stated date is not dated by it; a version dot ends no clause', () => {
  const w = (text) => bundled().check(text).findings.filter((f) => f.ruleId === 'release-date').map((f) => f.text);
  assert.deepEqual(w('Meta released Llama 3 in April 2024 and Llama 3.1 405B three months later.'), []);
  assert.deepEqual(w('Meta 于 2024 年 4 月发布 Llama 3，三个月后发布 Llama 3.1 405B。'), []);
  // "Llama 3.1" between the verb and the date: its dot is part of the name, and the date is read.
  assert.deepEqual(w('Meta released Llama 3.1 405B in April 2023.'), ['Llama 3.1 405B']);
  assert.deepEqual(w('Meta released Llama 3 in April 2024 and Llama 3.1 405B in April 2023.'), ['Llama 3.1 405B']);
});
