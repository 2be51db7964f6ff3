import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TopologyResult } from '../../server/src/protocol';
import { fileUri, LspClient } from './client';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'topology');

/** Line and character of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('sidecar/topology over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ configuration: {} });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  it('answers with the workload under the cursor first and node ranges in editor positions', async () => {
    const text = fs.readFileSync(path.join(fixtures, 'logging-pod.yaml'), 'utf8');
    const uri = fileUri(fixtures, 'logging-pod.yaml');
    await client.open(uri, text);
    const atSecond = await client.connection.sendRequest<TopologyResult>('sidecar/topology', {
      textDocument: { uri },
      position: positionOf(text, 'name: sidecar-native'),
    });
    assert.deepEqual(atSecond.workloads.map((w) => w.name), ['sidecar-native', 'sidecar-traditional']);
    const native = atSecond.workloads[0];
    assert.equal(native.kind, 'Pod');
    assert.match(native.mermaid, /^flowchart TB\n/);
    assert.match(native.sequence, /^sequenceDiagram\n/);
    // c0 is the first native sidecar: its range starts at its `name:` key in the second document (file positions,
    // not positions inside the document's chunk).
    const c0 = native.nodes.find((n) => n.id === 'c0');
    assert.deepEqual(c0?.range.start, positionOf(text, 'name: log-shipper\n      image: busybox:1.36\n      restartPolicy: Always'));
    assert.equal(native.range.start.line, positionOf(text, '---').line);

    const noPosition = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri } });
    assert.deepEqual(noPosition.workloads.map((w) => w.name), ['sidecar-traditional', 'sidecar-native']);
  });

  it('follows edits and reads Compose files, which get no Kubernetes validation', async () => {
    const uri = fileUri(fixtures, 'compose.yaml');
    const text = fs.readFileSync(path.join(fixtures, 'compose.yaml'), 'utf8');
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics, []);
    const first = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri } });
    assert.deepEqual(first.workloads.map((w) => `${w.kind} ${w.name}`), ['Compose compose.yaml']);
    assert.match(first.workloads[0].mermaid, /c2\["log-shipper<br\/>sidecar service/);

    await client.change(uri, 2, text.replace('log-shipper:', 'log-forwarder:'));
    const second = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri } });
    assert.match(second.workloads[0].mermaid, /c2\["log-forwarder<br\/>sidecar service/);
  });

  it('answers an empty list for documents it does not know or that hold no pod', async () => {
    const unknown = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri: 'file:///nowhere.yaml' } });
    assert.deepEqual(unknown, { workloads: [] });
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\n');
    const none = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri }, position: { line: 99, character: 0 } });
    assert.deepEqual(none, { workloads: [] });
  });

  it('says why a declined file has no diagram', async () => {
    const uri = 'untitled:Huge-1';
    const pod = fs.readFileSync(path.join(fixtures, 'native-sidecar-deployment.yaml'), 'utf8');
    await client.open(uri, Array.from({ length: Math.ceil((33 * 1024 * 1024) / pod.length) }, () => pod).join('---\n'));
    const result = await client.connection.sendRequest<TopologyResult>('sidecar/topology', { textDocument: { uri } });
    assert.deepEqual(result.workloads, []);
    assert.match(result.notice ?? '', /MB/);
  });
});
