import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultSettings } from '../../../server/src/core/settings';
import { ValidationThread, type WorkerSeed } from '../../../server/src/lsp/validation-thread';

// The request thread supervises its validation worker: a check that does not answer within the hard limit is
// stopped, a worker that dies ends its check, and in both cases the next check runs in a new worker that was given
// the open texts and the indexed files again. The worker here is a real thread speaking the protocol, made to hang
// or crash on cue (test/fixtures/lsp/supervised-worker.mjs): the real one cannot be made to hang on purpose.
const workerFile = path.join(__dirname, '../../fixtures/lsp/supervised-worker.mjs');
const open = [
  { uri: 'file:///app.yaml', version: 3, text: 'kind: Pod' },
  { uri: 'file:///hang.yaml', version: 1, text: 'kind: Pod' },
  { uri: 'file:///crash.yaml', version: 1, text: 'kind: Pod' },
];
const seed: WorkerSeed = { openTexts: () => open, indexedFiles: () => [{ uri: 'file:///config.yaml', text: 'kind: ConfigMap' }], indexDone: () => true };
const holds = 'open file:///app.yaml file:///crash.yaml file:///hang.yaml; indexed file:///config.yaml; index done true';

// A supervision bug shows as a check that never answers: the timeout turns that hang into a failure.
describe('validation thread supervision', { timeout: 30_000 }, () => {
  const errors: string[] = [];
  const thread = new ValidationThread({ error: (message: string) => void errors.push(message) }, seed, workerFile);
  after(() => thread.stop());

  const check = (uri: string, hardLimit = 60_000) => thread.validate(uri, defaultSettings(), undefined, hardLimit);

  it('checks in the worker it prepared, which holds the seed', async () => {
    thread.prepare();
    const result = await check('file:///app.yaml');
    assert.equal(result.type, 'done');
    assert.ok(result.type === 'done');
    assert.equal(result.version, 3);
    assert.equal(result.diagnostics[0]?.message, holds);
  });

  it('stops a check that does not answer within the hard limit, and says so in the log', async () => {
    const result = await check('file:///hang.yaml', 300);
    assert.deepEqual(result, { type: 'stopped' });
    assert.deepEqual(errors, ['sidecar: validation of file:///hang.yaml did not finish in 300 ms and was stopped']);
  });

  it('runs the next check in a new worker, seeded again', async () => {
    const result = await check('file:///app.yaml');
    assert.ok(result.type === 'done', result.type);
    assert.equal(result.diagnostics[0]?.message, holds);
  });

  it('ends the check of a worker that died, logs why, and recovers on the next check', async () => {
    errors.length = 0;
    const result = await check('file:///crash.yaml');
    assert.deepEqual(result, { type: 'stopped' });
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /^sidecar: the validation thread failed: .*the worker failed on purpose/);
    const next = await check('file:///app.yaml');
    assert.ok(next.type === 'done', next.type);
    assert.equal(next.diagnostics[0]?.message, holds);
  });

  it('keeps changes sent while no worker runs: they reach the next worker through the seed', async () => {
    await thread.stop();
    open.push({ uri: 'file:///late.yaml', version: 7, text: 'kind: Pod' });
    thread.text('file:///late.yaml', 7, 'kind: Pod');
    const result = await check('file:///late.yaml');
    assert.ok(result.type === 'done', result.type);
    assert.equal(result.version, 7);
  });
});
