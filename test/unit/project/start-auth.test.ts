// `npm start -- --host 0.0.0.0` must not hand the network a VS Code with a terminal: off loopback,
// code-server only starts with a password.
import { strict as assert } from 'assert';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { isLoopback, startCodeServer } from '../../../scripts/e2e/code-server.mjs';

describe('npm start: who can reach the VS Code it serves', () => {
  it('knows the loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.equal(isLoopback(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'devbox.example.com', '128.0.0.1']) assert.equal(isLoopback(host), false, host);
  });

  it('refuses a non-loopback address without a password, before starting anything', async () => {
    const runDir = path.join(os.tmpdir(), 'sidecar-start-auth-never-created');
    await assert.rejects(startCodeServer({ runDir, workspace: runDir, host: '0.0.0.0' }), /refusing .* on 0\.0\.0\.0 without a password/);
  });
});
