// "Sidecar: Set Target Kubernetes Version": writes `sidecar.kubernetesVersion` (in the workspace when one is open),
// from a version quick fix ("Set the target Kubernetes version to 1.32") or from a pick list.
import * as vscode from 'vscode';
import { ClientCommands } from '../../../server/src/protocol';

/** package.json's enum of the setting is the list of supported versions. */
function supportedVersions(): string[] {
  const extension = vscode.extensions.all.find((e) => e.packageJSON?.contributes?.configuration?.properties?.['sidecar.kubernetesVersion']);
  const values: unknown = extension?.packageJSON.contributes.configuration.properties['sidecar.kubernetesVersion'].enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}

export async function setKubernetesVersion(version?: string): Promise<boolean> {
  const chosen = version ?? (await vscode.window.showQuickPick(supportedVersions(), { title: 'Target Kubernetes version of the cluster' }));
  if (!chosen) return false;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('sidecar').update('kubernetesVersion', chosen, target);
  return true;
}

export function registerSetKubernetesVersion(): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.setKubernetesVersion, (version?: unknown) =>
    setKubernetesVersion(typeof version === 'string' ? version : undefined),
  );
}
