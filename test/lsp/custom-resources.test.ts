import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from './client';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'custom-resources', 'crd-folder');

function brief(diagnostics: readonly Diagnostic[]): [string, number, string][] {
  return diagnostics.map((d) => [String(d.code), d.range.start.line, d.message]);
}

describe('language server: custom resources checked by the CustomResourceDefinition of another file', () => {
  let client: LspClient;
  let root: string;
  const read = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-crd-'));
    fs.cpSync(fixture, root, { recursive: true });
    client = new LspClient({ rootUri: fileUri(root), workDoneProgress: true });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the custom resource\'s mistakes once the workspace is indexed (the CRD file is not open)', async () => {
    const uri = fileUri(root, 'backup-bad.yaml');
    const indexed = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-field'));
    await client.open(uri, read('backup-bad.yaml'));
    const { diagnostics } = await indexed;
    assert.deepEqual(brief(diagnostics).slice(0, 3), [
      ['unknown-field', 4, 'Unknown field "lables" in ObjectMeta. Did you mean "labels"?'],
      ['unknown-field', 7, 'Unknown field "schedul" in Backup.spec. Did you mean "schedule"?'],
      ['invalid-type', 9, 'keepLast must be an integer, got the string "4"'],
    ]);
    assert.ok(diagnostics.some((d) => d.code === 'unknown-kind' && d.range.start.line === 18), JSON.stringify(brief(diagnostics)));
    assert.match(diagnostics[0].codeDescription?.href ?? '', /unknown-field/);
  });

  it('checks the custom resource again when its CRD is edited', async () => {
    const crUri = fileUri(root, 'backup-bad.yaml');
    const crdUri = fileUri(root, 'crd.yaml');
    const crd = read('crd.yaml');
    await client.open(crdUri, crd);
    // keepLast becomes a string in the CRD: the resource's "4" is right, and only that finding goes away.
    const rechecked = client.nextDiagnostics(crUri, (p) => !p.diagnostics.some((d) => d.code === 'invalid-type'));
    await client.change(crdUri, 2, crd.replace(/keepLast:\n(\s+)type: integer/, 'keepLast:\n$1type: string'));
    const { diagnostics } = await rechecked;
    assert.deepEqual(brief(diagnostics).slice(0, 2), [
      ['unknown-field', 4, 'Unknown field "lables" in ObjectMeta. Did you mean "labels"?'],
      ['unknown-field', 7, 'Unknown field "schedul" in Backup.spec. Did you mean "schedule"?'],
    ]);
  });

  it('completes and hovers a custom resource\'s fields from its CRD', async () => {
    const uri = fileUri(root, 'backup-good.yaml');
    const text = read('backup-good.yaml');
    await client.open(uri, text);
    const lines = text.split('\n');
    const specLine = lines.indexOf('spec:');
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: specLine + 1, character: 2 } });
    const labels = list.items.map((item) => item.label);
    assert.ok(labels.includes('suspend'), labels.join(', '));
    const scheduleLine = lines.findIndex((line) => line.startsWith('  schedule:'));
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: scheduleLine, character: 4 } });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /When to run, in cron syntax/);
    assert.match(value, /required/);
    assert.match(value, /CustomResourceDefinition backups\.storage\.example\.com/);
  });
});
