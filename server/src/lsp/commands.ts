import type { ServerCapabilities } from 'vscode-languageserver/node';
import { podContainersAt, sharedVolumeEdit, sharedVolumeProblem } from '../core/features/code-actions';
import { AddSharedVolumeCommand, PodContainersCommand, SERVER_COMMANDS } from '../protocol';
import type { ServerContext, ServerFeature } from './context';
import { logged } from './logged';

/**
 * Server commands (ids and shapes in ../protocol.ts). VS Code's language client turns every command listed here
 * into a VS Code command of the same id; the client's interactive "Add Shared Volume" asks, then calls them.
 */
export const commandsFeature: ServerFeature = {
  capabilities(): Partial<ServerCapabilities> {
    return { executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) } };
  },

  register(context: ServerContext): void {
    context.connection.onExecuteCommand(
      logged(
        context.connection.console,
        (params) => `command ${params.command}`,
        async (params): Promise<AddSharedVolumeCommand.Result | PodContainersCommand.Result> => {
          const args = params.arguments?.[0] as Record<string, unknown> | undefined;
          const uri = typeof args?.uri === 'string' ? args.uri : undefined;
          const entry = uri ? await context.fileFor(uri) : undefined;
          if (params.command === PodContainersCommand.id) {
            const position = args?.position as PodContainersCommand.Arguments['position'] | undefined;
            if (!entry || !position || typeof position.line !== 'number' || typeof position.character !== 'number') return null;
            return podContainersAt(entry.file, position) ?? null;
          }
          if (params.command === AddSharedVolumeCommand.id) {
            const problem = sharedVolumeProblem(args);
            if (problem) return { applied: false, problem };
            if (!entry) return { applied: false, problem: `The document ${uri ?? ''} is not open.` };
            const result = sharedVolumeEdit(entry.file, args as unknown as AddSharedVolumeCommand.Arguments);
            if ('problem' in result) return { applied: false, problem: result.problem };
            const response = await context.connection.workspace.applyEdit({ label: 'Add shared volume', edit: result.edit });
            return response.applied ? { applied: true } : { applied: false, problem: response.failureReason ?? 'The editor did not apply the edit.' };
          }
          return null;
        },
      ),
    );
  },
};
