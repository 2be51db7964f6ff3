import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { codeActions, type CodeActionOptions } from '../../../server/src/core/features/code-actions';
import { toDiagnostic } from '../../../server/src/core/findings';
import { createLanguageService, type LanguageService } from '../../../server/src/core/language-service';
import { parseManifest, type ManifestFile } from '../../../server/src/core/parse/manifest';
import { defaultSettings, type Settings } from '../../../server/src/core/settings';
import { diagnosticsAt } from '../../../server/src/lsp/code-actions';

export const URI = 'file:///workspace/manifest.yaml';

let shared: LanguageService | undefined;
/** One real language service for all tests: schemas compile lazily once per kind. */
export function service(): LanguageService {
  shared ??= createLanguageService();
  return shared;
}

export function settingsFor(overrides: Partial<Settings> = {}): Settings {
  return defaultSettings(overrides);
}

/** Diagnostics exactly as the server publishes them. */
export function diagnosticsOf(file: ManifestFile, settings: Settings): Diagnostic[] {
  return service()
    .validator.validate(file, settings)
    .map((f) => toDiagnostic(f, file.lineIndex));
}

export interface FixRun {
  file: ManifestFile;
  diagnostics: Diagnostic[];
  target: Diagnostic;
  actions: CodeAction[];
}

/** Validates `text`, picks the `n`th diagnostic with `code`, and asks for the code actions at its range. */
export function actionsFor(text: string, code: string, settings = settingsFor(), n = 0, options: Partial<CodeActionOptions> = {}): FixRun {
  const file = parseManifest(text);
  const diagnostics = diagnosticsOf(file, settings);
  const matching = diagnostics.filter((d) => d.code === code);
  const target = matching[n];
  assert.ok(target, `expected a ${code} diagnostic; got ${diagnostics.map((d) => d.code).join(', ') || 'none'}`);
  const start = file.lineIndex.offsetAt(target.range.start);
  const end = file.lineIndex.offsetAt(target.range.end);
  const { actions } = codeActions(service(), file, { start, end }, diagnosticsAt(file.lineIndex, [target]), settings, { uri: URI, ...options });
  return { file, diagnostics, target, actions };
}

/** Applies an action's edit with the real TextDocument implementation (as editors do). */
export function applyAction(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits && edits.length > 0, `action "${action.title}" has no edits`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
}

export function pick(actions: CodeAction[], title: RegExp): CodeAction {
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action matching ${title}; got: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** Every comment line and trailing comment of `before`, in order, must appear in `after`. */
export function assertCommentsSurvive(before: string, after: string, except: RegExp[] = []): void {
  const comments = (text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => /(^|\s)(#.*)$/.exec(line)?.[2]?.trim())
      .filter((c): c is string => !!c && !except.some((e) => e.test(c)));
  const kept = comments(after);
  for (const comment of comments(before)) assert.ok(kept.includes(comment), `comment lost: ${comment}\n---\n${after}`);
}

/**
 * Re-validates the fixed text: the fixed finding is gone, and no new error appears: per code, there are no more
 * errors than before (messages may change when a fix renames something the message quotes).
 */
export function assertRevalidatesClean(before: FixRun, after: string, settings = settingsFor()): Diagnostic[] {
  const file = parseManifest(after);
  const diagnostics = diagnosticsOf(file, settings);
  const sameFinding = diagnostics.filter((d) => d.code === before.target.code && d.message === before.target.message);
  assert.equal(sameFinding.length, 0, `${String(before.target.code)} still reported: ${before.target.message}`);
  const errorCounts = (list: Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) if (d.severity === 1) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
    return counts;
  };
  const was = errorCounts(before.diagnostics);
  const now = errorCounts(diagnostics);
  const grown = [...now].filter(([code, count]) => count > (was.get(code) ?? 0)).map(([code]) => diagnostics.filter((d) => d.code === code && d.severity === 1).map((d) => d.message));
  assert.deepEqual(grown, [], 'the fix introduced errors');
  assert.ok(!file.slots.some((s) => s.document.hasSyntaxErrors), 'the fix broke the YAML');
  return diagnostics;
}
