import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from './client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: log-shipper
      image: fluent/fluent-bit:4.0.3
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:1.27.5
      volu
  volumes:
    - name: logs
      emptyDir:
        sizeLimit: 64Mi
`;

describe('completion and hover over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ configuration: { kubernetesVersion: '1.33' } });
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, [' ', '/']);
    assert.equal(result.capabilities.hoverProvider, true);
  });
  after(() => client.stop());

  it('completes a container key as a snippet, and follows edits', async () => {
    const uri = fileUri('completion-hover', 'pod.yaml');
    await client.open(uri, POD);
    const line = POD.split('\n').findIndex((l) => l === '      volu');
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 10 } });
    const mounts = list.items.find((i) => i.label === 'volumeMounts');
    assert.ok(mounts, list.items.map((i) => i.label).join(', '));
    assert.equal(mounts.insertTextFormat, 2);
    assert.deepEqual(mounts.textEdit, { range: { start: { line, character: 6 }, end: { line, character: 10 } }, newText: 'volumeMounts:\n        - name: $1\n          mountPath: $2' });

    const edited = POD.replace('      volu\n', '      volumeMounts:\n        - name: \n');
    await client.change(uri, 2, edited);
    const names = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: line + 1, character: 16 } });
    assert.deepEqual(names.items.map((i) => i.label), ['logs']);
  });

  it('hovers a native sidecar name with its role and the target version in key hovers', async () => {
    const uri = fileUri('completion-hover', 'hover.yaml');
    await client.open(uri, POD.replace('      volu\n', ''));
    const lines = POD.split('\n');
    const nameLine = lines.findIndex((l) => l.includes('log-shipper'));
    const role = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: nameLine, character: 16 } });
    assert.match((role?.contents as MarkupContent).value, /native sidecar #1 in start order/);
    const policyLine = lines.findIndex((l) => l.includes('restartPolicy'));
    const key = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: policyLine, character: 8 } });
    assert.match((key?.contents as MarkupContent).value, /Checked against Kubernetes 1\.33 \(the target\)/);
    assert.deepEqual(key?.range, { start: { line: policyLine, character: 6 }, end: { line: policyLine, character: 19 } });
  });

  it('answers an unknown document with an empty list and no hover', async () => {
    const uri = fileUri('completion-hover', 'never-opened.yaml');
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(list.items, []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });
});

describe('completion triggered by a space', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ configuration: {} });
    await client.initialize();
  });
  after(() => client.stop());

  it('opens value lists after `key: ` but stays quiet for indentation spaces', async () => {
    const uri = fileUri('completion-hover', 'trigger.yaml');
    const text = POD.replace('      volu\n', '      imagePullPolicy: \n        \n');
    await client.open(uri, text);
    const lines = text.split('\n');
    const policy = lines.findIndex((l) => l.startsWith('      imagePullPolicy: '));
    const triggered = { triggerKind: 2, triggerCharacter: ' ' };
    const values = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: policy, character: 23 }, context: triggered });
    assert.deepEqual(values.items.map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);
    const indentation = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: policy + 1, character: 8 }, context: triggered });
    assert.deepEqual(indentation.items, []);
    const invoked = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: policy + 1, character: 6 }, context: { triggerKind: 1 } });
    assert.ok(invoked.items.some((i) => i.label === 'volumeMounts'), 'an explicit request at the same kind of place answers');
  });
});
