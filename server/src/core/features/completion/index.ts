import type { CompletionList } from 'vscode-languageserver-types';
import { withCustomKindSchemas, type FeatureServices } from '../services';
import { customResourceSource } from '../custom-resources';
import type { WorkspaceIndex } from '../../workspace/index/workspace-index';
import type { ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import { detectIndentation } from '../../text/indentation';
import { isCompose } from '../../compose/detect';
import { composeItems } from './compose';
import { cursorContext } from './context';
import { keyItems } from './keys';
import type { Request } from './request';
import { valueItems } from './values';

export interface CompletionOptions {
  /** The client expands snippets (tab stops); otherwise plain text with placeholder defaults is inserted. */
  snippets?: boolean;
  /** The file's name or URI: Compose files are recognised by it (compose.yaml, docker-compose.*.yml). */
  fileName?: string;
  /** The workspace the file is in: its CustomResourceDefinitions describe custom resources (features/custom-resources.ts). */
  workspace?: WorkspaceIndex;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completion at `offset` of a file: keys from the schema, values (enums, booleans, references inside the pod,
 * sidecar images), kinds at the top of an empty document and the sidecar snippets; in a Compose file, the Compose
 * Specification's keys and references (completion/compose.ts). Only the document under the
 * cursor is read, so the cost does not grow with the file.
 */
export function complete(service: FeatureServices, file: ManifestFile, offset: number, settings: Settings, options: CompletionOptions = {}): CompletionList {
  const slot = file.slotAt(offset);
  if (!slot) return EMPTY;
  const document = slot.document;
  const local = offset - slot.start;
  const context = cursorContext(document.text, local);
  if (!context) return EMPTY;
  const request: Request = {
    service: withCustomKindSchemas(service, [customResourceSource(service.schemas, file, options.workspace)]),
    file,
    slot,
    document,
    apiVersion: document.apiVersion ?? /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(document.text)?.[1],
    kind: document.kind ?? /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(document.text)?.[1],
    // A new, empty document takes the style of the rest of the file.
    style: detectIndentation(document.text, () => detectIndentation(file.text)),
    eol: file.lineIndex.eol,
    snippets: options.snippets ?? true,
    settings,
  };
  if (isCompose(document, options.fileName)) return { isIncomplete: false, items: composeItems(request, context) };
  const items = context.kind === 'key' ? keyItems(request, context) : valueItems(request, context);
  return { isIncomplete: false, items };
}
