// Types for the parts of code-server.mjs that tests import.
export function isLoopback(host: string): boolean;
export function freePort(host?: string): Promise<number>;
export interface CodeServer {
  base: string;
  port: number;
  logFile: string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
  workbenchUrl(target: { folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string; publicHost?: string }): string;
}
export function startCodeServer(opts: {
  runDir: string;
  workspace: string;
  host?: string;
  port?: number;
  password?: string;
  env?: Record<string, string>;
  logToConsole?: boolean;
}): Promise<CodeServer>;
