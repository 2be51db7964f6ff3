// A minimal editor-like LSP client over a child's stdio, for the benchmark: it advertises
// workspace/configuration and answers it, and lets the caller wait for the next diagnostics of a document.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

export class BenchClient {
  /**
   * @param {string} name
   * @param {string[]} command  node script and arguments
   * @param {(section: string | undefined) => unknown} configuration
   */
  constructor(name, command, configuration) {
    this.name = name;
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    const reader = new StreamMessageReader(this.child.stdout);
    // No re-arming 10 s partial-message timer (not cleared by dispose): a server stopped mid-message must not keep the bench alive.
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.child.stdin));
    /** @type {{ uri: string, test: (p: any) => boolean, resolve: (v: { params: any, at: number }) => void }[]} */
    this.waiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const at = performance.now();
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve({ params, at });
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((item) => configuration(item.section) ?? null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.listen();
  }

  /** Spawn → initialize result, in ms. */
  async initialize(rootUri) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    const startup = performance.now() - this.spawnedAt;
    await this.connection.sendNotification('initialized', {});
    return startup;
  }

  /** The next diagnostics for `uri` that pass `test`, with their arrival time; rejects after `timeoutMs`. */
  nextDiagnostics(uri, test = () => true, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const waiter = { uri, test, resolve: (value) => { clearTimeout(timer); resolve(value); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.name}: no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** Peak resident set size of the server process so far (VmHWM), in MiB. */
  peakRssMiB() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  async stop() {
    try {
      await Promise.race([
        (async () => {
          await this.connection.sendRequest('shutdown');
          await this.connection.sendNotification('exit');
        })(),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
    } catch {
      // The process may already be gone; it is killed below either way.
    }
    const exited = await Promise.race([this.exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 5000))]);
    if (!exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}
