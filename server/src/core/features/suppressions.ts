import type { ParsedDocument } from '../parse/document';
import type { Finding } from '../findings';

/** Ids a comment silences; an empty set means every finding. */
export interface Suppressions {
  document: Set<string> | undefined;
  /** By 0-based line (relative to the document's chunk): the ids silenced on that line. */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /#\s*sidecar-lint-(disable-next-line|disable)\b([^\n\r]*)/g;

export function parseSuppressions(text: string): Suppressions | undefined {
  if (!text.includes('sidecar-lint-disable')) return undefined;
  const result: Suppressions = { document: undefined, lines: new Map() };
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const ids = new Set(
      m[2]
        .replace(/\s--\s.*$/, '') // "-- reason" after the ids, as in eslint
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
    const line = lineOf(text, m.index);
    if (m[1] === 'disable') {
      if (!result.document) result.document = new Set();
      if (ids.size === 0) result.document.add('*');
      for (const id of ids) result.document.add(id);
    } else {
      // A comment on its own line silences the next line; a trailing comment silences its own line as well.
      const own = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index).trim() !== '';
      for (const target of own ? [line, line + 1] : [line + 1]) {
        const set = result.lines.get(target) ?? new Set<string>();
        if (ids.size === 0) set.add('*');
        for (const id of ids) set.add(id);
        result.lines.set(target, set);
      }
    }
  }
  return result;
}

export function applySuppressions(document: ParsedDocument, findings: Finding[]): Finding[] {
  const suppressions = parseSuppressions(document.text);
  if (!suppressions) return findings;
  return findings.filter((finding) => {
    if (suppressions.document && (suppressions.document.has('*') || suppressions.document.has(finding.code))) return false;
    const ids = suppressions.lines.get(lineOf(document.text, finding.start));
    return !(ids && (ids.has('*') || ids.has(finding.code)));
  });
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
