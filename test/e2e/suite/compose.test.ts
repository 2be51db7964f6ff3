import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openYaml, rangeOf, sidecarApi, waitForDiagnostics } from './helpers';

suite('Docker Compose files in a real VS Code', () => {
  test('compose.yaml (language dockercompose) gets the compose-unknown-service error on the name, with its page and a fix', async () => {
    await sidecarApi();
    const editor = await openYaml('compose-app/compose.yaml');
    const document = editor.document;
    // VS Code's own YAML extension names the language; the extension must serve it.
    assert.equal(document.languageId, 'dockercompose');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => typeof d.code === 'object' && d.code.value === 'compose-unknown-service'),
      'the compose-unknown-service error',
    );
    const finding = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'compose-unknown-service');
    assert.ok(finding && typeof finding.code === 'object');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    const name = rangeOf(document, 'service:ap"');
    assert.equal(document.getText(finding.range), 'ap');
    assert.equal(finding.range.start.character, name.start.character + 'service:'.length);
    assert.ok(finding.code.target.path.endsWith('/docs/rules/compose-unknown-service.md'), finding.code.target.toString());

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range);
    const fix = actions.find((a) => a.title.includes('"app"'));
    assert.ok(fix?.edit, `a fix to "app"; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(document.uri, (ds) => !ds.some((d) => typeof d.code === 'object' && d.code.value === 'compose-unknown-service'), 'the error to go');
    assert.match(document.getText(), /network_mode: "service:app"/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
