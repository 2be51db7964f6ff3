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
