import type { Diagnostic } from 'vscode-languageserver/node';
import type { Settings } from '../core/settings';
import type { KustomizeTarget } from './kustomize';

/**
 * Messages between the server's request thread and its validation thread (validation-worker.ts). The worker
 * keeps its own copy of every open document's text (`text`/`close`, in the order the editor sent them), its own
 * workspace index (the request thread posts the disk files' texts it reads: `indexFile`/`indexDelete`, then
 * `indexDone` when its first pass is over), its own kustomize cache (`invalidate` names paths changed on the
 * disk), and checks one file per `validate`; the request thread never parses a file only to validate it.
 */
export type ToWorker =
  | { type: 'text'; uri: string; version: number; text: string }
  | { type: 'close'; uri: string }
  | { type: 'invalidate'; paths: string[] }
  | { type: 'indexFile'; uri: string; text: string }
  | { type: 'indexDelete'; uri: string }
  | { type: 'indexDone' }
  | { type: 'validate'; job: number; uri: string; settings: Settings; kustomize?: KustomizeTarget };

export type FromWorker =
  | {
      type: 'done';
      job: number;
      uri: string;
      /** The version of the text that was checked: the caller drops the result when the document moved on. */
      version: number;
      diagnostics: Diagnostic[];
      /** Where the time budget stopped checking (the first document left unchecked), when it did. */
      stoppedAt?: number;
    }
  | { type: 'cancelled'; job: number }
  | { type: 'failed'; job: number; error: string }
  /** The worker's index holds the whole first pass now: open files are checked again, with the other files. */
  | { type: 'indexed' };

/** The one shared word: the request thread writes the number of a job it no longer wants; the worker reads it between phases. */
export const CANCEL_SLOT = 0;
