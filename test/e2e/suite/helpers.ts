// Waiting helpers for e2e tests: each waits on a VS Code event (or a cheap condition) with a deadline,
// so tests are as fast as the editor and fail with a message that names what never happened.
import * as vscode from 'vscode';
import type { SidecarExtensionApi } from '../../../client/src/extension';

export const extensionId = 'sidecar-tools.sidecar-lsp';
export const diagnosticSource = 'sidecar';

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves when `condition` holds. Re-checks when `event` fires, plus every 50 ms for state that has
 * no event (extension activation, status bar text).
 */
export function waitFor(condition: () => boolean, what: string, ms = 20_000, event?: vscode.Event<unknown>): Promise<void> {
  if (condition()) return Promise.resolve();
  const disposables: vscode.Disposable[] = [];
  const done = new Promise<void>((resolve) => {
    const check = () => { if (condition()) resolve(); };
    if (event) disposables.push(event(check));
    const interval = setInterval(check, 50);
    disposables.push({ dispose: () => clearInterval(interval) });
  });
  return withTimeout(done, ms, what).finally(() => disposables.forEach((d) => d.dispose()));
}

export function sidecarDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === diagnosticSource);
}

/** Waits until the diagnostics of `uri` from the sidecar server satisfy `accept`. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = 30_000,
): Promise<vscode.Diagnostic[]> {
  const changedForUri: vscode.Event<unknown> = (listener) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) listener(e);
    });
  await waitFor(() => accept(sidecarDiagnostics(uri)), what, ms, changedForUri);
  return sidecarDiagnostics(uri);
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openYaml(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Activates (or joins the running activation of) the extension and returns its typed API. */
export async function sidecarApi(): Promise<SidecarExtensionApi> {
  const extension = vscode.extensions.getExtension<SidecarExtensionApi>(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not loaded`);
  const api = await withTimeout(Promise.resolve(extension.activate()), 30_000, `activation of ${extensionId}`);
  await withTimeout(api.ready, 30_000, 'the language server to start');
  return api;
}

/** Offset-based lookup keeps tests independent of the fixture's exact line numbers. */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${document.uri.fsPath}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}
