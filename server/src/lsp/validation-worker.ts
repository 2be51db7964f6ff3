// The validation thread: parses and checks one open file per request of the server's request thread, with the
// editor's time budget, its own kustomize cache and its own workspace index, and answers with ready diagnostics.
// Runs as its own bundle (server/out/validation-worker.js).
import { pathToFileURL } from 'url';
import { parentPort, workerData } from 'worker_threads';
import { configFileFindings, isConfigFile } from '../core/config-file';
import type { Budget } from '../core/features/validation';
import { toDiagnostic } from '../core/findings';
import { createLanguageService } from '../core/language-service';
import { ManifestParser, type ManifestFile } from '../core/parse/manifest';
import { TIME_BUDGET_RANGE, type Settings } from '../core/settings';
import { KustomizeCache } from '../core/features/kustomize/cache';
import { IndexMirror } from './index-mirror';
import { kustomizeContext, kustomizePath, type KustomizeTarget } from './kustomize';
import { CANCEL_SLOT, type FromWorker, type ToWorker } from './validation-protocol';
import { warmUp } from './warm-up';

/** Related places of a finding are named by the kustomize code's paths. */
const fileUri = (file: string): string => pathToFileURL(file).href;

interface OpenText {
  version: number;
  text: string;
  parser: ManifestParser;
  /** The parse of `version`, kept so a further round of the same version goes on from the cached documents. */
  file?: ManifestFile;
}

const port = parentPort;
const cancel = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);
const service = createLanguageService();
const open = new Map<string, OpenText>();
// Rendered kustomize overlays, dropped when a path they read changes: an open text here, a save or a watched file.
const kustomize = new KustomizeCache();
const post = (message: FromWorker) => port?.postMessage(message);
const workspace = new IndexMirror((uri) => open.has(uri), () => post({ type: 'indexed' }), service.createWorkspaceIndex());
// Schemas, parser, rules and renderer are made ready before the editor's first file, a step per turn (checks go first).
warmUp(service);

function invalidate(uri: string): void {
  const file = kustomizePath(uri);
  if (file) kustomize.invalidate(file);
}

port?.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'text': {
      const known = open.get(message.uri);
      open.set(message.uri, { version: message.version, text: message.text, parser: known?.parser ?? new ManifestParser() });
      invalidate(message.uri);
      break;
    }
    case 'close':
      // The index keeps the buffer's version until the request thread sends the disk's (indexFile/indexDelete).
      open.delete(message.uri);
      invalidate(message.uri);
      break;
    case 'invalidate':
      for (const path of message.paths) kustomize.invalidate(path);
      break;
    case 'indexFile':
      workspace.disk(message.uri, message.text);
      break;
    case 'indexDelete':
      workspace.disk(message.uri, undefined);
      break;
    case 'indexDone':
      workspace.done();
      break;
    case 'validate':
      try {
        check(message.job, message.uri, message.settings, message.kustomize);
      } catch (error) {
        post({ type: 'failed', job: message.job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      break;
  }
});

/** The parse of an open text's current version, put into the index (as the editor's buffers are). */
function parsed(uri: string, entry: OpenText): ManifestFile {
  if (!entry.file) {
    entry.file = entry.parser.parse(entry.text);
    workspace.open(uri, entry.file);
  }
  return entry.file;
}

function check(job: number, uri: string, settings: Settings, target: KustomizeTarget | undefined): void {
  const entry = open.get(uri);
  if (!entry) return post({ type: 'cancelled', job });
  // Cross-file rules read the other open buffers' current versions, as the request thread's index had them. A
  // buffer that cannot be parsed (a client sent no text) fails its own check, not this one.
  for (const [other, text] of open) {
    try {
      parsed(other, text);
    } catch {
      continue;
    }
  }
  const file = parsed(uri, entry);
  const limit = settings.timeBudget ?? TIME_BUDGET_RANGE.default;
  // The clock starts at the first document this round checks (the validator asks first right before it), so the
  // parse and the documents checked in earlier rounds do not count, and every round gets at least one phase further
  // unless a single document takes longer than the whole budget. The parse cannot be cut; the hard limit of the
  // request thread covers it.
  let deadline: number | undefined;
  let stoppedAt: number | undefined;
  let cancelled = false;
  const budget: Budget = {
    description: `the editor's time budget of ${limit.toLocaleString('en-US')} ms (sidecar.validate.timeBudget)`,
    exhausted() {
      cancelled ||= Atomics.load(cancel, CANCEL_SLOT) === job;
      deadline ??= performance.now() + limit;
      return cancelled || performance.now() > deadline;
    },
    stopped: (at) => (stoppedAt = at),
  };
  // A .sidecarlint.yaml is checked as a config file (unknown rule ids, bad levels), not as a manifest.
  const findings = isConfigFile(uri)
    ? configFileFindings(file.text, settings.docsBaseUrl)
    : service.validate(file, settings, target && kustomizeContext(target, (other) => open.get(other)?.text, kustomize), uri, { workspace: workspace.forValidation(), budget });
  if (cancelled) return post({ type: 'cancelled', job });
  post({ type: 'done', job, uri, version: entry.version, diagnostics: findings.map((f) => toDiagnostic(f, file.lineIndex, fileUri)), stoppedAt });
}
