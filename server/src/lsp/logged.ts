import type { Connection } from 'vscode-languageserver/node';

/** Where handler failures go: window/logMessage, which VS Code shows in the "Sidecar" output channel. */
export type ErrorLog = Pick<Connection['console'], 'error'>;

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The one wrapper every LSP handler goes through: a bug in a handler is logged as `sidecar: <what> failed: <stack>`
 * and costs one answer, never the server. With `fallback` the request gets that answer (an empty completion list,
 * no hover); without, the error is rethrown and the connection sends it back as the response error, so a client
 * that shows it (the topology panel, a command) can say what went wrong.
 */
export function logged<A extends unknown[], R>(
  log: ErrorLog,
  what: string | ((...args: A) => string),
  handler: (...args: A) => R | Promise<R>,
  fallback?: () => R,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`sidecar: ${typeof what === 'string' ? what : what(...args)} failed: ${describeError(error)}`);
      if (fallback) return fallback();
      throw error;
    }
  };
}
