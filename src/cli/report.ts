// Formats findings for people (text), programs (json), code scanning (sarif) and GitHub Actions.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_IDS, type FactBase, type FactProblem, type Finding } from '../core';
import type { LineColumn } from '../core';
import { pathInside } from './files';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export interface FileReport {
  path: string;
  findings: Finding[];
  position: (offset: number) => LineColumn;
}

export const RULE_DOCS_URL = 'https://github.com/factlint/factlint#rules';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  model: string;
  text: string;
  fix?: { line: number; column: number; endLine: number; endColumn: number; text: string };
  source?: string;
}

function toJson(report: FileReport, f: Finding): JsonFinding {
  const a = report.position(f.start);
  const b = report.position(f.end);
  const out: JsonFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, model: f.model, text: f.text };
  if (f.fix) {
    const fa = report.position(f.fix.start);
    const fb = report.position(f.fix.end);
    out.fix = { line: fa.line, column: fa.column, endLine: fb.line, endColumn: fb.column, text: f.fix.text };
  }
  if (f.sourceUrl) out.source = f.sourceUrl;
  return out;
}

const COLOURS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };

function displayPath(file: string, cwd: string): string {
  // "..old.md" is in cwd; only a ".." segment leads out of it.
  return pathInside(cwd, file) ?? file;
}

export function formatText(reports: FileReport[], cwd: string, colour: boolean): string {
  const lines: string[] = [];
  let count = 0;
  for (const r of reports) {
    // The path is made relative once per file, not once per finding.
    const shown = displayPath(r.path, cwd);
    for (const f of r.findings) {
      const p = r.position(f.start);
      const sev = colour ? `${COLOURS[f.severity] ?? ''}${f.severity}\x1b[0m` : f.severity;
      lines.push(`${shown}:${p.line}:${p.column} ${sev} ${f.message} [${f.ruleId}]`);
      count++;
    }
  }
  if (count > 0) lines.push(`${count} finding${count === 1 ? '' : 's'} in ${reports.filter((r) => r.findings.length).length} file(s)`);
  return lines.join('\n');
}

export function formatJson(reports: FileReport[], cwd: string): string {
  return JSON.stringify({ version: 1, files: reports.map((r) => ({ path: displayPath(r.path, cwd), findings: r.findings.map((f) => toJson(r, f)) })) }, null, 2);
}

function escapeGithub(s: string, property = false): string {
  let out = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}

export function formatGithub(reports: FileReport[], cwd: string): string {
  const lines: string[] = [];
  for (const r of reports) {
    const file = escapeGithub(displayPath(r.path, cwd), true);
    for (const f of r.findings) {
      const a = r.position(f.start);
      const b = r.position(f.end);
      const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = `file=${file},line=${a.line},col=${a.column},endLine=${b.line},endColumn=${b.column},title=${escapeGithub(`factlint ${f.ruleId}`, true)}`;
      lines.push(`::${level} ${props}::${escapeGithub(f.message)}`);
    }
  }
  return lines.join('\n');
}

/**
 * A draft's `artifactLocation.uri`: a URI reference relative to the working directory with each
 * segment percent-encoded ("my draft.md" is "my%20draft.md", "a#1.md" "a%231.md"; `--stdin` without
 * `--stdin-filename`, "<stdin>.md", is "%3Cstdin%3E.md"), or a `file:` URI for a draft outside it.
 */
function sarifUri(file: string, cwd: string): string {
  const rel = pathInside(cwd, file);
  return rel !== undefined ? rel.split(path.sep).map(encodeURIComponent).join('/') : pathToFileURL(file).href;
}

export function formatSarif(reports: FileReport[], cwd: string, version: string): string {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'factlint',
              version,
              informationUri: 'https://github.com/factlint/factlint',
              rules: RULE_IDS.map((id) => ({ id, helpUri: `${RULE_DOCS_URL}-${id}`, shortDescription: { text: id.replace(/-/g, ' ') } })),
            },
          },
          results: reports.flatMap((r) => {
            const uri = sarifUri(r.path, cwd);
            return r.findings.map((f) => {
              const a = r.position(f.start);
              const b = r.position(f.end);
              const region = { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
              const result: Record<string, unknown> = {
                ruleId: f.ruleId,
                level: level(f.severity),
                message: { text: f.message },
                locations: [{ physicalLocation: { artifactLocation: { uri }, region } }],
              };
              if (f.fix) {
                const fa = r.position(f.fix.start);
                const fb = r.position(f.fix.end);
                result.fixes = [
                  {
                    description: { text: `Replace with ${f.fix.text}` },
                    artifactChanges: [
                      {
                        artifactLocation: { uri },
                        replacements: [{ deletedRegion: { startLine: fa.line, startColumn: fa.column, endLine: fb.line, endColumn: fb.column }, insertedContent: { text: f.fix.text } }],
                      },
                    ],
                  },
                ];
              }
              return result;
            });
          }),
        },
      ],
    },
    null,
    2,
  );
}

/** A config or fact-file problem, as `file:line:col: message`. */
export function formatProblem(p: FactProblem, cwd: string): string {
  return `${displayPath(p.file, cwd)}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

/** The shape `factlint facts --format json` prints. */
export function factsJson(base: FactBase): string {
  return JSON.stringify(
    {
      asOf: base.asOf,
      schema: base.schema,
      models: base.models.map((m) => ({
        id: m.id,
        name: m.name,
        aliases: m.aliases,
        vendor: m.vendor,
        family: m.family,
        released: m.released,
        disclosed: m.disclosed,
        architecture: m.architecture,
        figures: m.figures.map((f) => ({ value: f.value, label: f.label, kind: f.kind, status: f.status, source: f.source, stated: f.stated, note: f.note, replacedBy: f.replacedBy })),
      })),
    },
    null,
    2,
  );
}

export function factsText(base: FactBase): string {
  const lines = [`fact base as of ${base.asOf}: ${base.models.length} models`];
  for (const m of base.models) {
    const figs = m.figures.map((f) => `${f.label} ${f.kind} ${f.status}`).join('; ');
    lines.push(`${m.name} (${m.id}, ${m.vendor})${m.disclosed ? '' : ' [undisclosed]'}: ${figs || 'no figures'}`);
  }
  return lines.join('\n');
}
