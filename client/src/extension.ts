// Entry point: wires the language client, the status bar item and the commands; logic lives in the
// modules it imports so activate/deactivate stay readable.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { RestartingErrorHandler, createLanguageClient } from './language-client';
import { ClientCommands, StatusRequest } from '../../server/src/protocol';
import { SidecarStatusBar } from './status-bar';
import { registerTopology } from './topology/panel';
import { registerAddSharedVolume } from './commands/add-shared-volume';
import { registerSetKubernetesVersion } from './commands/set-kubernetes-version';
import { isServedLanguage } from './languages';

/** What `activate` returns; the e2e suite reads it through `extension.exports`. */
export interface SidecarExtensionApi {
  readonly client: LanguageClient;
  statusBarText(): string;
  /** Resolves once the language server has started (rejects if it could not start). */
  readonly ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): SidecarExtensionApi {
  const output = vscode.window.createOutputChannel('Sidecar', { log: true });
  const errorHandler = new RestartingErrorHandler(output);
  const statusBar = new SidecarStatusBar();
  const languageClient = createLanguageClient(context, output, errorHandler);
  client = languageClient;

  const refreshServerStatus = async (): Promise<void> => {
    // The active document's uri lets a server that honours it answer with the version a
    // .sidecarlint.yaml next to that document selects; servers that ignore params answer globally.
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    try {
      statusBar.setServerStatus(await languageClient.sendRequest(StatusRequest.type, { uri }));
    } catch (err) {
      // The status bar text already follows the setting; only the tooltip lacks the server's view.
      output.debug(`${StatusRequest.method} failed: ${err instanceof Error ? err.message : String(err)}`);
      statusBar.setServerStatus(undefined);
    }
  };

  context.subscriptions.push(
    output,
    statusBar,
    languageClient.onDidChangeState(({ newState }) => {
      statusBar.setState(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped');
      // Covers automatic restarts after a crash as well as the first start.
      if (newState === State.Running) void refreshServerStatus();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sidecar') && languageClient.isRunning()) void refreshServerStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (isServedLanguage(editor?.document.languageId) && languageClient.isRunning()) void refreshServerStatus();
    }),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      output.info('Restarting the language server on request.');
      errorHandler.reset();
      // stop() rejects when the server is already dead; starting again is what the user asked for.
      if (languageClient.needsStop()) await languageClient.stop().catch((err: unknown) => output.warn(`stop failed: ${String(err)}`));
      await languageClient.start();
    }),
  );

  registerTopology(context, languageClient);
  context.subscriptions.push(registerAddSharedVolume(), registerSetKubernetesVersion());

  const ready = languageClient.start().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    output.error(`The sidecar language server failed to start: ${message}`);
    statusBar.setState('stopped');
    throw err;
  });
  // Callers that never await `ready` must not see an unhandled rejection; the error is logged above.
  ready.catch(() => undefined);

  return {
    client: languageClient,
    statusBarText: () => statusBar.text,
    ready,
  };
}

export async function deactivate(): Promise<void> {
  // stop() throws if the client never reached Running; shutting down VS Code must not surface that.
  if (client?.needsStop()) await client.stop().catch(() => undefined);
  client = undefined;
}
