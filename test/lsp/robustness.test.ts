import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol/node';
import { LspClient, POD } from './client';

// The built server (npm run build) driven over stdio with whatever a buggy or hostile client might send.
// After each burst the server must still be alive and still answer correctly.

/** A request either answers or fails with a JSON-RPC error; either is fine, a dead server is not. */
async function settle(promise: Promise<unknown>): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
  try {
    return { result: await promise };
  } catch (error) {
    if (error instanceof ResponseError) return { error };
    throw error;
  }
}

describe('the server survives whatever a client sends', () => {
  let client: LspClient;
  let probe = 0;

  /** Opens a fresh document and checks the server still validates it: unknown-field on `bogus`. */
  async function assertStillServing(): Promise<void> {
    assert.equal(client.process.exitCode, null, `the server exited:\n${client.stderr}`);
    const uri = `file:///robustness/probe-${++probe}.yaml`;
    const diagnostics = await client.open(uri, POD);
    const unknown = diagnostics.find((d) => d.code === 'unknown-field');
    assert.deepEqual(unknown?.range.start, { line: 8, character: 4 });
    const hover = await settle(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 5 } }));
    assert.equal(hover.error, undefined, 'hover on an open document answers');
  }

  before(async () => {
    client = new LspClient({ configuration: {} });
    await client.initialize();
  });

  after(async () => {
    if (process.env.DEBUG_STDERR) console.log(client.stderr);
    await client.stop();
  });

  it('requests for unknown URIs answer null or empty', async () => {
    const textDocument = { uri: 'file:///never/opened.yaml' };
    const position = { line: 0, character: 0 };
    for (const [method, params] of [
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['sidecar/topology', { textDocument, position }],
      ['workspace/executeCommand', { command: 'sidecar.server.podContainers', arguments: [{ uri: textDocument.uri, position }] }],
      ['workspace/executeCommand', { command: 'sidecar.server.addSharedVolume', arguments: [{ uri: textDocument.uri, position, volumeName: 'x', mountPath: '/x', containers: ['a'] }] }],
    ] as const) {
      const { result, error } = await settle(client.connection.sendRequest(method, params));
      assert.equal(error, undefined, `${method} fails with ${error?.message}`);
      const empty = result === null || (Array.isArray(result) && result.length === 0) || (typeof result === 'object' && result !== null && (
        ('items' in result && Array.isArray(result.items) && result.items.length === 0) ||
        ('workloads' in result && Array.isArray(result.workloads) && result.workloads.length === 0) ||
        ('applied' in result && result.applied === false)
      ));
      assert.ok(empty, `${method} on an unknown URI: ${JSON.stringify(result)}`);
    }
    await assertStillServing();
  });

  it('requests for a closed document answer like an unknown one', async () => {
    const uri = 'file:///robustness/closed.yaml';
    await client.open(uri, POD);
    const cleared = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    const completion = await settle(client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 4 } }));
    assert.equal(completion.error, undefined);
    const hover = await settle(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } }));
    assert.equal(hover.result ?? null, null);
    await assertStillServing();
  });

  it('positions beyond the end of the document (and of a line) are clamped, not fatal', async () => {
    const uri = 'file:///robustness/positions.yaml';
    await client.open(uri, POD);
    for (const position of [{ line: 9999, character: 0 }, { line: 2, character: 9999 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }]) {
      for (const method of ['textDocument/completion', 'textDocument/hover']) {
        const { error } = await settle(client.connection.sendRequest(method, { textDocument: { uri }, position }));
        assert.equal(error, undefined, `${method} at ${JSON.stringify(position)}: ${error?.message}`);
      }
      const actions = await settle(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } }));
      assert.equal(actions.error, undefined);
      const topology = await settle(client.connection.sendRequest('sidecar/topology', { textDocument: { uri }, position }));
      assert.equal(topology.error, undefined);
    }
    await assertStillServing();
  });

  it('malformed params get an error or an empty answer, never a crash', async () => {
    const uri = 'file:///robustness/malformed.yaml';
    await client.open(uri, POD);
    const garbage: [string, unknown][] = [
      ['textDocument/completion', null],
      ['textDocument/completion', {}],
      ['textDocument/completion', { textDocument: { uri } }],
      ['textDocument/completion', { textDocument: { uri }, position: 'here' }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: -5, character: -1 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 1.5, character: NaN } }],
      ['textDocument/hover', { textDocument: 42, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: null }, position: null }],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [{ code: 'unknown-field', data: 'not an object', range: null }] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [{ code: 'undefined-volume', message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, data: { volume: 42, containerPath: 'nope' } }] } }],
      ['sidecar/topology', null],
      ['sidecar/topology', { textDocument: { uri }, position: { line: 'x' } }],
      ['workspace/executeCommand', { command: 'sidecar.server.addSharedVolume', arguments: [{ uri, position: { line: 6, character: 4 }, volumeName: 42, containers: 'all' }] }],
      ['workspace/executeCommand', { command: 'sidecar.server.podContainers', arguments: null }],
      ['workspace/executeCommand', { command: 'no.such.command' }],
      ['sidecar/status', { unexpected: true }],
      ['no/such/method', {}],
    ];
    for (const [method, params] of garbage) {
      // sendRequest with `null` params sends none, as a sloppy client might.
      await settle(params === null ? client.connection.sendRequest(method) : client.connection.sendRequest(method, params));
    }
    const unknown = await settle(client.connection.sendRequest('no/such/method', {}));
    assert.ok(unknown.error, 'an unknown method is an error, not silence');
    await assertStillServing();
  });

  it('malformed notifications (changes to unknown documents, ranges past the end, bad text) are survived', async () => {
    const uri = 'file:///robustness/notifications.yaml';
    await client.open(uri, POD);
    const send = (method: string, params: unknown) => client.connection.sendNotification(method, params);
    await send('textDocument/didChange', { textDocument: { uri: 'file:///robustness/not-open.yaml', version: 2 }, contentChanges: [{ text: 'a: 1' }] });
    await send('textDocument/didClose', { textDocument: { uri: 'file:///robustness/not-open.yaml' } });
    await send('textDocument/didOpen', { textDocument: { uri: 'file:///robustness/bad-open.yaml', languageId: 'yaml', version: 1, text: null } });
    await send('textDocument/didOpen', {});
    await send('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } }, text: '# appended past the end\n' }] });
    await send('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: 'not a list' });
    await send('workspace/didChangeConfiguration', { settings: { sidecar: { rules: 'everything', kubernetesVersion: 7 } } });
    await send('$/setTrace', { value: 'verbose' });
    await send('no/such/notification', { x: 1 });
    // The document keeps working: a full replacement reaches validation with its version.
    const diagnostics = await client.change(uri, 4, POD.replace('bogus', 'bogus2'));
    assert.ok(diagnostics.some((d) => d.code === 'unknown-field' && d.message.includes('bogus2')));
    await assertStillServing();
  });

  it('cancelled requests are answered or cancelled, and the next request is served', async () => {
    const uri = 'file:///robustness/cancel.yaml';
    await client.open(uri, POD.repeat(1).replace('web', 'cancel'));
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const source = new CancellationTokenSource();
        const request = settle(client.connection.sendRequest(i % 2 ? 'textDocument/completion' : 'textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } }, source.token));
        source.cancel();
        return request;
      }),
    );
    for (const outcome of outcomes) {
      // -32800 is RequestCancelled; an answer that raced the cancellation is fine too.
      if (outcome.error) assert.equal(outcome.error.code, -32800, outcome.error.message);
    }
    await assertStillServing();
  });

  it('a document over the 32 MB editor limit and a binary one are declined with one notice each; features answer on them', { timeout: 60_000 }, async () => {
    const big = 'file:///robustness/huge.yaml';
    const text = `---\n${POD}`.repeat(Math.ceil((33 * 1024 * 1024) / (POD.length + 4)));
    const declined = await client.open(big, text);
    assert.deepEqual(declined.map((d) => [d.code, d.severity]), [['file-too-large', 3]]);
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      const { error } = await settle(client.connection.sendRequest(method, { textDocument: { uri: big }, position: { line: 100_000, character: 4 } }));
      assert.equal(error, undefined, method);
    }
    // Typing in it stays cheap: the edit is answered with the same single notice.
    const afterEdit = client.nextDiagnostics(big, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: big, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '#' }],
    });
    assert.equal((await afterEdit).diagnostics.length, 1);
    const closed = client.nextDiagnostics(big, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
    await closed;

    const binary = await client.open('file:///robustness/binary.yaml', `apiVersion: v1\nkind: Pod\n\u0000\u0001\u0002\u00ff`);
    assert.deepEqual(binary.map((d) => d.code), ['binary-file']);
    await assertStillServing();
  });

  it('a flood of edits ends with the diagnostics of the last version', async () => {
    const uri = 'file:///robustness/flood.yaml';
    await client.open(uri, POD);
    let last: Promise<unknown> = Promise.resolve();
    for (let version = 2; version <= 200; version++) {
      const text = version % 2 ? POD : POD.replace('bogus: true', `bogus${version}: true`);
      if (version === 200) last = client.change(uri, version, text);
      else void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const diagnostics = (await last) as { code?: string | number; message: string }[];
    assert.ok(diagnostics.some((d) => d.code === 'unknown-field' && d.message.includes('bogus200')));
    await assertStillServing();
  });
});
