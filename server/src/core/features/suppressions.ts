import type { ParsedDocument } from '../parse/document';
import type { Finding } from '../findings';
import { LineIndex } from '../parse/line-index';

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
  const lines = new LineIndex(text);
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const ids = parseIds(m[2]);
    if (m[1] === 'disable') {
      result.document ??= new Set();
      for (const id of ids) result.document.add(id);
      continue;
    }
    const line = lines.lineAt(m.index + m[0].indexOf('#'));
    const target = m[1] === 'disable-line' ? line : line + 1;
    const set = result.lines.get(target) ?? new Set<string>();
    for (const id of ids) set.add(id);
    result.lines.set(target, set);
  }
  return result;
}

/** "a, b -- because" -> "a, b": from the first `--` that stands alone (a scan: a regex retried it at every blank). */
function withoutReason(rest: string): string {
  const blank = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  for (let at = rest.indexOf('--'); at >= 0; at = rest.indexOf('--', at + 1)) {
    if ((at === 0 || blank(rest[at - 1])) && (at + 2 === rest.length || blank(rest[at + 2]))) return rest.slice(0, at);
  }
  return rest;
}

/** "a, b c -- because" -> {a, b, c}; nothing listed -> {*}. */
function parseIds(rest: string): Set<string> {
  const listed = withoutReason(rest)
    .split(/[\s,]+/)
    .filter(Boolean);
  return new Set(listed.length ? listed : ['*']);
}

export function applySuppressions(document: ParsedDocument, findings: Finding[]): Finding[] {
  const suppressions = parseSuppressions(document.text);
  if (!suppressions) return findings;
  const lines = new LineIndex(document.text);
  return findings.filter((finding) => {
    if (suppressions.document && (suppressions.document.has('*') || suppressions.document.has(finding.code))) return false;
    const ids = suppressions.lines.get(lines.lineAt(finding.start));
    return !(ids && (ids.has('*') || ids.has(finding.code)));
  });
}
