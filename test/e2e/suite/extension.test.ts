import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  extensionId, openYaml, rangeOf, sidecarApi, sidecarDiagnostics, waitFor, waitForDiagnostics, withTimeout,
} from './helpers';

suite('sidecar extension in a real VS Code', () => {
  test('opening a YAML file activates the extension', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded`);
    await openYaml('valid-pod.yaml');
    // No activate() call here: only the onLanguage:yaml event may activate it.
    await waitFor(() => extension.isActive, 'activation on onLanguage:yaml', 30_000);
    const api = await sidecarApi();
    assert.ok(api.client.isRunning(), 'the language client is running');
  });

  test('a bad pod gets sidecar diagnostics at the right ranges', async () => {
    await sidecarApi();
    const editor = await openYaml('bad-pod.yaml');
    const document = editor.document;
    const keyRange = rangeOf(document, 'volumeMount:').with({ end: rangeOf(document, 'volumeMount:').start.translate(0, 'volumeMount'.length) });
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => d.message.includes('volumeMount')),
      'an unknown-field diagnostic for volumeMount',
    );
    const unknownField = diagnostics.find((d) => d.message.includes('volumeMount'));
    assert.ok(unknownField);
    assert.deepEqual(
      [unknownField.range.start.line, unknownField.range.start.character, unknownField.range.end.line, unknownField.range.end.character],
      [keyRange.start.line, keyRange.start.character, keyRange.end.line, keyRange.end.character],
      `range of the key volumeMount, got: ${unknownField.message}`,
    );
    const portLine = rangeOf(document, 'containerPort').start.line;
    assert.ok(
      diagnostics.some((d) => d.range.start.line === portLine),
      `a diagnostic on the containerPort line ${portLine + 1}; got:\n${diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n')}`,
    );
  });

  suite('status bar', () => {
    teardown(async () => {
      await vscode.workspace.getConfiguration('sidecar').update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Workspace);
    });

    test('shows the Kubernetes version and follows the setting', async () => {
      const api = await sidecarApi();
      await openYaml('valid-pod.yaml');
      const configured = vscode.workspace.getConfiguration('sidecar').get<string>('kubernetesVersion');
      assert.match(api.statusBarText(), new RegExp(`K8s ${configured?.replace('.', '\\.')}$`));

      await vscode.workspace.getConfiguration('sidecar').update('kubernetesVersion', '1.36', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => api.statusBarText().endsWith('K8s 1.36'), 'the status bar to show K8s 1.36', 10_000,
        vscode.workspace.onDidChangeConfiguration);
      assert.match(api.statusBarText(), /^\$\(check\) K8s 1\.36$/);
    });
  });

  test('a valid pod gets no sidecar diagnostics', async () => {
    await sidecarApi();
    const valid = await openYaml('valid-pod.yaml');
    // The server answers documents in order: once a later bad document has its diagnostics, the
    // valid one has been validated too, so "still empty" is a real result and not a race.
    const later = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n      volumeMount: []\n',
    });
    await waitForDiagnostics(later.uri, (ds) => ds.length > 0, 'diagnostics for a later untitled document');
    assert.deepEqual(sidecarDiagnostics(valid.document.uri).map((d) => d.message), []);
  });

  test('"Sidecar: Restart Language Server" brings the server back', async () => {
    const api = await sidecarApi();
    await withTimeout(Promise.resolve(vscode.commands.executeCommand('sidecar.restartServer')), 30_000, 'sidecar.restartServer');
    await waitFor(() => api.client.isRunning(), 'the client to run again', 30_000);
    const bad = await openYaml('bad-pod.yaml');
    await waitForDiagnostics(bad.document.uri, (ds) => ds.length > 0, 'diagnostics after the restart');
  });
});
