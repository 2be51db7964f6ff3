import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionItem, CompletionList, DocumentLink, Location } from 'vscode-languageserver/node';
import { fileUri, LspClient } from './client';

const root = path.resolve(__dirname, '..', 'fixtures', 'kustomize');
const overlay = path.join(root, 'log-shipper', 'overlay');

function lineOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server: navigation and completion in kustomizations and patches', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ rootUri: fileUri(root) });
    await client.initialize();
  });
  after(() => client.stop());

  const complete = async (uri: string, position: { line: number; character: number }, triggerCharacter?: string) =>
    (await client.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position,
      ...(triggerCharacter ? { context: { triggerKind: 2, triggerCharacter } } : {}),
    })).items;

  it('completes folders and files in resources and patches paths, after a typed "/" too', async () => {
    const uri = fileUri(overlay, 'kustomization.yaml');
    const text = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../\npatches:\n  - path: \n';
    await client.open(uri, text);
    const afterSlash = { line: 3, character: '  - ../'.length };
    const resources = await complete(uri, afterSlash, '/');
    const base = resources.find((item) => item.label === 'base');
    assert.ok(base, JSON.stringify(resources.map((item) => item.label)));
    assert.equal(base.detail, 'folder with kustomization.yaml');
    assert.deepEqual((base as CompletionItem & { textEdit: { newText: string } }).textEdit.newText, '../base');
    assert.ok(resources.some((item) => item.label === 'overlay/'), 'a folder to descend into');
    const patches = (await complete(uri, { line: 5, character: '  - path: '.length }, ' ')).map((item) => item.label);
    assert.ok(patches.includes('log-shipper.yaml'), JSON.stringify(patches));
    assert.ok(!patches.includes('kustomization.yaml'), 'the kustomization itself is no patch');
  });

  it('"/" in an ordinary manifest opens nothing', async () => {
    const uri = fileUri(root, 'log-shipper', 'base', 'deployment.yaml');
    const text = fs.readFileSync(path.join(root, 'log-shipper', 'base', 'deployment.yaml'), 'utf8');
    await client.open(uri, text);
    const at = lineOf(text, 'registry.example.com/');
    assert.deepEqual(await complete(uri, { line: at.line, character: at.character + 'registry.example.com/'.length }, '/'), []);
  });

  it('links each path of a kustomization to its file, and go-to-definition follows them', async () => {
    const uri = fileUri(overlay, 'kustomization.yaml');
    const text = fs.readFileSync(path.join(overlay, 'kustomization.yaml'), 'utf8');
    await client.open(uri, text);
    await client.change(uri, 2, text);
    const links = await client.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const targets = links.map((link) => link.target);
    assert.ok(targets.includes(fileUri(root, 'log-shipper', 'base', 'kustomization.yaml')), JSON.stringify(targets));
    assert.ok(targets.includes(fileUri(overlay, 'log-shipper.yaml')), JSON.stringify(targets));
    const baseLink = links.find((link) => link.target === fileUri(root, 'log-shipper', 'base', 'kustomization.yaml'));
    assert.deepEqual(baseLink?.range.start, { line: lineOf(text, '../base').line, character: 4 });
    const definition = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: lineOf(text, 'log-shipper.yaml') });
    assert.deepEqual(definition.map((l) => l.uri), [fileUri(overlay, 'log-shipper.yaml')]);
  });

  it('in a patch: definition goes to the patched resource and to the base volume a mount names', async () => {
    const uri = fileUri(overlay, 'log-shipper.yaml');
    const text = fs.readFileSync(path.join(overlay, 'log-shipper.yaml'), 'utf8');
    await client.open(uri, text);
    const baseText = fs.readFileSync(path.join(root, 'log-shipper', 'base', 'deployment.yaml'), 'utf8');
    const baseUri = fileUri(root, 'log-shipper', 'base', 'deployment.yaml');
    const onName = lineOf(text, 'name: web');
    const resource = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: onName.line, character: onName.character + 7 } });
    // First the base's resource; the workspace index may add the patch's own declaration after it.
    assert.deepEqual(resource.slice(0, 1).map((l) => [l.uri, l.range.start.line]), [[baseUri, lineOf(baseText, 'name: web').line]]);
    const onMount = lineOf(text, '- name: logs');
    const volume = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: onMount.line, character: onMount.character + 10 } });
    assert.deepEqual(volume.map((l) => [l.uri, l.range.start.line]), [[baseUri, lineOf(baseText, '      volumes:\n        - name: logs').line + 1]]);
  });

  it('a code lens over the patch names the kustomization that uses it and what it patches', async () => {
    const uri = fileUri(overlay, 'log-shipper.yaml');
    await client.open(uri, fs.readFileSync(path.join(overlay, 'log-shipper.yaml'), 'utf8'));
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title]), [[0, 'Patch of Deployment web (../base/deployment.yaml) in kustomization.yaml']]);
    const base = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: fileUri(root, 'log-shipper', 'base', 'deployment.yaml') } });
    assert.deepEqual(base, [], 'a file no kustomization patches with has none');
  });

  it('completion in a patch offers the base volumes for a mount and the merged container ports for a probe', async () => {
    const uri = fileUri(overlay, 'log-shipper.yaml');
    const text = fs.readFileSync(path.join(overlay, 'log-shipper.yaml'), 'utf8')
      .replace('            - name: buffer\n', '            - name: \n')
      + '        - name: app\n          livenessProbe:\n            httpGet:\n              port: \n';
    await client.open(uri, text, 3);
    const mount = lineOf(text, '- name: \n');
    const volumes = await complete(uri, { line: mount.line, character: mount.character + '- name: '.length });
    const logs = volumes.find((item) => item.label === 'logs');
    assert.equal(logs?.detail, 'volume from ../base/deployment.yaml', JSON.stringify(volumes.map((item) => item.label)));
    const port = lineOf(text, 'port: \n');
    const ports = (await complete(uri, { line: port.line, character: port.character + 'port: '.length })).map((item) => item.label);
    assert.ok(ports.includes('http'), JSON.stringify(ports));
    const container = lineOf(text, '- name: app');
    const containers = (await complete(uri, { line: container.line, character: container.character + '- name: '.length })).map((item) => item.label);
    assert.ok(containers.includes('app'), JSON.stringify(containers));
  });
});
