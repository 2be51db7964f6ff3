import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
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
