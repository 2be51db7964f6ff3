import { ParsedDocument } from './document';
import { LineIndex } from './line-index';
import { splitDocuments } from './split';

/** A parsed document and where its chunk sits in the current text. */
export interface DocumentSlot {
  index: number;
  start: number;
  end: number;
  document: ParsedDocument;
}

/** One version of a YAML file: its documents, each parsed on its own. */
export class ManifestFile {
  private lineIndexCache: LineIndex | undefined;

  constructor(
    readonly text: string,
    readonly slots: DocumentSlot[],
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
 * typing in one document of a 10,000-line file re-parses only that document.
 */
export class ManifestParser {
  private previous = new Map<string, ParsedDocument>();

  parse(text: string): ManifestFile {
    const next = new Map<string, ParsedDocument>();
    const slots: DocumentSlot[] = splitDocuments(text).map((chunk, index) => {
      const document = next.get(chunk.text) ?? this.previous.get(chunk.text) ?? new ParsedDocument(chunk.text);
      next.set(chunk.text, document);
      return { index, start: chunk.start, end: chunk.end, document };
    });
    this.previous = next;
    return new ManifestFile(text, slots);
  }
}

/** A one-off parse with no reuse (CLI, tests). */
export function parseManifest(text: string): ManifestFile {
  return new ManifestParser().parse(text);
}
