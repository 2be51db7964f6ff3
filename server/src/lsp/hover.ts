import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { hover } from '../core/features/hover';
import type { ServerFeature } from './context';

/** textDocument/hover over the core's `hover`; plain text for clients that do not render markdown. */
export const hoverFeature: ServerFeature = {
  capabilities: () => ({ hoverProvider: true }),
  register(context, client) {
    context.connection.onHover(async (params): Promise<Hover | null> => {
      const current = await context.fileFor(params.textDocument.uri);
      if (!current) return null;
      try {
        const offset = current.file.lineIndex.offsetAt(params.position);
        const result = hover(context.service, current.file, offset, current.settings);
        if (!result) return null;
        if (!client.markdownHover) {
          const value = (result.contents as MarkupContent).value.replace(/\*\*|`/g, '').replace(/^_|_$/gm, '');
          return { ...result, contents: { kind: 'plaintext', value } };
        }
        return result;
      } catch (error) {
        context.connection.console.error(`sidecar: hover failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return null;
      }
    });
  },
};
