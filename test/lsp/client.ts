import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** A Pod with one unknown field (`bogus`, line 8, column 4): a document every check reports something on. */
export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    bogus: true
`;

export const serverPath = path.resolve(__dirname, '..', '..', 'server', 'out', 'server.js');

export interface StartOptions {
  /** Answer workspace/configuration with these `sidecar` settings (undefined: do not advertise the capability). */
  configuration?: Record<string, unknown>;
  /** Other sections workspace/configuration answers (`files.exclude`); needs `configuration` to be advertised. */
  sections?: Record<string, unknown>;
  rootUri?: string;
  /** Advertise window.workDoneProgress, so the server reports `$/progress` (recorded in `progress`). */
  workDoneProgress?: boolean;
}

/**
 * Drives the built server over stdio, as any editor would: the generic LSP client of
 * vscode-languageserver-protocol, no VS Code involved.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  /** `$/progress` values in the order they arrived (begin, report…, end). */
  readonly progress: { kind: string; title?: string; message?: string; percentage?: number }[] = [];
  stderr = '';
  initializeResult: InitializeResult | undefined;

  constructor(private readonly options: StartOptions = {}) {
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    const reader = new StreamMessageReader(this.process.stdout);
    // vscode-jsonrpc re-arms a 10 s "partial message" timer for as long as a message is incomplete, and disposing the
    // connection does not clear it: a server that exits between a message's header and its body (exit arrives while
    // a late publish is being written) kept the test process alive forever with nothing running. We never want
    // partial-message events here.
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'sidecar' ? (this.options.configuration ?? {}) : (this.options.sections?.[item.section ?? ''] ?? null))),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (params: { value: { kind: string; title?: string; message?: string; percentage?: number } }) => {
      this.progress.push(params.value);
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      capabilities: {
        workspace: { configuration: this.options.configuration !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: this.options.workDoneProgress === true },
        textDocument: {
          synchronization: { didSave: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite'] } } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** Resolves with the next diagnostics published for `uri` that pass `test` (e.g. for a given version). */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return (await published).diagnostics;
  }

  async change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

export function fileUri(...parts: string[]): string {
  return pathToFileURL(path.resolve(...parts)).href;
}

/**
 * A copy of a fixture folder in a temporary directory (tests may change its files on the disk), with its files' text
 * and the LSP position of a needle in one of them (`into` characters past the needle's start).
 */
export function copiedFixture(fixture: string, prefix: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(fixture, root, { recursive: true });
  const read = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
  return {
    root,
    read,
    position(relative: string, needle: string, into: number): { line: number; character: number } {
      const text = read(relative);
      const offset = text.indexOf(needle);
      if (offset < 0) throw new Error(`${needle} not in ${relative}`);
      const lines = text.slice(0, offset + into).split('\n');
      return { line: lines.length - 1, character: lines[lines.length - 1].length };
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
