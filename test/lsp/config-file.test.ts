import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, LspClient } from './client';

// A pod with a native sidecar (an error on 1.27) and a duplicate container name.
const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: shipper
      image: fluent/fluent-bit:3.1
      restartPolicy: Always
  containers:
    - name: web
      image: example/web:1.0
    - name: web
      image: example/web:1.0
`;
const watched = ['native-sidecar-unsupported-version', 'duplicate-container-name'];
const codes = (diagnostics: { code?: number | string }[]) => diagnostics.map((d) => String(d.code)).filter((c) => watched.includes(c)).sort();

describe('.sidecarlint.yaml in the language server', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecarlint-lsp-'));
  const manifests = path.join(workspace, 'deploy', 'web');
  const configPath = path.join(workspace, '.sidecarlint.yaml');
  let client: LspClient;

  before(async () => {
    fs.mkdirSync(manifests, { recursive: true });
    fs.writeFileSync(configPath, 'kubernetesVersion: "1.27"\nrules:\n  duplicate-container-name: off\n');
    // The editor holds only defaults: the file decides.
    client = new LspClient({ configuration: { kubernetesVersion: '1.34', rules: {} }, rootUri: fileUri(workspace) });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('applies the nearest config file above the document, up to the workspace folder', async () => {
    const diagnostics = await client.open(fileUri(manifests, 'pod.yaml'), pod);
    assert.deepEqual(codes(diagnostics), ['native-sidecar-unsupported-version']);
  });

  it('re-validates open documents when the client reports the file changed', async () => {
    const uri = fileUri(manifests, 'pod.yaml');
    fs.writeFileSync(configPath, 'kubernetesVersion: "1.33"\n');
    const republished = client.nextDiagnostics(uri, (p) => codes(p.diagnostics).includes('duplicate-container-name'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: 2 }] });
    assert.deepEqual(codes((await republished).diagnostics), ['duplicate-container-name']);
  });

  it('forgets a deleted config file', async () => {
    const uri = fileUri(manifests, 'pod.yaml');
    fs.writeFileSync(configPath, 'rules:\n  duplicate-container-name: off\n');
    let republished = client.nextDiagnostics(uri, (p) => codes(p.diagnostics).length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: 2 }] });
    assert.deepEqual(codes((await republished).diagnostics), []);
    fs.rmSync(configPath);
    republished = client.nextDiagnostics(uri, (p) => codes(p.diagnostics).length > 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: 3 }] });
    assert.deepEqual(codes((await republished).diagnostics), ['duplicate-container-name']);
  });
});

describe('meshes in .sidecarlint.yaml in the language server', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecarlint-meshes-'));
  const configPath = path.join(workspace, '.sidecarlint.yaml');
  // The example without its classic annotation: the mesh setting decides the proxy's mode.
  const job = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'mesh', 'job-istio-injected.yaml'), 'utf8').replace('      annotations:\n        sidecar.istio.io/nativeSidecar: "false"\n', '');
  const blocked = (diagnostics: { code?: number | string }[]) => diagnostics.some((d) => d.code === 'injected-sidecar-blocks-job');
  let client: LspClient;

  before(async () => {
    fs.writeFileSync(configPath, 'meshes:\n  istio:\n    defaultMode: native\n');
    // As VS Code sends them: every mesh setting with its default filled in.
    const meshes = { istio: { enabled: true, defaultMode: 'auto' }, linkerd: { enabled: true, defaultMode: 'auto' }, vault: { enabled: true } };
    // Kubernetes 1.32: Istio's default (auto) is classic there, so only the file's native makes the Job clean.
    client = new LspClient({ configuration: { kubernetesVersion: '1.32', rules: {}, meshes }, rootUri: fileUri(workspace) });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('simulates the mesh as the file says, as the CLI does, and follows a change of the file', async () => {
    const uri = fileUri(workspace, 'job.yaml');
    assert.doesNotMatch(job, /^\s+sidecar\.istio\.io\/nativeSidecar:/m, 'the pod writes no mode');
    assert.ok(!blocked(await client.open(uri, job)), 'native Istio proxy: the Job completes');
    fs.writeFileSync(configPath, 'meshes:\n  istio: {defaultMode: classic}\n');
    const republished = client.nextDiagnostics(uri, (p) => blocked(p.diagnostics));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: 2 }] });
    assert.ok(blocked((await republished).diagnostics));
  });
});
