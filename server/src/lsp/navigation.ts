import { LSPErrorCodes, ResponseError, type Position } from 'vscode-languageserver/node';
import type { WorkspaceIndex } from '../core/workspace/index/workspace-index';
import type { ManifestFile } from '../core/parse/manifest';
import type { ServerFeature } from './context';
import { kustomizeContextFor } from './kustomize';
import { logged } from './logged';

/**
 * Navigation over the workspace index: definition, references, rename (with prepareRename), workspace symbols,
 * document symbols and document links. Requests that need other files wait for the first indexing pass (the
 * index is complete then); the outline needs only the file itself.
 */
export const navigationFeature: ServerFeature = {
  capabilities: () => ({
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    workspaceSymbolProvider: true,
    documentSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
  }),
  register(context) {
    const { connection, service } = context;
    const log = connection.console;
    /** The index holding the open document's current version, and the offset of a position in it. */
    const at = async (uri: string, position?: Position): Promise<{ index: WorkspaceIndex; file: ManifestFile; offset: number } | undefined> => {
      const document = context.documents.get(uri);
      if (!document) return undefined;
      await context.workspace.whenReady();
      const current = context.documents.get(uri);
      if (!current) return undefined;
      const file = context.cache.get(current);
      context.workspace.opened(current);
      return { index: context.workspace.index, file, offset: position ? file.lineIndex.offsetAt(position) : 0 };
    };

    /** The open file as the kustomize code reads it (kustomizations and patches), with its settings. */
    const kustomized = async (uri: string) => {
      const current = await context.fileFor(uri);
      const kustomize = current && kustomizeContextFor(uri, context.documents, context.settings, context.kustomize);
      return current && kustomize && { ...current, kustomize };
    };
    connection.onDefinition(
      logged(log, 'definition', async (params) => {
        const uri = params.textDocument.uri;
        const own = await kustomized(uri);
        const kustomize = own ? service.kustomizeDefinition(own.file, own.file.lineIndex.offsetAt(params.position), own.settings, own.kustomize) : [];
        const found = await at(uri, params.position);
        return [...kustomize, ...(found ? service.definition(found.index, uri, found.offset) : [])];
      }, () => []),
    );
    connection.onReferences(
      logged(log, 'references', async (params) => {
        const found = await at(params.textDocument.uri, params.position);
        return found ? service.references(found.index, params.textDocument.uri, found.offset, params.context.includeDeclaration) : [];
      }, () => []),
    );
    connection.onPrepareRename(
      logged(log, 'prepareRename', async (params) => {
        const found = await at(params.textDocument.uri, params.position);
        if (!found) return null;
        const result = service.prepareRename(found.index, params.textDocument.uri, found.offset);
        return 'refused' in result ? new ResponseError(LSPErrorCodes.RequestFailed, result.refused) : result;
      }),
    );
    connection.onRenameRequest(
      logged(log, 'rename', async (params) => {
        const found = await at(params.textDocument.uri, params.position);
        if (!found) return null;
        const result = service.rename(found.index, params.textDocument.uri, found.offset, params.newName);
        return 'refused' in result ? new ResponseError(LSPErrorCodes.RequestFailed, result.refused) : result.edit;
      }),
    );
    connection.onWorkspaceSymbol(
      logged(log, 'workspace symbols', async (params) => {
        await context.workspace.whenReady();
        return service.workspaceSymbols(context.workspace.index, params.query);
      }, () => []),
    );
    connection.onDocumentSymbol(
      logged(log, 'document symbols', (params) => {
        const document = context.documents.get(params.textDocument.uri);
        return document ? service.documentSymbols(context.cache.get(document)) : [];
      }, () => []),
    );
    connection.onDocumentLinks(
      logged(log, 'document links', async (params) => {
        const own = await kustomized(params.textDocument.uri);
        const found = await at(params.textDocument.uri);
        return [...(own ? service.kustomizeLinks(own.file, own.kustomize) : []), ...(found ? service.documentLinks(found.index, params.textDocument.uri) : [])];
      }, () => []),
    );
    connection.onCodeLens(
      logged(log, 'code lenses', async (params) => {
        const own = await kustomized(params.textDocument.uri);
        return own ? service.codeLenses(own.file, own.settings, own.kustomize) : [];
      }, () => []),
    );
  },
};
