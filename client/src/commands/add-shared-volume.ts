// "Sidecar: Add Shared Volume": asks for a name, a mount path and the containers, then lets the language server
// write the volume and the mounts into the manifest (it owns the YAML edits, so indentation and comments survive).
import * as vscode from 'vscode';
import { AddSharedVolumeCommand, ClientCommands, PodContainersCommand, type PodContainersResult } from '../../../server/src/protocol';

type Target = PodContainersCommand.Arguments;

/** Everything at once (from a test or a keybinding with args) skips the questions. */
type SharedVolumeArgs = AddSharedVolumeCommand.Arguments;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function targetOf(args: Partial<SharedVolumeArgs> | undefined): Target | undefined {
  if (args?.uri && args.position) return { uri: args.uri, position: args.position };
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') return undefined;
  const active = editor.selection.active;
  return { uri: editor.document.uri.toString(), position: { line: active.line, character: active.character } };
}

async function ask(target: Target, pod: PodContainersResult): Promise<SharedVolumeArgs | undefined> {
  const volumeName = await vscode.window.showInputBox({
    title: 'Add Shared Volume (1/3)',
    prompt: 'Name of the new emptyDir volume',
    value: pod.volumes.includes('shared-data') ? '' : 'shared-data',
    validateInput: (value) =>
      !DNS_LABEL.test(value) || value.length > 63
        ? 'Lower-case letters, digits and "-", at most 63 characters'
        : pod.volumes.includes(value)
          ? `The pod already has a volume "${value}"`
          : undefined,
  });
  if (!volumeName) return undefined;
  const mountPath = await vscode.window.showInputBox({
    title: 'Add Shared Volume (2/3)',
    prompt: 'Where every chosen container sees it',
    value: `/${volumeName}`,
    validateInput: (value) => (value.startsWith('/') && !value.includes(':') ? undefined : 'An absolute path without ":"'),
  });
  if (!mountPath) return undefined;
  const picks = await vscode.window.showQuickPick(
    pod.containers.map((c) => ({
      label: c.name,
      description: [c.role === 'native-sidecar' ? 'native sidecar' : c.role, c.sidecarKind].filter(Boolean).join(', '),
      detail: c.readOnly ? 'mounts it read-only (it only reads what others write)' : undefined,
      picked: true,
    })),
    { title: 'Add Shared Volume (3/3)', placeHolder: 'Containers that share the volume', canPickMany: true },
  );
  if (!picks || picks.length === 0) return undefined;
  return { ...target, volumeName, mountPath, containers: picks.map((p) => p.label) };
}

export async function addSharedVolume(args?: Partial<SharedVolumeArgs>): Promise<boolean> {
  const target = targetOf(args);
  if (!target) {
    void vscode.window.showErrorMessage('Open a Kubernetes YAML file and place the cursor in a pod manifest first.');
    return false;
  }
  let request: SharedVolumeArgs | undefined;
  if (args?.volumeName && args.mountPath && args.containers) {
    request = { ...target, volumeName: args.volumeName, mountPath: args.mountPath, containers: args.containers, sizeLimit: args.sizeLimit };
  } else {
    const pod = await vscode.commands.executeCommand<PodContainersCommand.Result>(PodContainersCommand.id, target);
    if (!pod || pod.containers.length === 0) {
      void vscode.window.showErrorMessage('The cursor is not in a pod manifest with named containers (Pod, Deployment, Job…).');
      return false;
    }
    request = await ask(target, pod);
    if (!request) return false;
  }
  const result = await vscode.commands.executeCommand<AddSharedVolumeCommand.Result | null>(AddSharedVolumeCommand.id, request);
  if (!result?.applied) {
    void vscode.window.showErrorMessage(`Could not add the shared volume: ${result?.problem ?? 'the language server is not running.'}`);
    return false;
  }
  return true;
}

export function registerAddSharedVolume(): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.addSharedVolume, (args?: Partial<SharedVolumeArgs>) => addSharedVolume(args));
}
