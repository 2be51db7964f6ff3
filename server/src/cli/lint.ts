import { isComposeDocument } from '../core/compose/detect';
import type { Range } from 'vscode-languageserver-types';
import type { LanguageService } from '../core/language-service';
import type { Finding } from '../core/findings';
import { parseManifest, type ManifestFile } from '../core/parse/manifest';
import { redactSecrets } from './redact';
import type { Settings, Severity } from '../core/settings';
import type { KustomizeContext } from '../core/features/kustomize/patch-validation';
import type { WorkspaceIndex } from '../core/workspace/index/workspace-index';

/** A finding placed in its file: the same range the editor shows (LSP positions, 0-based, UTF-16). */
export interface LintMessage {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  href?: string;
  data?: Record<string, unknown>;
}

/** The result for one input of a CLI run. */
export interface FileResult {
  /** As shown to the user: relative to the working folder when below it, with `/` separators. */
  path: string;
  /** Absolute path, or undefined for stdin. */
  absolutePath?: string;
  /** The text that was linted, secret values masked (for code frames); undefined when it could not be read. */
  text?: string;
  messages: LintMessage[];
  /** True when no document of the file looks like a Kubernetes manifest: nothing was checked. */
  skipped: boolean;
  /** Why the file could not be read (I/O), in words. */
  error?: string;
}

const BYTE_ORDER_MARK = '\uFEFF';

export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/**
 * Lints one file's text through exactly the editor's path: ManifestParser → Validator → LineIndex ranges,
 * without the editor's cap on findings per file.
 * A leading byte-order mark is dropped first, as editors do when they open a file, so positions match theirs.
 */
export function lintText(
  service: LanguageService,
  text: string,
  settings: Settings,
  fileName?: string,
  kustomize?: KustomizeContext,
  workspace?: WorkspaceIndex,
): { text: string; messages: LintMessage[]; skipped: boolean } {
  const clean = withoutByteOrderMark(text);
  // The workspace pass parsed this very text already: one parse per file.
  const indexed = fileName !== undefined ? workspace?.fileOf(fileName) : undefined;
  const file = indexed && indexed.text === clean ? indexed : parseManifest(clean);
  if (workspace && fileName !== undefined && file !== indexed) workspace.set(fileName, file);
  // Every finding: the per-file cap is the editor's (a notification size), and the streamed path has none either.
  return placeFindings(file, service.validate(file, settings, kustomize, fileName, { cap: false, workspace }), fileName);
}

/** Core findings of a parsed file as CLI messages (LSP ranges), with the text code frames may show. */
export function placeFindings(file: ManifestFile, findings: readonly Finding[], fileName?: string): { text: string; messages: LintMessage[]; skipped: boolean } {
  const messages = findings.map((finding) => {
    const message: LintMessage = {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      range: file.lineIndex.rangeOf(finding.start, finding.end),
    };
    if (finding.href) message.href = finding.href;
    if (finding.data) message.data = finding.data;
    return message;
  });
  const skipped = messages.length === 0 && !file.slots.some((slot) => slot.document.looksLikeKubernetes || isComposeDocument(slot.document.root, fileName));
  // Only code frames read the text: with secret values masked, no output format can print one.
  return { text: redactSecrets(file, findings), messages: sortMessages(messages), skipped };
}

export function sortMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
}

const SEVERITY_RANK: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

/** Whether a message's severity reaches a threshold ('error' ≥ 'warning' ≥ 'info' ≥ 'hint'). */
export function reaches(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export interface Summary {
  files: number;
  checkedFiles: number;
  skippedFiles: number;
  unreadableFiles: number;
  counts: Record<Severity, number>;
}

export function summarize(results: readonly FileResult[]): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let skippedFiles = 0;
  let unreadableFiles = 0;
  for (const result of results) {
    if (result.error) unreadableFiles++;
    else if (result.skipped) skippedFiles++;
    for (const message of result.messages) counts[message.severity]++;
  }
  return { files: results.length, checkedFiles: results.length - skippedFiles - unreadableFiles, skippedFiles, unreadableFiles, counts };
}

/** 0 clean, 1 a finding at or above `failOn`, 2 a file could not be read. */
export function exitCodeFor(results: readonly FileResult[], failOn: Severity | 'never'): 0 | 1 | 2 {
  if (results.some((r) => r.error)) return 2;
  if (failOn === 'never') return 0;
  return results.some((r) => r.messages.some((m) => reaches(m.severity, failOn))) ? 1 : 0;
}
