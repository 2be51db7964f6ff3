import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import snippetData from '../../../../../snippets/compose-sidecars.json';
import { getMap, nodeSpan } from '../../parse/nodes';
import { reindentBlock } from '../../text/indentation';
import type { KeyContext } from './cursor';
import { topLevelNames } from '../../compose/detect';
import { rangeOf, snippetItem, type Request } from './request';

interface ComposeSnippet {
  id: string;
  label: string;
  description: string;
  service: string[];
  volumes: string[];
}

/** The Compose sidecar snippets (snippets/compose-sidecars.json), one table. */
export const COMPOSE_SNIPPETS: readonly ComposeSnippet[] = (snippetData as { services: ComposeSnippet[] }).services;

/** The snippets as a new entry of `services:`, attached to the file's first service and declaring their volumes. */
export function composeSnippetItems(request: Request, context: KeyContext): CompletionItem[] {
  const app = topLevelNames(request.document.root, 'services')[0] ?? 'app';
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  return COMPOSE_SNIPPETS.map((snippet) => {
    const body = snippet.service.join('\n').replace(/@app/g, app);
    const text = reindentBlock(body, request.style, context.column, request.eol);
    const item = snippetItem(request, range, snippet.label, snippet.description, text, `2${snippet.id}`, snippet.id);
    const declare = volumesEdit(request, snippet.volumes);
    if (declare) item.additionalTextEdits = [declare];
    return item;
  });
}

/** Declares the named volumes a snippet mounts under the top-level `volumes:` (created at the end when absent). */
function volumesEdit(request: Request, volumes: readonly string[]): TextEdit | undefined {
  const declared = new Set(topLevelNames(request.document.root, 'volumes'));
  const missing = volumes.filter((name) => !declared.has(name));
  if (missing.length === 0) return undefined;
  const { eol, style } = request;
  const entries = missing.map((name) => `${' '.repeat(style.unit)}${name}:`).join(eol);
  const top = getMap(request.document.root, 'volumes');
  const end = nodeSpan(top)?.end;
  if (top && top.items.length > 0 && end !== undefined && !top.flow) {
    // After the last declared volume: at the end of its line.
    const text = request.document.text;
    let at = end;
    while (at > 0 && /[\r\n]/.test(text[at - 1] ?? '')) at--;
    return { range: rangeOf(request, at, at), newText: `${eol}${entries}` };
  }
  if (top) return undefined;
  const text = request.document.text;
  const tail = text.length;
  const needsBreak = tail > 0 && !/\n$/.test(text);
  return { range: rangeOf(request, tail, tail), newText: `${needsBreak ? eol : ''}volumes:${eol}${entries}${eol}` };
}
