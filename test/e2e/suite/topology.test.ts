import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openYaml, rangeOf, sidecarApi, withTimeout } from './helpers';

// Mirrors client/src/topology/panel.ts: the webview lives in nested iframes the extension host cannot reach, so
// it reports what it drew and this test-only command hands that over, resolving on the render event.
interface TopologyRender {
  documentUri: string;
  workload: string;
  tab: string;
  labels: string[];
  error?: string;
}
interface RenderWait {
  documentUri?: string;
  labels?: string[];
  absent?: string[];
  timeoutMs?: number;
}

function nextRender(wait: RenderWait): Promise<TopologyRender> {
  return withTimeout(
    Promise.resolve(vscode.commands.executeCommand<TopologyRender>('sidecar.topology.lastRender', { timeoutMs: 30_000, ...wait })),
    35_000,
    `a topology render with ${JSON.stringify(wait)}`,
  );
}

suite('pod topology panel', () => {
  test('"Sidecar: Show Pod Topology" opens a panel that draws the containers, and follows edits', async () => {
    await sidecarApi();
    const editor = await openYaml('topology-pod.yaml');
    const documentUri = editor.document.uri.toString();
    await vscode.commands.executeCommand('sidecar.showTopology');

    const first = await nextRender({ documentUri, labels: ['Pod topology-demo', 'log-shipper', 'native sidecar 1', 'web', 'logs'] });
    assert.equal(first.tab, 'flowchart');
    assert.equal(first.workload, 'Pod topology-demo');
    assert.ok(first.labels.some((l) => l.includes('reads /var/log/app')), JSON.stringify(first.labels));
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    assert.ok(
      tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sidecar.topology')),
      `a topology webview tab; tabs: ${tabs.map((t) => t.label).join(', ')}`,
    );

    // An edit in the YAML redraws the diagram (debounced) without any other action.
    const edit = new vscode.WorkspaceEdit();
    const nameRange = rangeOf(editor.document, 'log-shipper');
    edit.replace(editor.document.uri, nameRange, 'log-forwarder');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const second = await nextRender({ documentUri, labels: ['log-forwarder', 'web'], absent: ['log-shipper'] });
    assert.equal(second.error, undefined);

    // A mount of an undeclared volume shows up as a missing volume.
    const broken = new vscode.WorkspaceEdit();
    const mountName = rangeOf(editor.document, '        - name: logs\n          mountPath: /var/log/app\n  volumes');
    broken.replace(editor.document.uri, new vscode.Range(mountName.start.translate(0, '        - name: '.length), mountName.start.translate(0, '        - name: logs'.length)), 'cache');
    assert.ok(await vscode.workspace.applyEdit(broken));
    await nextRender({ documentUri, labels: ['cache', 'not declared in volumes', 'errors: undefined-volume'] });

    // Back to the file as it was, so other suites see it unchanged.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('draws the Service that routes to the pod and the ConfigMaps it reads from other files beside it', async () => {
    await sidecarApi();
    const editor = await openYaml('navigation/shipper.yaml');
    await vscode.commands.executeCommand('sidecar.showTopology');
    const render = await nextRender({
      documentUri: editor.document.uri.toString(),
      labels: ['Deployment shipper', 'Service shipper', 'in service.yaml', 'port 80 to 8080 http', 'ConfigMap shipper-config', 'ConfigMap shipper-settings', 'in config.yaml', 'volumes.configMap', 'envFrom.configMapRef'],
    });
    assert.equal(render.error, undefined);
  });

  test('a second call reuses the single panel', async () => {
    await sidecarApi();
    await openYaml('topology-pod.yaml');
    await vscode.commands.executeCommand('sidecar.showTopology');
    await vscode.commands.executeCommand('sidecar.showTopology');
    const panels = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sidecar.topology'));
    assert.equal(panels.length, 1);
  });
});
