import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TopologyResult } from '../../server/src/protocol';
import { fileUri, LspClient } from './client';

const root = path.resolve(__dirname, '..', 'fixtures', 'kustomize');

describe('language server: kustomize patches', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ rootUri: fileUri(root) });
    await client.initialize();
  });
  after(() => client.stop());

  it('a patch adding a classic sidecar to a Job shows the merged pod finding in the patch, with no required-field error', async () => {
    const text = fs.readFileSync(path.join(root, 'job-sidecar', 'overlay', 'cloud-sql-proxy.yaml'), 'utf8');
    const diagnostics = await client.open(fileUri(root, 'job-sidecar', 'overlay', 'cloud-sql-proxy.yaml'), text);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('job-classic-sidecar'), JSON.stringify(diagnostics));
    assert.ok(!codes.includes('missing-required-field'), JSON.stringify(diagnostics));
    const sidecar = diagnostics.find((d) => d.code === 'job-classic-sidecar');
    assert.equal(sidecar?.range.start.line, 8);
  });

  it('the open, unsaved buffer of the patch is what is merged', async () => {
    const uri = fileUri(root, 'log-shipper', 'overlay', 'log-shipper.yaml');
    const text = fs.readFileSync(path.join(root, 'log-shipper', 'overlay', 'log-shipper.yaml'), 'utf8');
    const first = await client.open(uri, text);
    assert.deepEqual(first.filter((d) => d.code === 'undefined-volume').length, 1, JSON.stringify(first));
    const edited = text.replace(/\n {12}- name: buffer\n {14}mountPath: \/buffer/, '');
    const after = await client.change(uri, 2, edited);
    assert.ok(!after.some((d) => d.code === 'undefined-volume' || d.code === 'missing-required-field'), JSON.stringify(after));
  });
});

describe('language server: kustomize inputs changed on disk', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-kustomize-'));
    fs.cpSync(path.join(root, 'log-shipper'), dir, { recursive: true });
    client = new LspClient({ rootUri: fileUri(dir) });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a base saved outside the editor (workspace/didChangeWatchedFiles) updates the open patch', { timeout: 30_000 }, async () => {
    const uri = fileUri(dir, 'overlay', 'log-shipper.yaml');
    const first = await client.open(uri, fs.readFileSync(path.join(dir, 'overlay', 'log-shipper.yaml'), 'utf8'));
    assert.equal(first.filter((d) => d.code === 'undefined-volume').length, 1, JSON.stringify(first));
    const base = path.join(dir, 'base', 'deployment.yaml');
    fs.writeFileSync(base, fs.readFileSync(base, 'utf8').replace('- name: logs\n          emptyDir', '- name: buffer\n          emptyDir: {}\n        - name: logs\n          emptyDir'));
    const published = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'undefined-volume'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(dir, 'base', 'deployment.yaml'), type: 2 }] });
    assert.deepEqual((await published).diagnostics.filter((d) => d.code === 'missing-required-field'), []);
  });
});

describe('language server: a patch and its base', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ rootUri: fileUri(root) });
    await client.initialize();
  });
  after(() => client.stop());
  const patchUri = fileUri(root, 'base-findings', 'overlay', 'drop-cache.yaml');
  const baseUri = fileUri(root, 'base-findings', 'base', 'deployment.yaml');
  const read = (...parts: string[]) => fs.readFileSync(path.join(root, ...parts), 'utf8');

  it('a merged-pod finding on the base (the patch deleted a volume the base mounts) is shown in the patch, with the base node as related information', async () => {
    const text = read('base-findings', 'overlay', 'drop-cache.yaml');
    const diagnostics = await client.open(patchUri, text);
    const finding = diagnostics.find((d) => d.code === 'undefined-volume');
    assert.ok(finding, JSON.stringify(diagnostics));
    assert.match(finding.message, /^In the merged pod \(kustomization\.yaml\), at \.\.\/base\/deployment\.yaml:23: Volume "cache" is mounted by container "api"/);
    // On the patched resource's name in the patch.
    const lines = text.split('\n');
    assert.equal(lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character), 'api');
    const related = finding.relatedInformation?.[0];
    assert.equal(related?.location.uri, baseUri);
    const base = read('base-findings', 'base', 'deployment.yaml').split('\n');
    assert.equal(related && base[related.location.range.start.line].slice(related.location.range.start.character, related.location.range.end.character), 'cache');
    assert.equal(related?.location.range.start.line, 22);
    // The base alone has no such finding, and its own findings are not repeated in the patch.
    assert.ok(!diagnostics.some((d) => d.code === 'missing-required-field' || d.code === 'image-tag'), JSON.stringify(diagnostics));
  });

  it('the topology of the patch names the files it was drawn from, and an edit of the base (not the patch) is drawn', async () => {
    const first = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri: patchUri } });
    assert.ok(first.dependsOn?.includes(baseUri), JSON.stringify(first.dependsOn));
    assert.ok(first.dependsOn?.includes(fileUri(root, 'base-findings', 'overlay', 'kustomization.yaml')), JSON.stringify(first.dependsOn));
    assert.ok(!first.dependsOn?.includes(patchUri));
    assert.match(first.workloads[0]?.mermaid ?? '', /\bapi\b/);
    const edited = read('base-findings', 'base', 'deployment.yaml').replace('- name: api\n', '- name: api-v2\n');
    await client.open(baseUri, edited);
    const second = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri: patchUri } });
    assert.match(second.workloads[0]?.mermaid ?? '', /api-v2/);
  });
});
