import { CodeActionKind, CodeActionTriggerKind, type CodeActionContext, type ServerCapabilities } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { DiagnosticAt } from '../core/features/code-actions';
import type { LineIndex } from '../core/parse/line-index';
import type { ClientFeatures, ServerContext, ServerFeature } from './context';
import { describeError, logged } from './logged';
import { ClientCommands } from '../protocol';

/**
 * Quick fixes and refactorings. Advertised only to clients that understand CodeAction literals: older ones
 * would get Commands they cannot run.
 */
export const codeActionsFeature: ServerFeature = {
  capabilities(client: ClientFeatures): Partial<ServerCapabilities> {
    if (!client.codeActionLiterals) return {};
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], resolveProvider: false } };
  },

  register(context: ServerContext, client: ClientFeatures): void {
    if (!client.codeActionLiterals) return;
    context.connection.onCodeAction(
      logged(
        context.connection.console,
        'code actions',
        async (params) => {
          const entry = await context.fileFor(params.textDocument.uri);
          if (!entry) return [];
          const { file, settings } = entry;
          const range = { start: file.lineIndex.offsetAt(params.range.start), end: file.lineIndex.offsetAt(params.range.end) };
          const { actions, failures } = context.service.codeActions(file, range, diagnosticsAt(file.lineIndex, params.context.diagnostics), settings, {
            uri: params.textDocument.uri,
            only: requestedKinds(params.context),
            sharedVolumeCommand: ClientCommands.addSharedVolume,
            setVersionCommand: ClientCommands.setKubernetesVersion,
            workspace: context.workspace.index,
          });
          // The other fixes are still offered; the one that threw is a bug worth a log line.
          for (const failure of failures) context.connection.console.error(`sidecar: quick fix for ${failure.code} failed: ${describeError(failure.error)}`);
          return actions;
        },
        () => [],
      ),
    );
  },
};

/** The client's diagnostics located by file offsets, as the core's code actions take them: the one place their positions are read. */
/**
 * The kinds to compute. A request the editor makes by itself as the cursor moves (triggerKind Automatic) decides
 * whether a light bulb shows: only quick fixes for a problem may put one there, so a clean container name gets
 * none; the refactorings (convert to native sidecar, add a shared volume) come with Ctrl+. or the context menu.
 */
export function requestedKinds(context: Pick<CodeActionContext, 'only' | 'triggerKind'>): string[] | undefined {
  if (context.only?.length) return context.only;
  return context.triggerKind === CodeActionTriggerKind.Automatic ? [CodeActionKind.QuickFix] : undefined;
}

export function diagnosticsAt(lines: LineIndex, diagnostics: readonly Diagnostic[]): DiagnosticAt[] {
  return diagnostics.map((diagnostic) => ({
    code: typeof diagnostic.code === 'string' ? diagnostic.code : undefined,
    start: lines.offsetAt(diagnostic.range.start),
    end: lines.offsetAt(diagnostic.range.end),
    data: diagnostic.data,
    diagnostic,
  }));
}
