// Builds the LanguageClient for the sidecar server: node IPC transport, YAML and Compose documents, and an error
// handler that restarts a crashed server a bounded number of times instead of leaving the user without
// diagnostics (the default handler gives up after 4 crashes and shows a modal-ish error).
import type * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from './languages';

/** The id also names the trace setting: vscode-languageclient reads `${id}.trace.server`. */
export const clientId = 'sidecar';
export const clientName = 'Sidecar Language Server';

/** Same path in development and in the packaged .vsix because scripts/build.mjs bundles to it. */
export const serverModulePath = ['server', 'out', 'server.js'] as const;

export interface RestartPolicy {
  /** Restarts allowed inside the window before the client gives up. */
  readonly maxRestarts: number;
  readonly windowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { maxRestarts: 5, windowMs: 3 * 60 * 1000 };

/**
 * Restarts the server when its process dies, unless it died `maxRestarts` times within `windowMs`:
 * a server that crashes on every document would otherwise restart forever and spam the output.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly policy: RestartPolicy = defaultRestartPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.log.error(`Connection error (${count ?? 1}): ${error.message}${message ? ` while handling ${JSON.stringify(message).slice(0, 200)}` : ''}`);
    // A few read/write errors in a row happen while a process is dying; the close handler decides what follows.
    if ((count ?? 1) <= 3) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.policy.windowMs);
    if (this.restarts.length >= this.policy.maxRestarts) {
      const minutes = Math.round(this.policy.windowMs / 60000);
      const message = `The sidecar language server crashed ${this.restarts.length + 1} times in ${minutes} minutes and will not be restarted. ` +
        'Run "Sidecar: Restart Language Server" after fixing the cause (see the "Sidecar" output).';
      this.log.error(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.restarts.push(now);
    this.log.warn(`The sidecar language server stopped unexpectedly; restarting (${this.restarts.length}/${this.policy.maxRestarts} in this window).`);
    return { action: CloseAction.Restart, handled: true };
  }

  /** A manual restart is a fresh start: forget earlier crashes. */
  reset(): void {
    this.restarts = [];
  }
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  errorHandler: ErrorHandler,
): LanguageClient {
  const module = context.asAbsolutePath(serverModulePath.join('/'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // --nolazy compiles functions eagerly so breakpoints set before startup bind in the right place.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // Pushes `sidecar.*` with every didChangeConfiguration, so the server can skip a round trip.
    synchronize: { configurationSection: 'sidecar' },
    outputChannel,
    errorHandler,
  };
  return new LanguageClient(clientId, clientName, serverOptions, clientOptions);
}
