// Messages between the topology panel (extension host) and its webview. Kept free of vscode imports so the
// browser bundle and the tests can use the same types.

export type TopologyTab = 'flowchart' | 'sequence';

/** What the webview draws for one workload: only diagram text and node ids, never ranges or URIs. */
export interface WebviewWorkload {
  name: string;
  kind: string;
  mermaid: string;
  sequence: string;
  /** Node ids that map to manifest text: clicking them reveals it. */
  nodeIds: string[];
}

export type ToWebviewMessage =
  | {
      type: 'update';
      /** Shown in the header; the webview also keeps it in its state so a reload can find the document again. */
      documentName: string;
      documentUri: string;
      workloads: WebviewWorkload[];
      /** Keep the workload the user is looking at (an edit) instead of jumping to the one under the cursor. */
      keepSelection: boolean;
    }
  | { type: 'empty'; message: string; documentUri?: string };

export type FromWebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; documentUri: string; workload: string; tab: TopologyTab; labels: string[]; error?: string }
  | { type: 'reveal'; workload: number; nodeId: string }
  | { type: 'copy'; text: string }
  | { type: 'exportSvg'; svg: string; workload: string }
  | { type: 'insertMarkdown'; text: string; workload: string };

/** What the webview keeps with `setState`, and what the serializer gets back after a reload. */
export interface TopologyWebviewState {
  documentUri?: string;
  tab?: TopologyTab;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/**
 * Whether a message from the webview has the shape its `type` promises. The webview is ours, but what it posts
 * arrives as untyped data (a script there could post anything): the panel checks before copying, exporting or
 * inserting it.
 */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'rendered':
      return isString(m.documentUri) && isString(m.workload) && (m.tab === 'flowchart' || m.tab === 'sequence') && isStringArray(m.labels) && (m.error === undefined || isString(m.error));
    case 'reveal':
      return Number.isInteger(m.workload) && isString(m.nodeId);
    case 'copy':
      return isString(m.text);
    case 'exportSvg':
    case 'insertMarkdown':
      return isString(m.workload) && isString(m.type === 'exportSvg' ? m.svg : m.text);
    default:
      return false;
  }
}
