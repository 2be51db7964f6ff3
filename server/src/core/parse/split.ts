/** A slice of the file that holds one YAML document (its `---` line included). */
export interface DocumentChunk {
  start: number;
  end: number;
  text: string;
}

// A `---` at column 0 followed by a blank or the end of the line always starts a new document: YAML forbids
// that sequence inside any scalar, so splitting on it never cuts through content.
const MARKER = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Splits a multi-document YAML text into chunks, one per document. Each chunk is parsed and cached on its own,
 * so an edit in one document re-parses only that document.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const starts: number[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) starts.push(m.index);
  if (starts.length === 0 || starts[0] !== 0) {
    // Text before the first marker is a document of its own unless it is only blank lines and comments and a
    // marker follows: then it belongs to the first document (a leading comment block, a `%YAML` directive).
    const head = starts.length ? text.slice(0, starts[0]) : text;
    if (starts.length && isTrivia(head)) starts[0] = 0;
    else starts.unshift(0);
  }
  const chunks: DocumentChunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    chunks.push({ start, end, text: text.slice(start, end) });
  }
  return chunks;
}

function isTrivia(text: string): boolean {
  for (const line of text.split(/\r?\n|\r/)) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('%')) return false;
  }
  return true;
}
