import { InsertTextFormat, InsertTextMode, MarkupKind, CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { FeatureServices } from '../services';
import type { ParsedDocument } from '../../parse/document';
import type { DocumentSlot, ManifestFile } from '../../parse/manifest';
import type { YamlPath } from '../../parse/nodes';
import type { Settings } from '../../settings';
import type { IndentationStyle } from '../../text/indentation';
import { expandSnippet } from '../snippets';

/** Everything a completion provider needs about the document under the cursor. */
export interface Request {
  service: FeatureServices;
  file: ManifestFile;
  slot: DocumentSlot;
  document: ParsedDocument;
  apiVersion?: string;
  kind?: string;
  style: IndentationStyle;
  eol: string;
  snippets: boolean;
  settings: Settings;
}

// ---------------------------------------------------------------------------------------------------------
// Shared by the providers

export function rangeOf(request: Request, start: number, end: number) {
  return request.file.lineIndex.rangeOf(request.slot.start + start, request.slot.start + end);
}

/** The item's edit: a snippet with tab stops, or plain text when the client cannot expand snippets. */
export function edit(request: Request, range: ReturnType<typeof rangeOf>, snippet: string): Pick<CompletionItem, 'textEdit' | 'insertTextFormat' | 'insertTextMode'> {
  const isSnippet = /\$\{?\d/.test(snippet);
  if (!isSnippet || !request.snippets) {
    return { textEdit: { range, newText: isSnippet ? expandSnippet(snippet) : snippet }, insertTextFormat: InsertTextFormat.PlainText, insertTextMode: InsertTextMode.asIs };
  }
  return { textEdit: { range, newText: snippet }, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs };
}

export function snippetItem(request: Request, range: ReturnType<typeof rangeOf>, label: string, description: string, body: string, sortText: string, id: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: 'sidecar snippet',
    documentation: { kind: MarkupKind.Markdown, value: `${description}\n\n\`\`\`yaml\n${expandSnippet(body)}\n\`\`\`` },
    sortText,
    // The id ("fluent-bit", "envoy") is what people type; the label reads well in the list.
    filterText: `${id} ${label}`,
    ...edit(request, range, body),
  };
}

/** Workloads first: they are what this extension is about. */
export function kindRank(kind: string): string {
  const order = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ConfigMap', 'Secret', 'Service'];
  const at = order.indexOf(kind);
  return at >= 0 ? `1${at}` : '2';
}

export function samePath(a: YamlPath, b: YamlPath): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/** The container path (…, 'containers', n) a value path sits in, if any. */
export function containerPathOf(path: YamlPath): YamlPath | undefined {
  for (let i = path.length - 1; i >= 1; i--) {
    if (typeof path[i] === 'number' && (path[i - 1] === 'containers' || path[i - 1] === 'initContainers' || path[i - 1] === 'ephemeralContainers')) {
      return path.slice(0, i + 1);
    }
  }
  return undefined;
}
