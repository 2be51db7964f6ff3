// The status bar item tells the user which Kubernetes version the rules check against, and whether the
// server is running, so a silent "no diagnostics" is distinguishable from "server down".
import * as vscode from 'vscode';
import { DEFAULT_KUBERNETES_VERSION, type StatusResult } from '../../server/src/protocol';
import { isServedLanguage } from './languages';

export const kubernetesVersionSetting = 'sidecar.kubernetesVersion';

export type ServerState = 'starting' | 'running' | 'stopped';

export function configuredKubernetesVersion(): string {
  return vscode.workspace.getConfiguration('sidecar').get<string>('kubernetesVersion') ?? DEFAULT_KUBERNETES_VERSION;
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
  private serverStatus: StatusResult | undefined;

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
        // Show the new setting at once; the server's answer (which may add a .sidecarlint.yaml) follows.
        if (e.affectsConfiguration('sidecar')) this.setServerStatus(undefined);
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

  /**
   * The server's answer for the active document: the version it really checks against, which a
   * .sidecarlint.yaml next to the document may set. Undefined until it answers (the setting is shown).
   */
  setServerStatus(status: StatusResult | undefined): void {
    this.serverStatus = status;
    this.render();
  }

  private render(): void {
    const configured = configuredKubernetesVersion();
    const version = this.serverStatus?.kubernetesVersion ?? configured;
    this.item.text = `${stateIcons[this.state]} K8s ${version}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Sidecar** checks manifests against Kubernetes ${version}`);
    if (this.serverStatus?.configFile) tooltip.appendMarkdown(` (from \`${this.serverStatus.configFile}\`)`);
    tooltip.appendMarkdown('.\n\n');
    tooltip.appendMarkdown(
      `Fields (added in which version), feature gates (off by default: a warning), version-dependent rules and ` +
        `served apiVersions all follow Kubernetes ${version}; the schemas describe 1.36.\n\n`,
    );
    tooltip.appendMarkdown(`Language server: ${this.state}`);
    if (this.serverStatus) {
      const { validate, rules } = this.serverStatus;
      tooltip.appendMarkdown(` — ${rules.length} rules, validation ${validate ? 'on' : 'off'}`);
    }
    tooltip.appendMarkdown('\n\nClick to change `sidecar.kubernetesVersion`.');
    this.item.tooltip = tooltip;
    this.item.backgroundColor = this.state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  private updateVisibility(): void {
    if (isServedLanguage(vscode.window.activeTextEditor?.document.languageId)) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
