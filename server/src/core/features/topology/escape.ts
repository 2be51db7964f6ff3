/**
 * Escaping of manifest text for Mermaid. Everything that comes from a manifest (names, images, paths, ports)
 * passes through `mermaidLabel` before it enters diagram text, so it can only ever be a label: it cannot close
 * a string or a node shape, start a comment or a new statement, add a `click` link, or inject HTML.
 *
 * Mermaid replaces `#name;` and `#123;` entity codes with placeholders before it lexes a diagram and turns them
 * back into characters only when it writes the label text, so an encoded character never reaches the parser.
 */

/** Characters that are inert in every place we put a label (quoted flowchart labels, sequence aliases, notes). */
const INERT = /[A-Za-z0-9 ._/=+-]/;

/** Words Mermaid reads as interaction or link keywords; one letter is encoded so they stay plain words. */
const KEYWORDS = /(click|call|href|javascript|vbscript|callback)/gi;

/** Longest label text kept from one manifest value: a 10 kB name must not blow up the layout. */
export const MAX_LABEL_LENGTH = 80;

/**
 * Manifest text as a Mermaid label: each character outside a small inert set becomes a numeric entity code
 * (`"` -> `#34;`), control characters and line breaks become spaces, and over-long text is cut with an ellipsis.
 */
export function mermaidLabel(text: string, maxLength = MAX_LABEL_LENGTH): string {
  // Control characters (line breaks included) would end a statement: each run becomes one space.
  // eslint-disable-next-line no-control-regex
  let flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  const points = Array.from(flat);
  if (points.length > maxLength) flat = `${points.slice(0, maxLength - 1).join('')}\u2026`;
  let result = '';
  for (const char of flat) {
    result += INERT.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  // The first letter stays, the second is encoded: "click" -> "c#108;ick".
  return result.replace(KEYWORDS, (word) => `${word[0]}#${word.charCodeAt(1)};${word.slice(2)}`);
}

/** Turns the entity codes of `mermaidLabel` back into text: what a reader of the rendered diagram sees. */
export function decodeMermaidLabel(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
