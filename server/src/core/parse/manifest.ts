import { ParsedDocument } from './document';
import { reparseEdit } from './incremental';
import { LineIndex } from './line-index';
import { splitDocuments } from './split';

/** A parsed document and where its chunk sits in the current text. */
export interface DocumentSlot {
  index: number;
  start: number;
  end: number;
  document: ParsedDocument;
}

/** Why a file was not parsed at all: it has no documents, and validation reports only this. */
export interface DeclinedFile {
  code: 'file-too-large' | 'binary-file';
  message: string;
}

/**
 * Files above this size are not parsed in the editor, for responsiveness: parsing takes the `yaml` parser about a
 * second per few MB. The limit sits well above a large rendered chart (`helm template` of a big umbrella chart is
 * 5-15 MB); sidecar-lint checks inputs of any size, document by document (server/src/cli/stream.ts).
 */
export const MAX_FILE_LENGTH = 32 * 1024 * 1024;

export function declineReason(text: string): DeclinedFile | undefined {
  if (text.length > MAX_FILE_LENGTH) {
    return {
      code: 'file-too-large',
      message: `This file is ${(text.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_LENGTH / 1024 / 1024} MB that the editor checks, to stay responsive; it is not validated here. sidecar-lint checks it, document by document, at any size.`,
    };
  }
  // YAML text cannot hold NUL characters; a file with one is binary (or in an encoding such as UTF-16).
  if (text.includes('\0')) {
    return { code: 'binary-file', message: 'This file holds NUL bytes: it is binary or not UTF-8 text, not YAML. It is not validated.' };
  }
  return undefined;
}

/** One version of a YAML file: its documents, each parsed on its own. */
export class ManifestFile {
  private lineIndexCache: LineIndex | undefined;

  constructor(
    readonly text: string,
    readonly slots: DocumentSlot[],
    readonly declined?: DeclinedFile,
  ) {}

  get lineIndex(): LineIndex {
    if (!this.lineIndexCache) this.lineIndexCache = new LineIndex(this.text);
    return this.lineIndexCache;
  }

  /** The document whose chunk holds `offset` (the last one for an offset at the very end). */
  slotAt(offset: number): DocumentSlot | undefined {
    let low = 0;
    let high = this.slots.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.slots[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return this.slots[low];
  }
}

/**
 * Parses successive versions of one file and reuses the parse of every document whose text did not change:
 * typing in one document of a 10,000-line file re-parses only that document. A document that an edit changed
 * is re-parsed incrementally from its previous version where that gives the same tree (parse/incremental.ts:
 * a Compose file is one document, and only the edited service is read again); the previous version's tree is
 * taken over, so a ManifestFile this parser returned earlier must not be read after a later `parse`.
 */
export class ManifestParser {
  private previous = new Map<string, ParsedDocument>();
  private previousOrder: ParsedDocument[] = [];

  parse(text: string): ManifestFile {
    const declined = declineReason(text);
    if (declined) {
      this.previous = new Map();
      this.previousOrder = [];
      return new ManifestFile(text, [], declined);
    }
    const chunks = splitDocuments(text);
    const next = new Map<string, ParsedDocument>();
    for (const chunk of chunks) {
      const reused = this.previous.get(chunk.text);
      if (reused) next.set(chunk.text, reused);
    }
    // The previous documents no chunk reuses, each in one place only: those an edit changed in place.
    const kept = new Set(next.values());
    const counts = new Map<ParsedDocument, number>();
    for (const document of this.previousOrder) counts.set(document, (counts.get(document) ?? 0) + 1);
    const editable = chunks.length === this.previousOrder.length ? (index: number) => {
      const previous = this.previousOrder[index];
      return !kept.has(previous) && counts.get(previous) === 1 ? previous : undefined;
    } : () => undefined;
    const slots: DocumentSlot[] = chunks.map((chunk, index) => {
      let document = next.get(chunk.text);
      if (!document) {
        const previous = editable(index);
        document = (previous && reparseEdit(previous, chunk.text)) || new ParsedDocument(chunk.text);
        next.set(chunk.text, document);
      }
      return { index, start: chunk.start, end: chunk.end, document };
    });
    this.previous = next;
    this.previousOrder = slots.map((slot) => slot.document);
    return new ManifestFile(text, slots);
  }
}

/** A one-off parse with no reuse (CLI, tests). */
export function parseManifest(text: string): ManifestFile {
  return new ManifestParser().parse(text);
}
