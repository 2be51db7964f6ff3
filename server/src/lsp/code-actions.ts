import { CodeActionKind, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ClientFeatures, ServerContext, ServerFeature } from './context';
import { logged } from './logged';

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
          return context.service.codeActions(file, range, params.context.diagnostics, settings, {
            uri: params.textDocument.uri,
            only: params.context.only,
            sharedVolumeCommand: true,
          });
        },
        () => [],
      ),
    );
  },
};
