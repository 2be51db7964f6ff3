import type { CompletionList } from 'vscode-languageserver/node';
import { complete } from '../core/features/completion';
import type { ServerFeature } from './context';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * textDocument/completion over the core's `complete`. A space is the one trigger character: after `key:` it
 * opens the value list (`imagePullPolicy: `); keys complete as the user types letters.
 */
export const completionFeature: ServerFeature = {
  capabilities: () => ({ completionProvider: { triggerCharacters: [' '], resolveProvider: false } }),
  register(context, client) {
    context.connection.onCompletion(async (params): Promise<CompletionList> => {
      const current = await context.fileFor(params.textDocument.uri);
      if (!current) return EMPTY;
      if (params.context?.triggerCharacter === ' ') {
        // A space opens a list only after `key: ` or `- `; spaces typed as indentation must not pop one up.
        const before = current.document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
        if (!/(?:(?:^|\s)-|[^\s#]:) $/.test(before)) return EMPTY;
      }
      try {
        const offset = current.file.lineIndex.offsetAt(params.position);
        return complete(context.service, current.file, offset, current.settings, { snippets: client.snippetCompletions });
      } catch (error) {
        // A completion bug must cost one empty list, never the server.
        context.connection.console.error(`sidecar: completion failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return EMPTY;
      }
    });
  },
};
