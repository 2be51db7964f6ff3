import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CRAFTED } from '../../scripts/bench/crafted.mjs';
import { LspClient, POD } from './client';

// Validation runs on the server's validation thread: while a large file is checked, requests on other files are
// answered at once, and a file that needs more than the editor's time budget is reported as checked partly and
// finished in further rounds.

/**
 * The one time bound of the suite, as the issue asks: a hover on a small file takes a few milliseconds; 1 s leaves
 * room for a loaded CI machine (2 cores shared by several jobs). Without the validation thread the hover waited
 * for the whole check of the 1 MB file: parse and check take 2.5–9 s on this machine, so the bound tells the two
 * apart. The order of events (the hover answered before the big file's diagnostics) is asserted too.
 */
const HOVER_BOUND_MS = 1000;

const wideMap = CRAFTED.find((c) => c.name.startsWith('wide map'));

describe('the server stays responsive while a large file is validated', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient({ configuration: {} });
    await client.initialize();
  });

  after(() => client.stop());

  it('a hover on a small document answers within a second while a crafted 1 MB document is being checked', { timeout: 120_000 }, async (t) => {
    assert.ok(wideMap, 'scripts/bench/crafted.mjs has the wide-map case');
    const small = 'file:///responsive/small.yaml';
    // The first check starts the validation thread and compiles the Pod schema: done before the clock starts.
    assert.ok((await client.open(small, POD)).some((d) => d.code === 'unknown-field'));

    const big = 'file:///responsive/wide-map.yaml';
    const { text } = wideMap.make(1_000_000);
    let bigChecked = false;
    void client.nextDiagnostics(big, (p) => p.version === 1).then(() => (bigChecked = true));
    // On a loaded machine the first round may run out of the 5 s budget (checked-partly); the last round is complete.
    const bigDiagnostics = client.nextDiagnostics(big, (p) => p.version === 1 && !p.diagnostics.some((d) => d.code === 'checked-partly'));
    // The server asks for the big file's settings right before it starts checking it: the hover goes out after
    // the answer, so it reaches the server while the 1 MB file is being checked (not before the check began).
    let checkBegins: () => void = () => undefined;
    const checkBegan = new Promise<void>((resolve) => (checkBegins = resolve));
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      if (params.items.some((item) => item.scopeUri === big)) checkBegins();
      return params.items.map((item) => (item.section === 'sidecar' ? {} : null));
    });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'yaml', version: 1, text } });
    await checkBegan;
    await new Promise(setImmediate);

    const started = performance.now();
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: small },
      position: { line: 6, character: 5 },
    });
    const elapsed = performance.now() - started;
    const answeredBeforeBigFile = !bigChecked;

    assert.ok(hover?.contents.value, 'the hover on the small document has content');
    assert.ok(answeredBeforeBigFile, 'the hover was answered before the 1 MB file finished validating');
    t.diagnostic(`hover on the small document: ${elapsed.toFixed(0)} ms while the 1 MB file was checked`);
    assert.ok(elapsed < HOVER_BOUND_MS, `the hover took ${elapsed.toFixed(0)} ms (bound ${HOVER_BOUND_MS} ms)`);
    // The big file is still checked in full: a wide ConfigMap has no findings.
    const published = await bigDiagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code), []);
  });
});

describe('a file that needs more than the time budget', () => {
  let client: LspClient;

  before(async () => {
    // The smallest budget the setting accepts, so that any machine runs out of it on the file below.
    client = new LspClient({ configuration: { validate: { enable: true, timeBudget: 100 } } });
    await client.initialize();
  });

  after(() => client.stop());

  it('is published as checked partly, then checked to the end in further rounds', { timeout: 300_000 }, async () => {
    const uri = 'file:///responsive/many.yaml';
    // Each Pod has three findings: 600 of them pass the 1,000-findings cap, and take some 100 ms–1 s to check.
    const documents = 600;
    const text = Array.from({ length: documents }, (_, i) => `---\n${POD.replace('web', `web-${i}`)}`).join('');
    const partly = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'checked-partly'));
    const full = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0 && !p.diagnostics.some((d) => d.code === 'checked-partly'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });

    const first = (await partly).diagnostics.find((d) => d.code === 'checked-partly');
    assert.equal(first?.severity, 3);
    assert.match(first?.message ?? '', /time budget of 100 ms/);
    assert.match(first?.codeDescription?.href ?? '', /docs\/codes\/checked-partly\.md$/);

    // Rounds go on while each gets further; the last one reports every document (here capped at 1,000 findings).
    const done = (await full).diagnostics;
    assert.ok(done.some((d) => d.code === 'too-many-problems'), 'the whole file was checked: more than 1,000 findings');
  });
});
