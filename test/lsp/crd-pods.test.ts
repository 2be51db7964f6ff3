// Over stdio: a custom resource whose CRD (in another file, not open) embeds a pod template is part of the workspace
// as a Deployment is: its missing ConfigMap is reported (validation thread's index), definition and rename work
// (request thread's index).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { copiedFixture, fileUri, LspClient } from './client';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'workspace', 'crd-pods');

function at(root: string, uri: string, range: Range): string {
  return `${path.relative(root, fileURLToPath(uri)).split(path.sep).join('/')}:${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

describe('language server: the pods of custom resources across files', () => {
  let client: LspClient;
  const copy = copiedFixture(fixture, 'sidecar-crd-pods-');
  const { root, read, position } = copy;

  before(async () => {
    client = new LspClient({ rootUri: fileUri(root), workDoneProgress: true });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it("reports the custom resource's missing ConfigMap as the Deployment's, once the workspace is indexed", async () => {
    const messages: string[] = [];
    for (const relative of ['app/webapp.yaml', 'app/deployment.yaml']) {
      const uri = fileUri(root, ...relative.split('/'));
      const indexed = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'dangling-reference'));
      await client.open(uri, read(relative));
      const { diagnostics } = await indexed;
      const dangling = diagnostics.filter((d) => d.code === 'dangling-reference');
      assert.equal(dangling.length, 1, JSON.stringify(dangling));
      assert.equal(read(relative).split('\n')[dangling[0].range.start.line].slice(dangling[0].range.start.character, dangling[0].range.end.character), 'missing-config');
      messages.push(dangling[0].message);
    }
    assert.equal(messages[0], messages[1]);
    assert.match(messages[0], /^volumes\[\]\.configMap\.name: ConfigMap "missing-config" is not defined in namespace "shop"/);
  });

  it('goes to definition and renames from the custom resource to the ConfigMap in another file', async () => {
    const textDocument = { uri: fileUri(root, 'app', 'webapp.yaml') };
    const where = position('app/webapp.yaml', 'name: shop-config', 9);
    const definition = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument, position: where });
    assert.deepEqual(definition.map((l) => at(root, l.uri, l.range)), ['config/config.yaml:3:8-3:19']);
    const edit = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument, position: where, newName: 'shop-settings' });
    const changes = Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map((e) => `${at(root, uri, e.range)} ${e.newText}`));
    assert.deepEqual(changes.sort(), ['app/deployment.yaml:29:18-29:29 shop-settings', 'app/webapp.yaml:26:18-26:29 shop-settings', 'config/config.yaml:3:8-3:19 shop-settings']);
  });
});
