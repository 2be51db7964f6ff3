import { ParsedDocument } from './document';
import { asMap, getSeq, nodeSpan } from './nodes';

/**
 * The items of a `kind: List` (or `<Kind>List`) document as documents of their own, so that each is validated as
 * kubectl creates it. Each item keeps the offsets it has in the list: its text is the list's text with everything
 * outside the item blanked to spaces (line breaks kept), which parses as the item alone at its own indentation.
 */
export function listItems(document: ParsedDocument): ParsedDocument[] {
  if (!document.kind || !/List$/.test(document.kind) || !document.apiVersion) return [];
  const items = getSeq(document.root, 'items');
  if (!items) return [];
  const result: ParsedDocument[] = [];
  for (const item of items.items) {
    const span = asMap(item) ? nodeSpan(item) : undefined;
    if (!span) continue;
    const text = blankOutside(document.text, span.start, span.end);
    const parsed = new ParsedDocument(text);
    if (parsed.isKubernetes && !parsed.hasSyntaxErrors) result.push(parsed);
  }
  return result;
}

function blankOutside(text: string, start: number, end: number): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}
