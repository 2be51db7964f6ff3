import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openYaml, rangeOf, sidecarApi, waitFor, withTimeout, workspaceFile } from './helpers';

type Definition = vscode.Location | vscode.LocationLink;

function targetOf(definition: Definition): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in definition
    ? { uri: definition.targetUri, range: definition.targetSelectionRange ?? definition.targetRange }
    : { uri: definition.uri, range: definition.range };
}

function show(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** A position inside the value at the end of the last occurrence of `needle` (a reference's name, after its key). */
function inside(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().lastIndexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${document.uri.fsPath}`);
  return document.positionAt(offset + needle.length - 2);
}

suite('workspace navigation', () => {
  test('go to definition jumps from a configMap name to its ConfigMap in another file', async () => {
    await sidecarApi();
    const editor = await openYaml('navigation/shipper.yaml');
    const config = await vscode.workspace.openTextDocument(workspaceFile('navigation/config.yaml'));
    const expected = rangeOf(config, 'shipper-config');

    // The definition provider answers once the server's first indexing pass is over (it waits for it).
    const definitions = await withTimeout(
      Promise.resolve(vscode.commands.executeCommand<Definition[]>('vscode.executeDefinitionProvider', editor.document.uri, inside(editor.document, 'name: shipper-config'))),
      30_000,
      'the definition provider',
    );
    const targets = (definitions ?? []).map(targetOf);
    assert.deepEqual(
      targets.map((t) => `${t.uri.toString()} ${show(t.range)}`),
      [`${config.uri.toString()} ${show(expected)}`],
      'one definition: the name of ConfigMap "shipper-config" in config.yaml',
    );

    // The editor's own command (F12) opens the other file with the caret on the ConfigMap's name.
    const envFrom = inside(editor.document, 'name: shipper-settings');
    editor.selection = new vscode.Selection(envFrom, envFrom);
    const settings = rangeOf(config, 'shipper-settings');
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString() === config.uri.toString(),
      'config.yaml to become the active editor',
      20_000,
      vscode.window.onDidChangeActiveTextEditor,
    );
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.equal(show(active.selection), show(new vscode.Range(settings.start, settings.start)), 'the caret at the start of the ConfigMap name "shipper-settings"');
    assert.ok(active.visibleRanges.some((r) => r.contains(settings)), 'the ConfigMap name is visible');
  });
});
