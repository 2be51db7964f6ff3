import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KustomizeCache } from '../core/features/kustomize/cache';
import type { KustomizeContext } from '../core/features/kustomize/patch-validation';
import { diskHost, posixPath } from '../disk-host';
import type { SettingsStore } from './settings';

/** Where a document sits for kustomize: its `/`-separated path and the folder the search for kustomizations stops at. */
export interface KustomizeTarget {
  path: string;
  root: string;
}

/** Only `file:` documents take part; the root is the innermost workspace folder that holds the file, else its folder. */
export function kustomizeTarget(uri: string, workspaceFolderOf: (file: string) => string | undefined): KustomizeTarget | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return { path: posixPath(file), root: posixPath(workspaceFolderOf(file) ?? path.dirname(file)) };
}

/**
 * What the core's kustomize code reads, for a document of the editor: open buffers first (unsaved edits of a
 * base or a kustomization count; `openText` by URI), the disk second. The validation thread builds it from its
 * copy of the open texts and its own cache.
 */
export function kustomizeContext(target: KustomizeTarget, openText: (uri: string) => string | undefined, cache: KustomizeCache): KustomizeContext {
  return { ...target, host: diskHost((candidate) => openText(pathToFileURL(candidate).href)), cache };
}

/** The same on the request thread (hover in a patch), from the editor's documents. */
export function kustomizeContextFor(uri: string, documents: TextDocuments<TextDocument>, settings: SettingsStore, cache: KustomizeCache): KustomizeContext | undefined {
  const target = kustomizeTarget(uri, (file) => settings.workspaceFolderOf(file));
  return target && kustomizeContext(target, (other) => documents.get(other)?.getText(), cache);
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
