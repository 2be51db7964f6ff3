import type { CompletionList } from 'vscode-languageserver/node';
import type { ServerFeature } from './context';
import { isKustomizationFileName } from '../core/workspace/kustomize/host';
import { kustomizeContextFor } from './kustomize';
import { logged } from './logged';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * textDocument/completion over the core's `complete`. A space triggers it after `key:` (the value list,
 * `imagePullPolicy: `) and `/` in a kustomization's path; keys complete as the user types letters.
 */
export const completionFeature: ServerFeature = {
  capabilities: () => ({ completionProvider: { triggerCharacters: [' ', '/'], resolveProvider: false } }),
  register(context, client) {
    context.connection.onCompletion(
      logged(
        context.connection.console,
        'completion',
        async (params): Promise<CompletionList> => {
          const current = await context.fileFor(params.textDocument.uri);
          if (!current) return EMPTY;
          if (params.context?.triggerCharacter === ' ') {
            // A space opens a list only after `key: ` or `- `; spaces typed as indentation must not pop one up.
            const before = current.document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
            if (!/(?:(?:^|\s)-|[^\s#]:) $/.test(before)) return EMPTY;
          }
          const kustomize = kustomizeContextFor(params.textDocument.uri, context.documents, context.settings, context.kustomize);
          // `/` continues a path, which only a kustomization completes.
          if (params.context?.triggerCharacter === '/' && !(kustomize && isKustomizationFileName(kustomize.path))) return EMPTY;
          const offset = current.file.lineIndex.offsetAt(params.position);
          return context.service.complete(current.file, offset, current.settings, { snippets: client.snippetCompletions, fileName: params.textDocument.uri, workspace: context.workspace.indexFor(current.document) }, kustomize);
        },
        // A completion bug must cost one empty list, never the server.
        () => EMPTY,
      ),
    );
  },
};
