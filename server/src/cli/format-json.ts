import type { Severity } from '../core/settings';
import { jsonChunks } from './json-chunks';
import { summarize, type FileResult, type Summary } from './lint';

/** One finding in `--format json`: 1-based lines and columns (UTF-16 units), end exclusive, like the editor's. */
export interface JsonMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  href?: string;
  data?: Record<string, unknown>;
}

export interface JsonFileReport {
  path: string;
  skipped: boolean;
  error?: string;
  messages: JsonMessage[];
}

export interface JsonReport {
  tool: { name: string; version: string };
  kubernetesVersion: string;
  files: JsonFileReport[];
  summary: Summary;
}

export function toJsonReport(results: readonly FileResult[], tool: { name: string; version: string }, kubernetesVersion: string): JsonReport {
  return {
    tool,
    kubernetesVersion,
    files: results.map((result) => {
      const report: JsonFileReport = {
        path: result.path,
        skipped: result.skipped,
        messages: result.messages.map((m) => {
          const message: JsonMessage = {
            ruleId: m.code,
            severity: m.severity,
            message: m.message,
            line: m.range.start.line + 1,
            column: m.range.start.character + 1,
            endLine: m.range.end.line + 1,
            endColumn: m.range.end.character + 1,
          };
          if (m.href) message.href = m.href;
          if (m.data) message.data = m.data;
          return message;
        }),
      };
      if (result.error) report.error = result.error;
      return report;
    }),
    summary: summarize(results),
  };
}

/** The report in pieces (report → files → file → messages, one message at a time), for any number of findings. */
export function* jsonReportChunks(results: readonly FileResult[], tool: { name: string; version: string }, kubernetesVersion: string): Generator<string> {
  yield* jsonChunks(toJsonReport(results, tool, kubernetesVersion), 4);
  yield '\n';
}

export function formatJson(results: readonly FileResult[], tool: { name: string; version: string }, kubernetesVersion: string): string {
  return [...jsonReportChunks(results, tool, kubernetesVersion)].join('');
}
