import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openYaml, rangeOf, sidecarApi } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion and hover in a real VS Code', () => {
  teardown(async () => {
    // Leave the fixture as it was for the next test: revert the unsaved edits.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('typing inside a container offers volumeMounts with a snippet in the file style', async () => {
    // Open first: the extension must come up by onLanguage:yaml, as the activation test expects.
    const editor = await openYaml('completion-pod.yaml');
    await sidecarApi();
    const document = editor.document;
    const imageLine = rangeOf(document, 'image: nginx:1.27.5').start.line;
    const typed = '      volu';
    const inserted = await editor.edit((edit) => edit.insert(new vscode.Position(imageLine + 1, 0), `${typed}\n`));
    assert.ok(inserted, 'the edit applied');
    const caret = new vscode.Position(imageLine + 1, typed.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, caret);
    const mounts = list.items.find((item) => labelOf(item) === 'volumeMounts');
    assert.ok(mounts, `volumeMounts offered; got: ${list.items.map(labelOf).slice(0, 30).join(', ')}`);
    const insert = mounts.insertText instanceof vscode.SnippetString ? mounts.insertText.value : String(mounts.insertText ?? '');
    assert.equal(insert, 'volumeMounts:\n        - name: $1\n          mountPath: $2');
    assert.ok(!list.items.some((item) => labelOf(item) === 'image'), 'keys already present are not offered');
  });

  test('a volume mount name offers the pod volumes', async () => {
    // Open first: the extension must come up by onLanguage:yaml, as the activation test expects.
    const editor = await openYaml('completion-pod.yaml');
    await sidecarApi();
    const document = editor.document;
    const imageLine = rangeOf(document, 'image: nginx:1.27.5').start.line;
    const text = '      volumeMounts:\n        - name: ';
    await editor.edit((edit) => edit.insert(new vscode.Position(imageLine + 1, 0), `${text}\n`));
    const caret = new vscode.Position(imageLine + 2, '        - name: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, caret);
    assert.ok(list.items.some((item) => labelOf(item) === 'logs'), `the volume "logs" offered; got: ${list.items.map(labelOf).join(', ')}`);
  });

  test('the contributed snippet file and the server both offer whole manifests in an empty document', async () => {
    const editor = await openYaml('completion-empty.yaml');
    await sidecarApi();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n'));
    const caret = new vscode.Position(editor.document.lineCount - 1, 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, caret);
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('k8s-job-native-sidecar'), `the static snippet (by prefix); got: ${labels.slice(0, 40).join(', ')}`);
    assert.ok(labels.includes('Job with a native sidecar'), 'the server snippet');
    assert.ok(labels.includes('Deployment'), 'the kinds');
  });

  test('hovering a native sidecar name shows its role', async () => {
    // Open first: the extension must come up by onLanguage:yaml, as the activation test expects.
    const editor = await openYaml('completion-pod.yaml');
    await sidecarApi();
    const at = rangeOf(editor.document, 'log-shipper').start.translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /native sidecar #1 in start order/);
  });
});
