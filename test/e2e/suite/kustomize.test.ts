import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openYaml, rangeOf, sidecarApi, waitForDiagnostics, withTimeout } from './helpers';

// What the topology webview reported drawing (client/src/topology/panel.ts, test-only command).
interface TopologyRender {
  documentUri: string;
  workload: string;
  labels: string[];
  error?: string;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : diagnostic.code === undefined ? undefined : String(diagnostic.code);
}

suite('kustomize overlays in a real VS Code', () => {
  test('a patch that adds a log shipper shows the merged pod finding in the patch, and the topology draws the base container with the patch one, and redraws when the base is edited', async () => {
    await sidecarApi();
    const editor = await openYaml('kustomize/overlay/add-log-shipper.yaml');
    const document = editor.document;
    // shipper-mount-read-only needs the base's writer (container "orders"): only the merged pod has it.
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'shipper-mount-read-only'), 'the merged-pod finding shipper-mount-read-only');
    const finding = diagnostics.find((d) => codeOf(d) === 'shipper-mount-read-only');
    assert.ok(finding);
    assert.match(finding.message, /container "orders" writes/);
    const mount = rangeOf(document, '- name: logs\n              mountPath: /var/log/orders');
    assert.ok(finding.range.start.line >= mount.start.line && finding.range.start.line <= mount.start.line + 1, `on the patch's mount; at line ${finding.range.start.line + 1}`);
    // A patch is partial: no required-field errors, and the base's volume `logs` counts.
    const codes = diagnostics.map(codeOf);
    assert.ok(!codes.includes('missing-required-field') && !codes.includes('undefined-volume'), codes.join(', '));

    await vscode.commands.executeCommand('sidecar.showTopology');
    const render = await withTimeout(
      Promise.resolve(vscode.commands.executeCommand<TopologyRender>('sidecar.topology.lastRender', {
        documentUri: document.uri.toString(),
        labels: ['Deployment orders, as kustomization.yaml renders it', 'orders', 'from ../base/deployment.yaml', 'fluent-bit', 'from add-log-shipper.yaml', 'logs'],
        timeoutMs: 30_000,
      })),
      35_000,
      'the topology of the merged pod',
    );
    assert.equal(render.error, undefined);
    // The webview reports label lines in drawing order (a set): each container's name line is followed by its
    // "from …" line. The patch's container comes first (strategic merge puts the patch's list elements first).
    const lines = render.labels;
    const fromAfter = (name: string) => {
      const at = lines.indexOf(name);
      assert.ok(at >= 0, `a node named ${name}; lines: ${JSON.stringify(lines)}`);
      return lines.slice(at + 1).find((line) => line.startsWith('from '));
    };
    assert.equal(fromAfter('fluent-bit'), 'from add-log-shipper.yaml', JSON.stringify(lines));
    assert.equal(fromAfter('orders'), 'from ../base/deployment.yaml', JSON.stringify(lines));
    assert.ok(lines.indexOf('fluent-bit') < lines.indexOf('orders'), JSON.stringify(lines));

    // The panel follows the base too: an unsaved edit of ../base/deployment.yaml (the patch stays the tracked
    // document, the base is not even shown) is drawn.
    const base = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(document.uri, '..', '..', 'base', 'deployment.yaml'));
    const name = rangeOf(base, '- name: orders');
    const rename = new vscode.WorkspaceEdit();
    rename.replace(base.uri, new vscode.Range(name.end, name.end), '-blue');
    assert.ok(await vscode.workspace.applyEdit(rename), 'the edit of the base applies');
    try {
      const redrawn = await withTimeout(
        Promise.resolve(vscode.commands.executeCommand<TopologyRender>('sidecar.topology.lastRender', { documentUri: document.uri.toString(), labels: ['orders-blue', 'fluent-bit'], timeoutMs: 30_000 })),
        35_000,
        'the topology redrawn after the base changed',
      );
      assert.equal(redrawn.error, undefined);
    } finally {
      await vscode.window.showTextDocument(base);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
