import { parseManifest, type ManifestFile } from '../core/parse/manifest';
import type { WorkspaceIndex } from '../core/workspace/index/workspace-index';

/** Disk files parsed in one step of the first pass; checks of open files waiting in the queue go between steps. */
const FILES_PER_STEP = 16;

/**
 * The validation thread's workspace index: the disk files the request thread read (its WorkspaceIndexer posts
 * each text it indexes) and the open buffers of this thread (they win over the disk). During the first pass the
 * disk texts are parsed in small steps between checks, and `forValidation` answers undefined (the file is checked
 * alone) until every one of them is in, so a check of an open file never waits for the index; `ready` then says
 * so once, and the caller checks the open files again.
 */
export class IndexMirror {
  private readonly waiting = new Map<string, string | undefined>();
  private passDone = false;
  private ready = false;
  private stepping = false;

  constructor(
    private readonly isOpen: (uri: string) => boolean,
    private readonly onReady: () => void,
    /** An empty index made by the language service (it reads pods as the validation does). */
    readonly index: WorkspaceIndex,
  ) {}

  /** A disk file's text (`undefined`: it is gone). Open buffers stay as they are. */
  disk(uri: string, text: string | undefined): void {
    if (this.ready) this.apply(uri, text);
    else {
      this.waiting.set(uri, text);
      this.step();
    }
  }

  /** The request thread's first pass is over: once the texts it sent are parsed, the index is complete. */
  done(): void {
    this.passDone = true;
    this.step();
  }

  /** An open buffer's current parse. */
  open(uri: string, file: ManifestFile): void {
    this.index.set(uri, file);
  }

  /** The index for a check, once the first pass is in; else undefined. */
  forValidation(): WorkspaceIndex | undefined {
    return this.ready ? this.index : undefined;
  }

  private apply(uri: string, text: string | undefined): void {
    if (this.isOpen(uri)) return;
    if (text === undefined) this.index.delete(uri);
    else this.index.set(uri, parseManifest(text));
  }

  private step(): void {
    if (this.stepping || this.ready) return;
    this.stepping = true;
    setImmediate(() => {
      this.stepping = false;
      let count = 0;
      for (const [uri, text] of this.waiting) {
        if (count++ === FILES_PER_STEP) break;
        this.waiting.delete(uri);
        this.apply(uri, text);
      }
      if (this.waiting.size > 0) this.step();
      else if (this.passDone) {
        this.ready = true;
        this.onReady();
      }
    });
  }
}
