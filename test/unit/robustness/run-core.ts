import type { Diagnostic } from 'vscode-languageserver-types';
import { formatText, lintText } from '../../../server/src/cli';
import { codeActions, type CodeActionResult } from '../../../server/src/core/features/code-actions';
import { complete } from '../../../server/src/core/features/completion';
import { hover } from '../../../server/src/core/features/hover';
import { buildTopology } from '../../../server/src/core/features/topology';
import { toDiagnostic, type Finding } from '../../../server/src/core/findings';
import type { LanguageService } from '../../../server/src/core/language-service';
import type { ManifestFile, ManifestParser } from '../../../server/src/core/parse/manifest';
import type { Settings } from '../../../server/src/core/settings';
import { diagnosticsAt } from '../../../server/src/lsp/code-actions';
import { ClientCommands } from '../../../server/src/protocol';

export interface CoreRun {
  file: ManifestFile;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * Everything the editor and the CLI do with one text: parse (through `parser`, so reuse across versions is
 * exercised), validate with every rule, completion and hover at `offsets`, code actions for each diagnostic
 * and for each offset, the topology of every pod, and the CLI's text report. Throws whatever escapes, and the
 * first quick fix that threw (the core keeps it from the user but hands it back to be logged).
 */
export function runWholeCore(service: LanguageService, parser: ManifestParser, text: string, settings: Settings, offsets: readonly number[]): CoreRun {
  const file = parser.parse(text);
  const findings = service.validator.validate(file, settings);
  const diagnostics = findings.map((f) => toDiagnostic(f, file.lineIndex));
  for (const offset of offsets) {
    complete(service, file, offset, settings);
    hover(service, file, offset, settings, findings);
    rethrowFailure(codeActions(service, file, { start: offset, end: offset }, diagnosticsAt(file.lineIndex, diagnostics), settings, { uri: 'file:///fuzz.yaml', sharedVolumeCommand: ClientCommands.addSharedVolume }));
    buildTopology(file, { offset, findings, fileName: 'fuzz.yaml' });
  }
  for (const [i, diagnostic] of diagnostics.slice(0, 12).entries()) {
    const finding = findings[i];
    rethrowFailure(codeActions(service, file, { start: finding.start, end: finding.end }, diagnosticsAt(file.lineIndex, [diagnostic]), settings, { uri: 'file:///fuzz.yaml' }));
  }
  const { messages, text: clean } = lintText(service, text, settings);
  formatText([{ path: 'fuzz.yaml', text: clean, messages, skipped: false }], { color: true });
  return { file, findings, diagnostics };
}

function rethrowFailure(result: CodeActionResult): void {
  const failure = result.failures[0];
  if (failure) throw new Error(`the quick fix for ${failure.code} threw`, { cause: failure.error });
}
