import type { ServerCapabilities } from 'vscode-languageserver/node';
import { podContainersAt, sharedVolumeEdit, sharedVolumeProblem } from '../core/features/code-actions';
import { AddSharedVolumeCommand, PodContainersCommand, SERVER_COMMANDS, type Position } from '../protocol';
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
          const position = positionOf(args?.position);
          const entry = uri ? await context.fileFor(uri) : undefined;
          // The core reads offsets: the position the client sent is converted here, and the edits back.
          if (params.command === PodContainersCommand.id) {
            if (!entry || !position) return null;
            return podContainersAt(entry.file, entry.file.lineIndex.offsetAt(position)) ?? null;
          }
          if (params.command === AddSharedVolumeCommand.id) {
            if (!args) return { applied: false, problem: 'Missing arguments: {uri, position, volumeName, mountPath, containers}.' };
            if (uri === undefined) return { applied: false, problem: 'uri must be a string.' };
            if (!position) return { applied: false, problem: 'position must be {line, character}.' };
            const problem = sharedVolumeProblem(args);
            if (problem) return { applied: false, problem };
            if (!entry) return { applied: false, problem: `The document ${uri} is not open.` };
            const { file } = entry;
            const result = sharedVolumeEdit(file, file.lineIndex.offsetAt(position), args);
            if ('problem' in result) return { applied: false, problem: result.problem };
            const edits = result.changes.map((change) => ({ range: file.lineIndex.rangeOf(change.start, change.end), newText: change.newText }));
            const response = await context.connection.workspace.applyEdit({ label: 'Add shared volume', edit: { changes: { [uri]: edits } } });
            return response.applied ? { applied: true } : { applied: false, problem: response.failureReason ?? 'The editor did not apply the edit.' };
          }
          return null;
        },
      ),
    );
  },
};

/** A position from untrusted command arguments, or undefined. */
function positionOf(value: unknown): Position | undefined {
  const position = value as Partial<Position> | undefined;
  return position && typeof position.line === 'number' && typeof position.character === 'number' ? { line: position.line, character: position.character } : undefined;
}
