import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { FileChangeType, type Connection, type DidChangeWatchedFilesParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument } from '../core/parse/document';
import { declineReason, ManifestFile, type DocumentSlot } from '../core/parse/manifest';
import { splitDocuments } from '../core/parse/split';
import type { WorkspaceIndex } from '../core/workspace/index/workspace-index';
import type { ManifestCache } from './documents';
import { describeError } from './logged';
import { SKIPPED_FOLDERS, YAML_FILE } from '../yaml-files';
import { enabledGlobs, FolderFilter, isFiltered, type FilterOptions } from '../file-filter';

/** Files above this are not indexed from the disk (rendered charts of several MB still are); open buffers always are. */
export const MAX_INDEXED_FILE_BYTES = 8 * 1024 * 1024;
/** The most files one workspace indexes; past it the rest is left out and the log says so. */
export const MAX_INDEXED_FILES = 20_000;
/** Files read between two yields to the event loop, so requests and diagnostics of open files go first. */
const BATCH = 16;
/** How long the editor must stay quiet (no change) after the last check before edited buffers are parsed for this index. */
export const SETTLE_MS = 100;

/** Told every disk file the index takes in or drops, and the end of the first pass (the validation thread's mirror). */
export interface IndexListener {
  indexFile(uri: string, text: string | undefined): void;
  indexDone(): void;
}

/**
 * Feeds the core's workspace index from the editor: every YAML file of the workspace folders, read in the
 * background with `$/progress`, then kept current from open buffers (they win over the disk) and from
 * workspace/didChangeWatchedFiles. This index serves the request thread (navigation, topology, the CRDs that
 * completion and hover read). Every disk text it takes in goes to `listener` too: the validation thread keeps its
 * own index from them (lsp/index-mirror.ts), so diagnostics of an open file never wait for this one.
 *
 * An edited buffer is not parsed for this index on its didChange (that parse was on the way from the edit to its
 * diagnostics, which the validation thread computes from its own parse): it is marked stale and taken in when a
 * request reads the index (`index`: every stale buffer; `indexFor`: the request's own), or once the editor is quiet
 * after the diagnostics of every open file went out (`settleSoon`).
 */
export class WorkspaceIndexer {
  /** Open buffers changed since this index took them in, by URI. */
  private readonly stale = new Map<string, TextDocument>();
  private settle: NodeJS.Timeout | undefined;
  private indexed = false;
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  listener: IndexListener | undefined;
  /** The workspace folders and what their walk leaves out (files.exclude, .gitignore), for watched files too. */
  private roots: { folder: string; filter: FilterOptions }[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: ManifestCache,
    /** An empty index made by the language service (it reads pods as the validation does). */
    private readonly model: WorkspaceIndex,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  get isReady(): boolean {
    return this.indexed;
  }

  /** The index with every open buffer's current version (navigation, topology, workspace symbols). */
  get index(): WorkspaceIndex {
    this.takeInAll();
    return this.model;
  }

  /**
   * The index with `document`'s current version; other buffers edited meanwhile may still be at an earlier one until
   * they settle. For hover and completion, which read the workspace's CRDs from it: a 1 MB buffer another file's
   * edit left stale is not parsed inside a hover.
   */
  indexFor(document: TextDocument): WorkspaceIndex {
    this.takeIn(document.uri);
    return this.model;
  }

  /** No check runs or waits: the stale buffers are taken in once no change came for SETTLE_MS (a change waits again). */
  settleSoon(): void {
    if (this.stale.size === 0) return;
    if (this.settle) this.settle.refresh();
    else {
      this.settle = setTimeout(() => {
        this.settle = undefined;
        this.takeInAll();
      }, SETTLE_MS);
      this.settle.unref();
    }
  }

  /** Resolves when the first pass over the workspace folders is done. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The first pass: every YAML file under the folders, with progress; `done` runs when it ends. */
  async start(folders: readonly string[], done: () => void): Promise<void> {
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Indexing Kubernetes manifests', 0, 'listing files', false);
    try {
      const files: string[] = [];
      this.roots = await Promise.all(folders.map(async (folder) => ({ folder, filter: { excludes: await this.excludesOf(folder), excludeRoot: folder } })));
      for (const { folder, filter } of this.roots) await listYamlFiles(folder, files, FolderFilter.at(folder, filter));
      if (files.length > MAX_INDEXED_FILES) {
        this.connection.console.warn(`Workspace index: ${files.length} YAML files, indexing the first ${MAX_INDEXED_FILES}.`);
        files.length = MAX_INDEXED_FILES;
      }
      let read = 0;
      for (let i = 0; i < files.length; i += BATCH) {
        await Promise.all(files.slice(i, i + BATCH).map((file) => this.readFromDisk(file)));
        read = Math.min(files.length, i + BATCH);
        progress?.report(Math.floor((read / files.length) * 100), `${read}/${files.length} files`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.connection.console.log(`Workspace index: ${read} YAML files, ${[...this.model.resources()].length} resources.`);
    } finally {
      progress?.done();
      this.indexed = true;
      this.markReady();
      this.listener?.indexDone();
      done();
    }
  }

  /** The disk files of the index with their texts (open buffers left out): what a new validation thread starts from. */
  *diskFiles(): IterableIterator<{ uri: string; text: string }> {
    for (const uri of this.model.uris()) {
      const file = this.model.fileOf(uri);
      if (file && !this.documents.get(uri)) yield { uri, text: file.text };
    }
  }

  /** An open buffer changed: it replaces the disk's version once a reader or the settle timer takes it in. */
  opened(document: TextDocument): void {
    this.stale.set(document.uri, document);
    clearTimeout(this.settle);
    this.settle = undefined;
  }

  private takeInAll(): void {
    for (const uri of [...this.stale.keys()]) this.takeIn(uri);
  }

  private takeIn(uri: string): void {
    const document = this.stale.get(uri);
    if (!document) return;
    this.stale.delete(uri);
    // The version the editor holds now (the map keeps the document object, whose text moves on with each change).
    if (this.documents.get(uri) !== document) return;
    try {
      this.model.set(uri, this.cache.get(document));
    } catch (error) {
      // A buffer that cannot be parsed (a client sent no text) keeps its earlier version here; the others go on.
      this.connection.console.error(`sidecar: ${uri} could not be indexed: ${describeError(error)}`);
    }
  }

  /** A buffer was closed: the disk's version comes back (or nothing, for an untitled or deleted file). */
  closed(uri: string): void {
    this.stale.delete(uri);
    const file = filePathOf(uri);
    if (file && fs.existsSync(file)) void this.readFromDisk(file);
    else this.drop(uri);
  }

  /** Created, changed and deleted files on the disk; open buffers stay as they are. */
  async watched(event: DidChangeWatchedFilesParams): Promise<boolean> {
    let changed = false;
    for (const change of event.changes) {
      if (!YAML_FILE.test(change.uri) || this.documents.get(change.uri)) continue;
      const file = filePathOf(change.uri);
      if (!file || isSkipped(file) || this.isFiltered(file)) continue;
      if (change.type === FileChangeType.Deleted) this.drop(change.uri);
      else await this.readFromDisk(file);
      changed = true;
    }
    return changed;
  }

  /** VS Code's `files.exclude` globs that are on, for a folder (none when the client has no such setting). */
  private async excludesOf(folder: string): Promise<string[]> {
    const setting: unknown = await this.connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'files.exclude' }).catch(() => undefined);
    return enabledGlobs(setting);
  }

  private isFiltered(file: string): boolean {
    return this.roots.some(({ folder, filter }) => isFiltered(folder, file, filter));
  }

  private async readFromDisk(file: string): Promise<void> {
    const uri = pathToFileURL(file).href;
    if (this.documents.get(uri)) return;
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile() || stat.size > MAX_INDEXED_FILE_BYTES) {
        this.drop(uri);
        return;
      }
      const text = await fs.promises.readFile(file, 'utf8');
      const parsed = await parseInSteps(text);
      // Opened while it was being read: the buffer wins.
      if (!this.documents.get(uri)) {
        this.model.set(uri, parsed);
        this.listener?.indexFile(uri, text);
      }
    } catch {
      this.drop(uri);
    }
  }

  /** A disk file gone (or unreadable, or too large); never an open buffer. */
  private drop(uri: string): void {
    if (this.documents.get(uri)) return;
    this.model.delete(uri);
    this.listener?.indexFile(uri, undefined);
  }
}

/** Documents parsed between two yields: a file of many documents does not hold the event loop while it parses. */
const DOCUMENTS_PER_STEP = 20;

/** parseManifest, yielding to the event loop every few documents (the same documents and offsets). */
async function parseInSteps(text: string): Promise<ManifestFile> {
  const declined = declineReason(text);
  if (declined) return new ManifestFile(text, [], declined);
  const slots: DocumentSlot[] = [];
  const chunks = splitDocuments(text);
  for (let index = 0; index < chunks.length; index++) {
    if (index > 0 && index % DOCUMENTS_PER_STEP === 0) await new Promise((resolve) => setImmediate(resolve));
    const chunk = chunks[index];
    slots.push({ index, start: chunk.start, end: chunk.end, document: new ParsedDocument(chunk.text) });
  }
  return new ManifestFile(text, slots);
}

async function listYamlFiles(folder: string, into: string[], parent: FolderFilter): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  const gitignore = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? await fs.promises.readFile(path.join(folder, '.gitignore'), 'utf8').catch(() => undefined) : undefined;
  const filter = parent.withGitignore(gitignore);
  for (const entry of entries) {
    if (into.length > MAX_INDEXED_FILES) return;
    const full = path.join(folder, entry.name);
    // Symbolic links are not followed: a link out of the workspace (or a loop) is not the workspace's.
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !filter.skips(entry.name, true)) await listYamlFiles(full, into, filter.child(entry.name));
    else if (entry.isFile() && YAML_FILE.test(entry.name) && !filter.skips(entry.name, false)) into.push(full);
  }
}

function isSkipped(file: string): boolean {
  return file.split(path.sep).some((part) => SKIPPED_FOLDERS.has(part));
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
