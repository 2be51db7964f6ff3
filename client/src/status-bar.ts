// The status bar item tells the user which Kubernetes version the rules check against, and whether the
// server is running, so a silent "no diagnostics" is distinguishable from "server down".
import * as vscode from 'vscode';

export const kubernetesVersionSetting = 'sidecar.kubernetesVersion';
const defaultKubernetesVersion = '1.34';

export type ServerState = 'starting' | 'running' | 'stopped';

/** Shape of the server's `sidecar/status` answer. */
export interface ServerStatus {
  kubernetesVersion: string;
}

export function configuredKubernetesVersion(): string {
  return vscode.workspace.getConfiguration('sidecar').get<string>('kubernetesVersion') ?? defaultKubernetesVersion;
}

const stateIcons: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  running: '$(check)',
  stopped: '$(error)',
};

export class SidecarStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private state: ServerState = 'starting';
  private serverStatus: ServerStatus | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('sidecar.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Sidecar: Kubernetes version';
    this.item.command = {
      title: 'Configure Kubernetes version',
      command: 'workbench.action.openSettings',
      arguments: [kubernetesVersionSetting],
    };
    this.disposables.push(
      this.item,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(kubernetesVersionSetting)) this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
    );
    this.render();
    this.updateVisibility();
  }

  get text(): string {
    return this.item.text;
  }

  setState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  /** The server's view is shown in the tooltip only; the text follows the setting so it updates instantly. */
  setServerStatus(status: ServerStatus | undefined): void {
    this.serverStatus = status;
    this.render();
  }

  private render(): void {
    const version = configuredKubernetesVersion();
    this.item.text = `${stateIcons[this.state]} K8s ${version}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Sidecar** checks manifests against Kubernetes ${version}.\n\n`);
    tooltip.appendMarkdown(`Language server: ${this.state}`);
    if (this.serverStatus) tooltip.appendMarkdown(` (reports Kubernetes ${this.serverStatus.kubernetesVersion})`);
    tooltip.appendMarkdown('\n\nClick to change `sidecar.kubernetesVersion`.');
    this.item.tooltip = tooltip;
    this.item.backgroundColor = this.state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  private updateVisibility(): void {
    if (vscode.window.activeTextEditor?.document.languageId === 'yaml') this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
