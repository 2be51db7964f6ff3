// The Pod Topology panel: one webview beside the editor that follows the active YAML document and the cursor,
// asks the server for its diagrams (sidecar/topology) and forwards them to the webview bundle.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, TopologyRequest, type TopologyParams, type TopologyResult, type TopologyWorkload } from '../../../server/src/protocol';
import { renderTopologyHtml } from './html';
import { isFromWebviewMessage, type FromWebviewMessage, type ToWebviewMessage, type TopologyTab, type TopologyWebviewState } from './messages';

export const topologyViewType = 'sidecar.topology';
/** Test-only (not in package.json): the last thing the webview drew, since the extension host cannot see into it. */
export const lastRenderCommand = 'sidecar.topology.lastRender';

/** Re-render after typing stops for this long: one request per pause, not per keystroke. */
const EDIT_DEBOUNCE_MS = 250;
const bundleFolder = ['client', 'out', 'webview'] as const;

export interface TopologyRender {
  documentUri: string;
  workload: string;
  tab: TopologyTab;
  labels: string[];
  error?: string;
}

/** Arguments of the test hook: resolve once a render of this document shows all these labels (substrings). */
export interface RenderWait {
  documentUri?: string;
  labels?: string[];
  absent?: string[];
  timeoutMs?: number;
}

const rendered = new vscode.EventEmitter<TopologyRender>();

function matches(render: TopologyRender | undefined, wait: RenderWait): render is TopologyRender {
  if (!render || render.error) return false;
  if (wait.documentUri && render.documentUri !== wait.documentUri) return false;
  const has = (text: string) => render.labels.some((label) => label.includes(text));
  return (wait.labels ?? []).every(has) && !(wait.absent ?? []).some(has);
}

/** The last render, or (with criteria) the first render that meets them: an event, not a polling loop. */
function waitForRender(wait: RenderWait | undefined): Promise<TopologyRender | undefined> {
  const current = TopologyPanel.current?.lastRender;
  if (!wait) return Promise.resolve(current);
  if (matches(current, wait)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const last = TopologyPanel.current?.lastRender;
      reject(new Error(`no topology render matched ${JSON.stringify(wait)} within ${wait.timeoutMs ?? 30_000} ms; last: ${JSON.stringify(last)}`));
    }, wait.timeoutMs ?? 30_000);
    const listener = rendered.event((render) => {
      if (!matches(render, wait)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(render);
    });
  });
}

/** Registers the command, the panel serializer (restore after reload) and the test hook. */
export function registerTopology(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    rendered,
    vscode.commands.registerCommand(ClientCommands.showTopology, (uri?: vscode.Uri) => {
      // The editor-title button passes its file; from the palette, the active YAML editor (or any visible one).
      const yamlEditor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && isYaml(e.document));
      TopologyPanel.show(context, client, uri instanceof vscode.Uri ? uri : yamlEditor?.document.uri);
    }),
    vscode.commands.registerCommand(lastRenderCommand, (wait?: RenderWait) => waitForRender(wait)),
    vscode.window.registerWebviewPanelSerializer(topologyViewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = (state ?? {}) as TopologyWebviewState;
        const uri = typeof saved.documentUri === 'string' ? vscode.Uri.parse(saved.documentUri) : vscode.window.activeTextEditor?.document.uri;
        TopologyPanel.revive(panel, context, client, uri);
      },
    }),
  );
}

class TopologyPanel {
  static current: TopologyPanel | undefined;

  lastRender: TopologyRender | undefined;
  private documentUri: vscode.Uri | undefined;
  private workloads: TopologyWorkload[] = [];
  private firstWorkloadKey: string | undefined;
  /** The other documents the shown diagrams were drawn from (a patch's base, its kustomizations), as URI strings. */
  private dependsOn = new Set<string>();
  private debounce: NodeJS.Timeout | undefined;
  /** Bumped per request; a response that arrives after a newer request was sent is dropped. */
  private requestSeq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, client: BaseLanguageClient, uri: vscode.Uri | undefined): void {
    if (TopologyPanel.current) {
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      if (uri) TopologyPanel.current.follow(uri, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      topologyViewType,
      'Pod Topology',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context),
    );
    TopologyPanel.current = new TopologyPanel(panel, context, client, uri);
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: BaseLanguageClient, uri: vscode.Uri | undefined): void {
    TopologyPanel.current?.panel.dispose();
    panel.webview.options = webviewOptions(context);
    TopologyPanel.current = new TopologyPanel(panel, context, client, uri);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    uri: vscode.Uri | undefined,
  ) {
    const bundle = vscode.Uri.joinPath(context.extensionUri, ...bundleFolder);
    panel.webview.html = renderTopologyHtml({
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'main.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'main.css')).toString(),
    });
    this.documentUri = uri;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      this.watchSources(),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebviewMessage(message)) void this.onMessage(message);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to the panel itself (or to output) leaves no text editor: keep the last document.
        if (editor && isYaml(editor.document)) this.follow(editor.document.uri, false);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.isTracked(event.textEditor.document)) this.schedule(false);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if ((this.isTracked(event.document) || this.dependsOn.has(event.document.uri.toString())) && event.contentChanges.length) this.schedule(true);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isTracked(document)) this.post({ type: 'empty', message: `${baseName(document.uri)} was closed.` });
      }),
    );
  }

  /** A base or kustomization of the shown overlay changed on disk (saved by another tool, a checkout). */
  private watchSources(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,*.json,Kustomization}');
    const changed = (uri: vscode.Uri) => {
      if (this.dependsOn.has(uri.toString())) this.schedule(true);
    };
    watcher.onDidChange(changed);
    watcher.onDidCreate(changed);
    watcher.onDidDelete(changed);
    return watcher;
  }

  private isTracked(document: vscode.TextDocument): boolean {
    return !!this.documentUri && document.uri.toString() === this.documentUri.toString();
  }

  private follow(uri: vscode.Uri, keepSelection: boolean): void {
    const changed = this.documentUri?.toString() !== uri.toString();
    this.documentUri = uri;
    if (changed) this.firstWorkloadKey = undefined;
    void this.refresh(keepSelection && !changed);
  }

  private schedule(keepSelection: boolean): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.refresh(keepSelection), EDIT_DEBOUNCE_MS);
  }

  /** Asks the server for the diagrams of the tracked document, with the cursor's workload first. */
  private async refresh(keepSelection: boolean): Promise<void> {
    const uri = this.documentUri;
    const seq = ++this.requestSeq;
    if (!uri) {
      this.post({ type: 'empty', message: 'Open a Kubernetes or Docker Compose YAML file to see its pod topology.' });
      return;
    }
    this.panel.title = `Topology: ${baseName(uri)}`;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const params: TopologyParams = { textDocument: { uri: uri.toString() } };
    if (editor) params.position = { line: editor.selection.active.line, character: editor.selection.active.character };
    let result: TopologyResult;
    try {
      await this.clientRunning();
      result = await this.client.sendRequest(TopologyRequest.type, params);
    } catch (error) {
      if (seq !== this.requestSeq) return;
      this.post({ type: 'empty', message: `The language server could not draw this file: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (seq !== this.requestSeq) return;
    this.workloads = result.workloads;
    this.dependsOn = new Set((result.dependsOn ?? []).map((other) => vscode.Uri.parse(other).toString()));
    if (!result.workloads.length) {
      this.firstWorkloadKey = undefined;
      const message = result.notice ?? `${baseName(uri)} holds no Pod, workload with a pod template, or Compose services.`;
      this.post({ type: 'empty', documentUri: uri.toString(), message });
      return;
    }
    // A cursor move that stays inside the shown workload keeps whatever the user picked in the dropdown.
    const firstKey = `${result.workloads[0].kind}/${result.workloads[0].name}`;
    const keep = keepSelection || firstKey === this.firstWorkloadKey;
    this.firstWorkloadKey = firstKey;
    this.post({
      type: 'update',
      documentName: baseName(uri),
      documentUri: uri.toString(),
      keepSelection: keep,
      workloads: result.workloads.map((w) => ({ name: w.name, kind: w.kind, mermaid: w.mermaid, sequence: w.sequence, nodeIds: w.nodes.map((n) => n.id) })),
    });
  }

  private clientRunning(): Promise<void> {
    if (this.client.state === State.Running) return Promise.resolve();
    return new Promise((resolve) => {
      const listener = this.client.onDidChangeState((event) => {
        if (event.newState === State.Running) {
          listener.dispose();
          resolve();
        }
      });
    });
  }

  private post(message: ToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // Also sent after the webview was hidden and shown again: it starts empty each time.
        this.firstWorkloadKey = undefined;
        await this.refresh(true);
        break;
      case 'rendered':
        this.lastRender = { documentUri: message.documentUri, workload: message.workload, tab: message.tab, labels: message.labels, error: message.error };
        rendered.fire(this.lastRender);
        break;
      case 'reveal':
        await this.reveal(message.workload, message.nodeId);
        break;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage('$(check) Mermaid source copied', 3000);
        break;
      case 'exportSvg':
        await this.exportSvg(message.svg, message.workload);
        break;
      case 'insertMarkdown': {
        const content = `# ${message.workload}\n\n\`\`\`mermaid\n${message.text.trimEnd()}\n\`\`\`\n`;
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active, preview: false });
        break;
      }
    }
  }

  private async reveal(workloadIndex: number, nodeId: string): Promise<void> {
    const node = this.workloads[workloadIndex]?.nodes.find((n) => n.id === nodeId);
    // A merged kustomize pod's node may stand for text in the base or another patch.
    const uri = node?.uri ? vscode.Uri.parse(node.uri) : this.documentUri;
    if (!uri || !node) return;
    const range = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn;
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column ?? vscode.ViewColumn.One, selection: new vscode.Range(range.start, range.start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async exportSvg(svg: string, name: string): Promise<void> {
    const folder = this.documentUri && this.documentUri.scheme === 'file' ? vscode.Uri.joinPath(this.documentUri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${name.replace(/[^\w.-]+/g, '-')}.svg`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export SVG',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 'utf8'));
    vscode.window.setStatusBarMessage(`$(check) Saved ${baseName(target)}`, 3000);
  }

  private dispose(): void {
    clearTimeout(this.debounce);
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // Only the bundle folder: the webview cannot load anything else from the extension or the workspace.
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, ...bundleFolder)],
  };
}

function isYaml(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml';
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
