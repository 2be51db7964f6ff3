import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Settings } from '../core/settings';
import type { KustomizeTarget } from './kustomize';
import { describeError, type ErrorLog } from './logged';
import { CANCEL_SLOT, type FromWorker, type ToWorker } from './validation-protocol';

export type ValidationResult = Extract<FromWorker, { type: 'done' }> | { type: 'cancelled' } | { type: 'stopped' };

/** What a new worker is seeded with: the state every earlier message built up in the one it replaces. */
export interface WorkerSeed {
  /** Every open document's latest text. */
  openTexts(): Iterable<{ uri: string; version: number; text: string }>;
  /** The disk files of the workspace index (open buffers left out), and whether its first pass is over. */
  indexedFiles(): Iterable<{ uri: string; text: string }>;
  indexDone(): boolean;
}

/**
 * The request thread's side of the validation thread: mirrors open texts, disk changes and the workspace index's
 * disk files into it, runs one check at a time, cancels a check whose document changed, and stops (terminates
 * and later restarts) a worker that did not answer within the hard limit: the budget is asked between phases
 * only, and one phase (the parse of a huge document) could take longer. The server starts the worker once it is
 * initialized (`prepare`: it loads and warms up while the editor opens its first file); a worker stopped by the
 * hard limit is started again by the next message and seeded from `seed`, so a message sent before it existed is
 * never lost.
 */
export class ValidationThread {
  private worker: Worker | undefined;
  private readonly cancel = new Int32Array(new SharedArrayBuffer(4));
  private jobs = 0;
  private running: { job: number; uri: string; resolve: (result: ValidationResult) => void; timer: NodeJS.Timeout } | undefined;
  /** Called when the worker's index holds the whole first pass (the open files are checked again then). */
  onIndexed: () => void = () => undefined;

  constructor(
    private readonly log: ErrorLog,
    private readonly seed: WorkerSeed,
    private readonly workerFile = path.join(__dirname, 'validation-worker.js'),
  ) {}

  /** Starts the worker now, so the first check does not wait for it to load (it warms itself up: warm-up.ts). */
  prepare(): void {
    this.start();
  }

  text(uri: string, version: number, text: string): void {
    this.send({ type: 'text', uri, version, text });
  }

  close(uri: string): void {
    this.send({ type: 'close', uri });
    if (this.running?.uri === uri) this.cancelRunning();
  }

  /** Paths changed on the disk (a save, a watched file): kustomize renders that read them are dropped. */
  invalidate(paths: string[]): void {
    if (paths.length > 0) this.send({ type: 'invalidate', paths });
  }

  indexFile(uri: string, text: string | undefined): void {
    this.send(text === undefined ? { type: 'indexDelete', uri } : { type: 'indexFile', uri, text });
  }

  indexDone(): void {
    this.send({ type: 'indexDone' });
  }

  /** The running check of `uri`, if any, stops at its next phase and answers `cancelled`. */
  cancelIfRunning(uri: string): void {
    if (this.running?.uri === uri) this.cancelRunning();
  }

  validate(uri: string, settings: Settings, kustomize: KustomizeTarget | undefined, hardLimit: number): Promise<ValidationResult> {
    if (this.running) throw new Error('one validation at a time');
    const worker = this.start();
    const job = ++this.jobs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.log.error(`sidecar: validation of ${uri} did not finish in ${hardLimit} ms and was stopped`);
        this.finish({ type: 'stopped' });
        void this.stop();
      }, hardLimit);
      this.running = { job, uri, resolve, timer };
      worker.postMessage({ type: 'validate', job, uri, settings, kustomize } satisfies ToWorker);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** A change of state: to the running worker, or into the seed of the next one (which already holds it). */
  private send(message: ToWorker): void {
    if (this.worker) this.worker.postMessage(message);
    else this.start();
  }

  private cancelRunning(): void {
    if (this.running) Atomics.store(this.cancel, CANCEL_SLOT, this.running.job);
  }

  private finish(result: ValidationResult): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    clearTimeout(running.timer);
    running.resolve(result);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: { cancel: this.cancel.buffer } });
    // The server exits when the client says so; a busy worker must not keep it alive.
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'indexed') {
        if (this.worker === worker) this.onIndexed();
        return;
      }
      if (message.job !== this.running?.job) return;
      if (message.type === 'failed') {
        this.log.error(`sidecar: validation of ${this.running.uri} failed: ${message.error}`);
        this.finish({ type: 'cancelled' });
      } else this.finish(message.type === 'done' ? message : { type: 'cancelled' });
    });
    // A worker that died on its own (not one stopped above) ends its check; the next check starts a new one.
    const gone = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.finish({ type: 'stopped' });
    };
    worker.on('error', (error) => {
      this.log.error(`sidecar: the validation thread failed: ${describeError(error)}`);
      gone();
    });
    worker.on('exit', gone);
    for (const open of this.seed.openTexts()) worker.postMessage({ type: 'text', ...open } satisfies ToWorker);
    for (const file of this.seed.indexedFiles()) worker.postMessage({ type: 'indexFile', ...file } satisfies ToWorker);
    if (this.seed.indexDone()) worker.postMessage({ type: 'indexDone' } satisfies ToWorker);
    this.worker = worker;
    return worker;
  }
}
