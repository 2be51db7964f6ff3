import type { ParsedDocument } from '../parse/document';
import type { Finding } from '../findings';

/** Ids a comment silences; `*` stands for every finding. */
export interface Suppressions {
  document: Set<string> | undefined;
  /** By 0-based line (relative to the document's chunk): the ids silenced on that line. */
  lines: Map<number, Set<string>>;
}

/**
 * `# sidecar-lint-disable-next-line a, b -- reason`, `# sidecar-lint-disable-line a` (its own line) and
 * `# sidecar-lint-disable a` (the whole `---` document). YAML starts a comment only at a line start or after
 * whitespace, so `#` glued to text (`image: app#1`) is not one; the directive must end at a space, a comma or
 * the line end so `sidecar-lint-disabled` is not read as `disable`.
 */
const DIRECTIVE = /(?:^|[ \t])#[ \t]*sidecar-lint-(disable-next-line|disable-line|disable)(?=[\s,]|$)([^\n\r]*)/gm;

export function parseSuppressions(text: string): Suppressions | undefined {
  if (!text.includes('sidecar-lint-disable')) return undefined;
  const result: Suppressions = { document: undefined, lines: new Map() };
  const lines = lineStarts(text);
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const ids = parseIds(m[2]);
    if (m[1] === 'disable') {
      result.document ??= new Set();
      for (const id of ids) result.document.add(id);
      continue;
    }
    const line = lineAt(lines, m.index + m[0].indexOf('#'));
    const target = m[1] === 'disable-line' ? line : line + 1;
    const set = result.lines.get(target) ?? new Set<string>();
    for (const id of ids) set.add(id);
    result.lines.set(target, set);
  }
  return result;
}

/** "a, b c -- because" -> {a, b, c}; nothing listed -> {*}. */
function parseIds(rest: string): Set<string> {
  const listed = rest
    .replace(/(^|\s)--(\s.*)?$/, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  return new Set(listed.length ? listed : ['*']);
}

export function applySuppressions(document: ParsedDocument, findings: Finding[]): Finding[] {
  const suppressions = parseSuppressions(document.text);
  if (!suppressions) return findings;
  const lines = lineStarts(document.text);
  return findings.filter((finding) => {
    if (suppressions.document && (suppressions.document.has('*') || suppressions.document.has(finding.code))) return false;
    const ids = suppressions.lines.get(lineAt(lines, finding.start));
    return !(ids && (ids.has('*') || ids.has(finding.code)));
  });
}

/** Line start offsets; LF, CRLF and lone CR all end a line, as in LineIndex. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
