// Linting a YAML stream of any size document by document, holding one document in memory at a time.
import type { LanguageService } from '../core/language-service';
import type { Settings } from '../core/settings';
import type { KustomizeContext } from '../core/features/kustomize/patch-validation';
import type { WorkspaceIndex } from '../core/workspace/index/workspace-index';
import { lintText, sortMessages, type LintMessage } from './lint';

/** Inputs up to this size are linted whole, as the editor does (code frames need the text); larger ones stream. */
export const STREAM_THRESHOLD = 4 * 1024 * 1024;

// A `---` at column 0 followed by a blank or a line break: the document marker splitDocuments cuts at.
const MARKER = /^---(?=[ \t\r\n])/gm;

/** LSP line breaks (LF, CRLF, a lone CR) in `text`. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) count++;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/**
 * Feeds text in pieces (a file read in blocks, stdin as it arrives). Small inputs are linted whole through
 * lintText, exactly as before; once the input passes STREAM_THRESHOLD, every complete run of documents (up to the
 * last `---` seen) is linted on its own and dropped, its message lines shifted by the lines before it. The
 * findings are the editor's, since every check works per document; only the text for code frames is not kept.
 */
export class StreamLinter {
  private pending = '';
  private line = 0;
  private streaming = false;
  private readonly messages: LintMessage[] = [];
  private checked = false;
  /** The largest piece of text held at once, for the benchmark's memory claim. */
  maxPending = 0;

  constructor(
    private readonly service: LanguageService,
    private readonly settings: Settings,
    /** The file's path or name: recognises Compose files by name. */
    private readonly fileName?: string,
    /** A file that kustomizations use as a patch is checked merged into their bases (whole inputs only). */
    private readonly kustomize?: KustomizeContext,
    /** The index of every input, for the cross-file rules (an input that streams is checked alone). */
    private readonly workspace?: WorkspaceIndex,
  ) {}

  push(text: string): void {
    this.pending += text;
    this.maxPending = Math.max(this.maxPending, this.pending.length);
    if (!this.streaming && this.pending.length <= STREAM_THRESHOLD) return;
    this.streaming = true;
    let cut = -1;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(this.pending); m; m = MARKER.exec(this.pending)) if (m.index > 0) cut = m.index;
    if (cut > 0) this.flush(cut);
  }

  /** The messages of the whole input; `text` only when it was linted whole. */
  end(): { text?: string; messages: LintMessage[]; skipped: boolean } {
    if (!this.streaming) return lintText(this.service, this.pending, this.settings, this.fileName, this.kustomize, this.workspace);
    if (this.pending) this.flush(this.pending.length);
    return { messages: sortMessages(this.messages), skipped: !this.checked && this.messages.length === 0 };
  }

  private flush(cut: number): void {
    const chunk = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    // Only the first piece can start with a byte-order mark; lintText drops it there.
    const result = lintText(this.service, chunk, this.settings, this.fileName);
    if (!result.skipped) this.checked = true;
    const shift = this.line;
    for (const message of result.messages) {
      message.range = {
        start: { line: message.range.start.line + shift, character: message.range.start.character },
        end: { line: message.range.end.line + shift, character: message.range.end.character },
      };
      this.messages.push(message);
    }
    this.line += lineBreaks(chunk);
  }
}
