import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Location, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from './client';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'workspace', 'shop');

/** `config/config.yaml:3:9-3:26` (0-based line and character, as LSP has them). */
function at(root: string, uri: string, range: Range): string {
  return `${path.relative(root, fileURLToPath(uri)).split(path.sep).join('/')}:${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

describe('language server: the workspace index (definition, references, rename, symbols over stdio)', () => {
  let client: LspClient;
  let root: string;
  const read = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
  const position = (relative: string, needle: string, nth = 1, into = 1) => {
    const text = read(relative);
    let offset = -1;
    for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} not in ${relative}`);
    const before = text.slice(0, offset + into).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  before(async () => {
    // A copy, so the test can change files on the disk; node_modules/ comes along and must stay out of the index.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-workspace-'));
    fs.cpSync(fixture, root, { recursive: true });
    client = new LspClient({ rootUri: fileUri(root), workDoneProgress: true });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the dangling ConfigMap reference once the index is built, with progress from begin to end', async () => {
    const uri = fileUri(root, 'app', 'web.yaml');
    const indexed = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'dangling-reference'));
    await client.open(uri, read('app/web.yaml'));
    const { diagnostics } = await indexed;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'dangling-reference').map((d) => [at(root, uri, d.range), d.severity, d.message]),
      [[
        'app/web.yaml:41:24-41:33',
        2,
        'env[].valueFrom.configMapKeyRef.name: ConfigMap "web-confg" is not defined in namespace "shop" of the workspace, which defines ConfigMap "fluent-bit-config" and "web-config" there. Did you mean "web-config"?',
      ]],
    );
    assert.match(diagnostics.find((d) => d.code === 'dangling-reference')?.codeDescription?.href ?? '', /docs\/rules\/dangling-reference\.md$/);
    assert.equal(client.progress[0].kind, 'begin');
    assert.equal(client.progress[0].title, 'Indexing Kubernetes manifests');
    assert.equal(client.progress[client.progress.length - 1].kind, 'end');
    assert.ok(client.progress.some((p) => p.kind === 'report' && p.message === '6/6 files'), JSON.stringify(client.progress));
  });

  it('goes to definition from a configMap name to its ConfigMap in another file', async () => {
    const result = await client.connection.sendRequest<Location[]>('textDocument/definition', {
      textDocument: { uri: fileUri(root, 'app', 'web.yaml') },
      position: position('app/web.yaml', 'name: fluent-bit-config', 1, 10),
    });
    assert.deepEqual(result.map((l) => at(root, l.uri, l.range)), ['config/config.yaml:3:8-3:25']);
  });

  it('finds the references of a ServiceAccount across files, and the Services that target a container port', async () => {
    await client.open(fileUri(root, 'rbac', 'web.yaml'), read('rbac/web.yaml'));
    const references = await client.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: fileUri(root, 'rbac', 'web.yaml') },
      position: position('rbac/web.yaml', 'name: web', 1, 7),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(references.map((l) => at(root, l.uri, l.range)), ['rbac/web.yaml:3:8-3:11', 'app/web.yaml:14:26-14:29', 'rbac/web.yaml:17:10-17:13']);
    const ports = await client.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: fileUri(root, 'app', 'web.yaml') },
      position: position('app/web.yaml', 'name: proxy', 1, 7),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(ports.map((l) => at(root, l.uri, l.range)), ['app/services.yaml:11:18-11:23']);
  });

  it('renames a ConfigMap and its reference in another file in one WorkspaceEdit', async () => {
    await client.open(fileUri(root, 'config', 'config.yaml'), read('config/config.yaml'));
    const edit = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: fileUri(root, 'config', 'config.yaml') },
      position: position('config/config.yaml', 'fluent-bit-config'),
      newName: 'shipper-config',
    });
    assert.deepEqual(
      Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map((e) => `${at(root, uri, e.range)} ${e.newText}`)),
      ['config/config.yaml:3:8-3:25 shipper-config', 'app/web.yaml:46:18-46:35 shipper-config'],
    );
  });

  it('refuses to rename a label that a selector shares with another workload, saying why', async () => {
    await client.open(fileUri(root, 'app', 'backend.yaml'), read('app/backend.yaml'));
    await assert.rejects(
      client.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: fileUri(root, 'app', 'backend.yaml') },
        position: position('app/backend.yaml', 'tier: backend', 1, 7),
        newName: 'services',
      }),
      (error: Error & { code?: number }) =>
        error.code === -32803 &&
        error.message === 'Renaming label "tier" would change the selector of PodDisruptionBudget "backend", which also selects Deployment "worker": those pods would drop out of it. Rename the label on them too, by hand.',
    );
  });

  it('lists workspace symbols as kind/namespace/name, without the files under node_modules', async () => {
    const symbols = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'configmap/' });
    assert.deepEqual(symbols.map((s) => `${s.name} ${at(root, s.location.uri, s.location.range)}`).sort(), [
      'ConfigMap/shop/fluent-bit-config config/config.yaml:3:8-3:25',
      'ConfigMap/shop/web-config config/config.yaml:13:8-13:18',
    ]);
  });

  it('follows a file created on the disk (workspace/didChangeWatchedFiles): the reference no longer dangles', async () => {
    const uri = fileUri(root, 'app', 'web.yaml');
    fs.writeFileSync(path.join(root, 'config', 'web-confg.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-confg\n  namespace: shop\n');
    const resolved = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'dangling-reference'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(root, 'config', 'web-confg.yaml'), type: 1 }] });
    await resolved;
    const definition = await client.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: position('app/web.yaml', 'web-confg') });
    assert.deepEqual(definition.map((l) => at(root, l.uri, l.range)), ['config/web-confg.yaml:3:8-3:17']);
  });

  it('navigates with the version of another buffer edited right before the request, before its diagnostics', async () => {
    // The request thread takes an edited buffer into its index when a request reads the index, not on the edit.
    const config = fileUri(root, 'config', 'config.yaml');
    const checked = client.nextDiagnostics(config, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: `# one line more\n${read('config/config.yaml')}` }] });
    const definition = await client.connection.sendRequest<Location[]>('textDocument/definition', {
      textDocument: { uri: fileUri(root, 'app', 'web.yaml') },
      position: position('app/web.yaml', 'name: fluent-bit-config', 1, 10),
    });
    assert.deepEqual(definition.map((l) => at(root, l.uri, l.range)), ['config/config.yaml:4:8-4:25']);
    const symbols = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'configmap/web-config' });
    assert.deepEqual(symbols.map((s) => at(root, s.location.uri, s.location.range)), ['config/config.yaml:14:8-14:18']);
    await checked;
  });
});

describe('language server: the workspace index leaves out what .gitignore and files.exclude leave out', () => {
  let client: LspClient;
  let root: string;
  const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  const symbols = async () =>
    (await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'configmap/' })).map((s) => `${s.name} ${at(root, s.location.uri, s.location.range).replace(/:.*/, '')}`).sort();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-filtered-'));
    fs.mkdirSync(path.join(root, '.git'));
    write('.gitignore', 'rendered/\n*.local.yaml\n');
    write('app/.gitignore', '!keep.local.yaml\n');
    write('app/app.yaml', configMap('app'));
    write('app/mine.local.yaml', configMap('mine'));
    write('app/keep.local.yaml', configMap('kept'));
    write('rendered/out.yaml', configMap('rendered'));
    write('generated/gen.yaml', configMap('generated'));
    write('scratch/tmp.yaml', configMap('scratch'));
    client = new LspClient({ rootUri: fileUri(root), workDoneProgress: true, configuration: {}, sections: { 'files.exclude': { '**/generated': true, '**/scratch': false } } });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes only what git and files.exclude keep (a deeper .gitignore re-includes; a glob set to false excludes nothing)', async () => {
    assert.deepEqual(await symbols(), ['ConfigMap/default/app app/app.yaml', 'ConfigMap/default/kept app/keep.local.yaml', 'ConfigMap/default/scratch scratch/tmp.yaml']);
  });

  it('ignores watched files in an ignored folder', async () => {
    write('rendered/new.yaml', configMap('rendered-new'));
    write('app/new.yaml', configMap('new'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(root, 'rendered', 'new.yaml'), type: 1 }, { uri: fileUri(root, 'app', 'new.yaml'), type: 1 }],
    });
    // Notifications are handled in order: once app/new.yaml is in, rendered/new.yaml has been looked at too.
    let listed: string[] = [];
    for (let attempt = 0; attempt < 200 && !listed.includes('ConfigMap/default/new app/new.yaml'); attempt++) listed = await symbols();
    assert.deepEqual(listed, ['ConfigMap/default/app app/app.yaml', 'ConfigMap/default/kept app/keep.local.yaml', 'ConfigMap/default/new app/new.yaml', 'ConfigMap/default/scratch scratch/tmp.yaml']);
  });
});
