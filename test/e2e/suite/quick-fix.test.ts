import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openYaml, sidecarApi, sidecarDiagnostics, waitForDiagnostics } from './helpers';

/** `code` of a diagnostic, whether VS Code keeps it plain or as {value, target} (when it links to docs). */
function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

suite('quick fixes in a real VS Code', () => {
  teardown(async () => {
    // Leave the workspace copy as it was for the other suites: drop the unsaved edits.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test("converts the docs' legacy Job sidecar into a native sidecar and the warning goes away", async () => {
    await sidecarApi();
    const editor = await openYaml('quick-fix-job.yaml');
    const document = editor.document;
    const [warning] = (await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'job-classic-sidecar'), 'the job-classic-sidecar warning'))
      .filter((d) => codeOf(d) === 'job-classic-sidecar');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(warning.range), 'logshipper');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      warning.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Convert "logshipper" to a native sidecar'));
    assert.ok(fix, `the native-sidecar quick fix is offered; got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
    assert.ok(fix.edit, 'the fix carries its edit');

    const cleared = waitForDiagnostics(
      document.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'job-classic-sidecar') && document.getText().includes('initContainers:'),
      'the job-classic-sidecar warning to disappear after the fix',
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code applied the edit');
    await cleared;

    assert.equal(
      document.getText(),
      [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: myjob',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: logshipper',
        '          image: alpine:latest',
        '          restartPolicy: Always',
        "          command: ['sh', '-c', 'tail -F /opt/logs.txt']",
        '          volumeMounts:',
        '            - name: data',
        '              mountPath: /opt',
        '      containers:',
        '        - name: myjob',
        '          image: alpine:latest',
        `          command: ['sh', '-c', 'echo "logging" > /opt/logs.txt']`,
        '          volumeMounts:',
        '            - name: data',
        '              mountPath: /opt',
        '      restartPolicy: Never',
        '      volumes:',
        '        - name: data',
        '          emptyDir: {}',
        '',
      ].join('\n'),
    );
    const errors = sidecarDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => `${codeOf(d)}: ${d.message}`), [], 'no error after the fix');
  });

  test('offers the conversion as a refactoring on the extra container', async () => {
    await sidecarApi();
    const editor = await openYaml('quick-fix-job.yaml');
    const document = editor.document;
    await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'job-classic-sidecar'), 'diagnostics of the Job');
    const at = document.positionAt(document.getText().indexOf('tail -F'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.RefactorRewrite.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Convert "logshipper" to a native sidecar')), `got: ${titles.join(' | ')}`);
    assert.ok(actions.every((a) => a.kind && vscode.CodeActionKind.RefactorRewrite.contains(a.kind)));
  });

  test('Sidecar: Add Shared Volume writes the volume and the mounts through the server', async () => {
    await sidecarApi();
    const editor = await openYaml('shared-volume-pod.yaml');
    const document = editor.document;
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'diagnostics of the pod');
    const position = document.positionAt(document.getText().indexOf('name: shipper'));
    const target = { uri: document.uri.toString(), position: { line: position.line, character: position.character } };

    // The server command the client asks before prompting: which containers can share it.
    const pod = await vscode.commands.executeCommand<{ containers: { name: string; readOnly: boolean }[] }>('sidecar.server.podContainers', target);
    assert.deepEqual(pod.containers.map((c) => [c.name, c.readOnly]), [['web', false], ['shipper', true]]);

    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === document.uri.toString() && e.document.getText().includes('volumes:')) {
          listener.dispose();
          resolve();
        }
      });
    });
    const applied = await vscode.commands.executeCommand<boolean>('sidecar.addSharedVolume', {
      ...target,
      volumeName: 'logs',
      mountPath: '/var/log/nginx',
      containers: ['web', 'shipper'],
    });
    assert.equal(applied, true);
    await changed;
    assert.equal(
      document.getText(),
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web # no volumes yet',
        'spec:',
        '  containers:',
        '  - name: web',
        '    image: nginx:1.27 # serves files',
        '    volumeMounts:',
        '    - name: logs',
        '      mountPath: /var/log/nginx',
        '  - name: shipper',
        '    image: fluent/fluent-bit:4.0.3 # ships nginx logs',
        '    volumeMounts:',
        '    - name: logs',
        '      mountPath: /var/log/nginx',
        '      readOnly: true',
        '  restartPolicy: Always',
        '  volumes:',
        '  - name: logs',
        '    emptyDir:',
        '      sizeLimit: 500Mi',
        '',
      ].join('\n'),
    );
  });
});
