import type { ServerCapabilities } from 'vscode-languageserver/node';
import { podContainersAt, sharedVolumeEdit, sharedVolumeProblem, type PodContainersResult, type SharedVolumeArguments } from '../core/features/code-actions';
import type { ServerContext, ServerFeature } from './context';

/**
 * Server commands. VS Code's language client turns every command listed here into a VS Code command of the
 * same id, so these ids must differ from the client's own interactive command (`sidecar.addSharedVolume`),
 * which asks the user and then calls them. Any other LSP client can call them directly.
 */
export const SERVER_COMMANDS = {
  /** args: [{uri, position, volumeName, mountPath, containers: string[], sizeLimit?}] → applies the edit; returns {applied, problem?}. */
  addSharedVolume: 'sidecar.server.addSharedVolume',
  /** args: [{uri, position}] → PodContainersResult | null: what the client offers to pick from. */
  podContainers: 'sidecar.server.podContainers',
} as const;

export interface AddSharedVolumeResult {
  applied: boolean;
  problem?: string;
}

export const commandsFeature: ServerFeature = {
  capabilities(): Partial<ServerCapabilities> {
    return { executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) } };
  },

  register(context: ServerContext): void {
    context.connection.onExecuteCommand(async (params): Promise<AddSharedVolumeResult | PodContainersResult | null> => {
      const args = params.arguments?.[0] as Record<string, unknown> | undefined;
      const uri = typeof args?.uri === 'string' ? args.uri : undefined;
      const entry = uri ? await context.fileFor(uri) : undefined;
      if (params.command === SERVER_COMMANDS.podContainers) {
        const position = args?.position as SharedVolumeArguments['position'] | undefined;
        if (!entry || !position || typeof position.line !== 'number' || typeof position.character !== 'number') return null;
        return podContainersAt(entry.file, position) ?? null;
      }
      if (params.command === SERVER_COMMANDS.addSharedVolume) {
        const problem = sharedVolumeProblem(args);
        if (problem) return { applied: false, problem };
        if (!entry) return { applied: false, problem: `The document ${uri ?? ''} is not open.` };
        const result = sharedVolumeEdit(entry.file, args as unknown as SharedVolumeArguments);
        if ('problem' in result) return { applied: false, problem: result.problem };
        const response = await context.connection.workspace.applyEdit({ label: 'Add shared volume', edit: result.edit });
        return response.applied ? { applied: true } : { applied: false, problem: response.failureReason ?? 'The editor did not apply the edit.' };
      }
      return null;
    });
  },
};
