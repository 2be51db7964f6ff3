import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KustomizeCache } from '../core/workspace/kustomize/cache';
import type { KustomizeContext } from '../core/workspace/kustomize/patch-validation';
import { diskHost, posixPath } from '../disk-host';
import type { SettingsStore } from './settings';

/**
 * What the core's kustomize code reads, for a document of the editor: open buffers first (unsaved edits of a
 * base or a kustomization count), the disk second. Only `file:` documents inside a workspace folder take part.
 */
export function kustomizeContextFor(uri: string, documents: TextDocuments<TextDocument>, settings: SettingsStore, cache: KustomizeCache): KustomizeContext | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return {
    path: posixPath(file),
    root: posixPath(settings.workspaceFolderOf(file) ?? path.dirname(file)),
    host: diskHost((candidate) => documents.get(pathToFileURL(candidate).href)?.getText()),
    cache,
  };
}

/** The file path of a `file:` URI as the kustomize code names it, or undefined. */
export function kustomizePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return posixPath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
