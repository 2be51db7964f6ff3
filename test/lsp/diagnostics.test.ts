import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileUri, LspClient, POD } from './client';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'lsp');

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ configuration: { kubernetesVersion: '1.34' } });
    const result = await client.initialize();
    assert.equal(result.serverInfo?.name, 'sidecar-language-server');
  });
  after(() => client.stop());

  it('reports exactly the two mistakes of a bad pod, at the key and at the value', async () => {
    const text = fs.readFileSync(path.join(fixtures, 'bad-pod.yaml'), 'utf8');
    const diagnostics = await client.open(fileUri(fixtures, 'bad-pod.yaml'), text);
    const lines = text.split('\n');
    const shown = diagnostics.map((d) => ({
      code: d.code,
      text: lines[d.range.start.line].slice(d.range.start.character, d.range.end.character),
      line: d.range.start.line,
      source: d.source,
    }));
    assert.deepEqual(shown.sort((a, b) => a.line - b.line), [
      { code: 'unknown-field', text: 'volumeMount', line: 8, source: 'sidecar' },
      { code: 'invalid-type', text: '"abc"', line: 12, source: 'sidecar' },
    ]);
    assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics, null, 1));
    const unknown = diagnostics.find((d) => d.code === 'unknown-field');
    assert.match(unknown?.message ?? '', /Unknown field "volumeMount" in Container\. Did you mean "volumeMounts"\?/);
    const type = diagnostics.find((d) => d.code === 'invalid-type');
    assert.match(type?.message ?? '', /containerPort must be an integer, got the string "abc"/);
  });

  it('checks a custom resource by its bundled CRD schema: the Istio typo is a warning with the suggestion', async () => {
    const file = path.resolve(__dirname, '..', 'fixtures', 'crds', 'istio-virtualservice-typo.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const diagnostics = await client.open(pathToFileURL(file).toString(), text);
    const lines = text.split('\n');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), d.message]),
      [
        ['unknown-field', 2, 14, 'wieght', 'Unknown field "wieght" in VirtualService.spec.http[0].route[0]. Did you mean "weight"?'],
        ['invalid-type', 2, 19, '5', 'timeout must be a string, got the number 5'],
      ],
    );
  });

  it('re-validates on change, CRLF included, and clears diagnostics once fixed', async () => {
    const uri = fileUri(fixtures, 'edited.yaml');
    const bad = fs.readFileSync(path.join(fixtures, 'bad-pod.yaml'), 'utf8').replace(/\n/g, '\r\n');
    assert.equal((await client.open(uri, bad)).length, 2);
    const fixed = bad.replace('volumeMount:', 'volumeMounts:').replace('"abc"', '8080') + '  volumes:\r\n    - name: data\r\n      emptyDir: {sizeLimit: 1Gi}\r\n';
    const after = await client.change(uri, 2, fixed);
    assert.deepEqual(
      after.map((d) => d.code),
      [],
      JSON.stringify(after),
    );
  });

  it('checks the document just edited before the other open files, even when it is the larger one', async () => {
    const small = fileUri(fixtures, 'order-small.yaml');
    const large = fileUri(fixtures, 'order-large.yaml');
    await client.open(small, POD);
    // Opening the large file checks every open file again; once the small one is published, nothing of it waits.
    const smallAgain = client.nextDiagnostics(small);
    const text = Array.from({ length: 40 }, () => POD).join('---\n');
    await client.open(large, text);
    await smallAgain;
    const first = Promise.race([client.nextDiagnostics(large, (p) => p.version === 2).then(() => 'large'), client.nextDiagnostics(small).then(() => 'small')]);
    const both = Promise.all([client.nextDiagnostics(large, (p) => p.version === 2), client.nextDiagnostics(small)]);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: large, version: 2 }, contentChanges: [{ text: text.replace('bogus: true', 'bogus: false') }] });
    assert.equal(await first, 'large');
    await both;
  });

  it('links every diagnostic to its code page (codeDescription.href), rules and non-rule codes alike', async () => {
    const codesDir = path.resolve(__dirname, '..', 'fixtures', 'codes');
    const files = fs
      .readdirSync(codesDir)
      .filter((code) => code !== 'config-file')
      .map((code) => path.join(codesDir, code, 'bad.yaml'))
      // Fixtures for another target version (first line `# kubernetesVersion: …`) raise nothing at this client's 1.34.
      .filter((file) => !fs.readFileSync(file, 'utf8').startsWith('# kubernetesVersion:'));
    const seen = new Set<string>();
    for (const file of [path.join(fixtures, 'bad-pod.yaml'), ...files]) {
      const diagnostics = await client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
      assert.ok(diagnostics.length > 0, `${file} raised nothing`);
      for (const diagnostic of diagnostics) {
        seen.add(String(diagnostic.code));
        const href = diagnostic.codeDescription?.href;
        assert.ok(href, `${String(diagnostic.code)} in ${file} has no codeDescription`);
        assert.ok(fs.existsSync(fileURLToPath(href)), `${String(diagnostic.code)} links ${href}, which does not exist`);
      }
    }
    assert.ok(seen.has('missing-resources') && seen.has('yaml-syntax') && seen.has('unknown-field'), [...seen].join(', '));
  });

  it('leaves YAML that is not a Kubernetes manifest alone', async () => {
    const workflow = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
    assert.deepEqual(await client.open(fileUri(fixtures, 'workflow.yaml'), workflow), []);
  });

  it('answers the status request with the configured Kubernetes version', async () => {
    const status = await client.connection.sendRequest<{ kubernetesVersion: string }>('sidecar/status');
    assert.equal(status.kubernetesVersion, '1.34');
  });
});

describe('.sidecarlint.yaml in the editor', () => {
  it('underlines unknown rule ids and bad levels in the config file itself', async () => {
    const client = new LspClient({ configuration: {} });
    await client.initialize();
    try {
      const text = 'kubernetesVersion: "1.33"\nrules:\n  image-tagg: off\n  missing-probes: loud\n';
      const diagnostics = await client.open(fileUri(fixtures, '.sidecarlint.yaml'), text);
      const lines = text.split('\n');
      const underlined = diagnostics.map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)).sort();
      assert.deepEqual(underlined, ['image-tagg', 'loud']);
      assert.ok(diagnostics.every((d) => d.code === 'config-file' && d.source === 'sidecar'));
      assert.ok(diagnostics.every((d) => d.codeDescription && fs.existsSync(fileURLToPath(d.codeDescription.href))), JSON.stringify(diagnostics));
      assert.match(diagnostics.map((d) => d.message).join('\n'), /image-tag/);
    } finally {
      await client.stop();
    }
  });
});

describe('status for the active document', () => {
  it('reports the Kubernetes version a .sidecarlint.yaml next to the document selects, and the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-status-'));
    fs.writeFileSync(path.join(dir, '.sidecarlint.yaml'), 'kubernetesVersion: "1.33"\n');
    const client = new LspClient({ configuration: {}, rootUri: fileUri(dir) });
    await client.initialize();
    try {
      const inFolder = await client.connection.sendRequest<{ kubernetesVersion: string; configFile?: string }>('sidecar/status', { uri: fileUri(dir, 'pod.yaml') });
      assert.equal(inFolder.kubernetesVersion, '1.33');
      assert.equal(inFolder.configFile, path.join(dir, '.sidecarlint.yaml'));
      const global = await client.connection.sendRequest<{ kubernetesVersion: string; configFile?: string }>('sidecar/status', {});
      assert.equal(global.kubernetesVersion, '1.34');
      assert.equal(global.configFile, undefined);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
