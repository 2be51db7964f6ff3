import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { ServerFeature } from './context';
import { kustomizeContextFor } from './kustomize';
import { logged } from './logged';

/** textDocument/hover over the core's `hover`; plain text for clients that do not render markdown. */
export const hoverFeature: ServerFeature = {
  capabilities: () => ({ hoverProvider: true }),
  register(context, client) {
    context.connection.onHover(
      logged(
        context.connection.console,
        'hover',
        async (params): Promise<Hover | null> => {
          const current = await context.fileFor(params.textDocument.uri);
          if (!current) return null;
          const offset = current.file.lineIndex.offsetAt(params.position);
          const result = context.service.hover(current.file, offset, current.settings, undefined, params.textDocument.uri, kustomizeContextFor(params.textDocument.uri, context.documents, context.settings, context.kustomize), context.workspace.indexFor(current.document));
          if (!result) return null;
          if (!client.markdownHover) {
            const value = (result.contents as MarkupContent).value.replace(/\*\*|`/g, '').replace(/^_|_$/gm, '');
            return { ...result, contents: { kind: 'plaintext', value } };
          }
          return result;
        },
        () => null,
      ),
    );
  },
};
