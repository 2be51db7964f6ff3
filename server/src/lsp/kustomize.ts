import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KustomizeContext } from '../core/workspace/kustomize/patch-validation';
import type { SettingsStore } from './settings';

/**
 * What the core's kustomize code reads, for a document of the editor: open buffers first (unsaved edits of a
 * base or a kustomization count), the disk second. Only `file:` documents inside a workspace folder take part.
 */
export function kustomizeContextFor(uri: string, documents: TextDocuments<TextDocument>, settings: SettingsStore): KustomizeContext | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  // The core does `/`-separated path arithmetic; Windows paths go in as `C:/…`.
  const posix = (native: string) => native.split(path.sep).join('/');
  return {
    path: posix(file),
    root: posix(settings.workspaceFolderOf(file) ?? path.dirname(file)),
    host: {
      readFile(candidate) {
        const open = documents.get(pathToFileURL(candidate).href);
        if (open) return open.getText();
        try {
          return fs.statSync(candidate).isFile() ? fs.readFileSync(candidate, 'utf8') : undefined;
        } catch {
          return undefined;
        }
      },
      isDirectory(candidate) {
        try {
          return fs.statSync(candidate).isDirectory();
        } catch {
          return false;
        }
      },
    },
  };
}
