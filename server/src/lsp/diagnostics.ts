import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedPartly } from '../core/features/budget';
import { toDiagnostic } from '../core/findings';
import { LineIndex } from '../core/parse/line-index';
import { TIME_BUDGET_RANGE, type Settings } from '../core/settings';
import { kustomizeTarget } from './kustomize';
import { logged } from './logged';
import type { SettingsStore } from './settings';
import type { ValidationThread } from './validation-thread';

/**
 * Publishes diagnostics after open and change. Checks run on the validation thread, one file at a time, the file
 * just edited first, then the smallest waiting file, so the request thread keeps answering hover and completion
 * while a large file is checked, and an edit's diagnostics do not wait for the other open files' checks. Changes that arrive together are coalesced (only the latest version is checked), a check whose document
 * changed is cancelled, and a result for a version that is no longer current is dropped. A check that ran out of
 * its time budget is published as it is (with a `checked-partly` notice) and continued in a further round after
 * the files waiting meanwhile, as long as each round gets further.
 */
export class DiagnosticsPublisher {
  private readonly waiting = new Set<string>();
  /** The document the editor changed last: its check goes before the other open files' (which mostly answer from cache). */
  private edited: string | undefined;
  private running: string | undefined;
  private wakeUp: NodeJS.Immediate | undefined;
  /** Per URI: where the last round of that version stopped; a round that gets no further is the last one. */
  private readonly rounds = new Map<string, { version: number; stoppedAt: number; stuck: boolean }>();
  private readonly check: (uri: string) => Promise<void>;
  /** Told when no check runs or waits any more (the request thread's workspace index takes in the edited buffers then). */
  onIdle: () => void = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly thread: ValidationThread,
  ) {
    // A bug in one rule must not take the server down: the wrapper logs it and the server keeps serving.
    this.check = logged(this.connection.console, (uri: string) => `validation of ${uri}`, (uri: string) => this.validate(uri), () => undefined);
  }

  /** The editor sent this text (open or change): the validation thread gets it before any check of it. */
  changed(document: TextDocument): void {
    this.edited = document.uri;
    this.thread.text(document.uri, document.version, document.getText());
    this.thread.cancelIfRunning(document.uri);
  }

  schedule(uri: string): void {
    const round = this.rounds.get(uri);
    // A file the budget cannot get further in is not checked again until it or the settings change.
    if (round?.stuck && round.version === this.documents.get(uri)?.version) return;
    this.waiting.add(uri);
    // Changes that arrive together are coalesced: the check starts after the events already queued.
    this.wakeUp ??= setImmediate(() => {
      this.wakeUp = undefined;
      this.next();
    });
  }

  /** `settingsChanged`: checks that got stuck are tried again (the budget or the rules may differ now). */
  scheduleAll(settingsChanged = false): void {
    if (settingsChanged) this.rounds.clear();
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  clear(uri: string): void {
    this.waiting.delete(uri);
    this.rounds.delete(uri);
    this.thread.close(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private next(): void {
    if (this.running) return;
    if (this.waiting.size === 0) return this.onIdle();
    const uri = this.edited !== undefined && this.waiting.has(this.edited) ? this.edited : this.smallestWaiting();
    this.edited = undefined;
    if (uri === undefined) return;
    this.waiting.delete(uri);
    this.running = uri;
    void this.check(uri).finally(() => {
      this.running = undefined;
      this.next();
    });
  }

  private smallestWaiting(): string | undefined {
    let uri: string | undefined;
    let size = Infinity;
    for (const candidate of this.waiting) {
      // A client may open a document with no text at all (text: null): it sorts first and fails in the check.
      const text: unknown = this.documents.get(candidate)?.getText();
      const length = typeof text === 'string' ? text.length : 0;
      if (length < size) [uri, size] = [candidate, length];
    }
    return uri;
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await this.settings.get(uri);
    if (this.documents.get(uri)?.version !== version) return;
    const budget = settings.timeBudget ?? TIME_BUDGET_RANGE.default;
    // The budget is asked between phases; this is for the one phase that never ends (the worker is replaced).
    const hardLimit = Math.max(30_000, 6 * budget);
    const result = await this.thread.validate(uri, settings, kustomizeTarget(uri, (file) => this.settings.workspaceFolderOf(file)), hardLimit);
    if (result.type === 'cancelled') return;
    if (result.type === 'stopped') {
      this.rounds.set(uri, { version, stoppedAt: 0, stuck: true });
      return this.publish(uri, version, stoppedNotice(hardLimit, settings));
    }
    if (this.documents.get(uri)?.version !== result.version) return;
    this.noteRound(uri, result.version, result.stoppedAt);
    await this.publish(uri, result.version, result.diagnostics);
  }

  private noteRound(uri: string, version: number, stoppedAt: number | undefined): void {
    const last = this.rounds.get(uri);
    if (stoppedAt === undefined) {
      this.rounds.delete(uri);
      return;
    }
    const stuck = !!last && last.version === version && stoppedAt <= last.stoppedAt;
    this.rounds.set(uri, { version, stoppedAt, stuck });
    if (!stuck) this.schedule(uri);
  }

  private publish(uri: string, version: number, diagnostics: Diagnostic[]): Promise<void> {
    return this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}

function stoppedNotice(limit: number, settings: Settings): Diagnostic[] {
  const description = `the editor's hard limit of ${limit.toLocaleString('en-US')} ms for one check`;
  return checkedPartly(0, 1, 1, { description }, settings).map((f) => toDiagnostic(f, new LineIndex('')));
}
