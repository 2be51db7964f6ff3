import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { asSeq, nodeSpan } from '../../parse/nodes';
import type { LineIndex } from '../../parse/line-index';
import { podsOf, type PodSpecModel } from '../../model/pod';
import { reindentBlock } from '../../text/indentation';
import { CONTAINER_SNIPPETS, nativeVariant, type ContainerSnippet } from '../snippets';
import type { KeyContext } from './cursor';
import { rangeOf, samePath, snippetItem, type Request } from './request';

/** Container snippets at a new item of `containers` or `initContainers` (native sidecar variants there). */
export function containerSnippetItems(request: Request, context: KeyContext): CompletionItem[] {
  let list: 'containers' | 'initContainers' | undefined;
  let withDash = false;
  const last = context.path[context.path.length - 1];
  const owner = context.path[context.path.length - 2];
  if (context.itemStart && typeof last === 'number' && (owner === 'containers' || owner === 'initContainers') && context.existingKeys.size === 0) {
    list = owner;
  } else if (context.listPath && !context.itemStart && !context.flow) {
    const listName = context.listPath[context.listPath.length - 1];
    if (listName === 'containers' || listName === 'initContainers') {
      list = listName;
      withDash = true;
    }
  }
  if (!list) return [];
  const podPath = list && (withDash ? context.listPath?.slice(0, -1) : context.path.slice(0, -2));
  const pod = podsOf(request.document, request.service.pods).find((p) => samePath(p.path, podPath ?? []));
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  return CONTAINER_SNIPPETS.map((snippet) => {
    const native = list === 'initContainers';
    const body = native ? nativeVariant(snippet.container) : snippet.container;
    const block = withDash ? `- ${body.split('\n').join('\n  ')}` : body;
    const text = reindentBlock(block, request.style, context.column, request.eol);
    const item = snippetItem(request, range, snippet.label, snippet.description + (native ? ' As a native sidecar (restartPolicy: Always).' : ''), text, `2${snippet.id}`, snippet.id);
    const volumeEdit = pod ? volumesEdit(request, pod, snippet, context.wordStart) : undefined;
    if (volumeEdit) item.additionalTextEdits = [volumeEdit];
    return item;
  });
}

/**
 * Adds the volumes a snippet mounts to the pod: after its last volume, or as a new `volumes:` key after the
 * pod spec (before it when the spec ends on the cursor's line, so the two edits never touch).
 */
function volumesEdit(request: Request, pod: PodSpecModel, snippet: ContainerSnippet, cursor: number): TextEdit | undefined {
  const present = new Set(pod.volumes.map((v) => v.name));
  const missing = snippet.volumes.filter((v) => !present.has(v.name));
  if (missing.length === 0) return undefined;
  const text = request.document.text;
  const lines = request.document.lines;
  const { style, eol } = request;
  const volumesSeq = asSeq(pod.volumesPair?.value);
  if (volumesSeq && volumesSeq.items.length > 0) {
    const lastItem = volumesSeq.items[volumesSeq.items.length - 1];
    const span = nodeSpan(lastItem);
    if (!span) return undefined;
    const dashColumn = columnOf(lines, text.lastIndexOf('-', span.start));
    const at = endOfLine(lines, span.end);
    const block = missing.map((v) => reindentBlock(`- ${v.body.split('\n').join('\n  ')}`, style, dashColumn, eol)).map((b) => `${eol}${' '.repeat(dashColumn)}${b}`);
    return { range: rangeOf(request, at, at), newText: block.join('') };
  }
  // No volumes yet: a `volumes:` key after the pod spec's last line, at the column of its keys.
  const specSpan = nodeSpan(pod.spec);
  const firstKey = pod.spec.items[0]?.key;
  const keySpan = nodeSpan(firstKey);
  if (!specSpan || !keySpan || pod.volumesPair) return undefined;
  const keyColumn = columnOf(lines, keySpan.start);
  const items = missing.map((v) => `  - ${v.body.split('\n').join('\n    ')}`);
  const block = reindentBlock(`volumes:\n${items.join('\n')}`, style, keyColumn, eol);
  const end = endOfLine(lines, lastContentBefore(text, specSpan.end));
  const cursorLineStart = lines.lineStart(lines.lineAt(cursor));
  if (end < cursorLineStart) return { range: rangeOf(request, end, end), newText: `${eol}${' '.repeat(keyColumn)}${block}` };
  const firstLineStart = keySpan.start - keyColumn;
  return { range: rangeOf(request, firstLineStart, firstLineStart), newText: `${' '.repeat(keyColumn)}${block}${eol}` };
}

function columnOf(lines: LineIndex, offset: number): number {
  return offset - lines.lineStart(lines.lineAt(offset));
}

function endOfLine(lines: LineIndex, offset: number): number {
  const text = lines.text;
  let at = Math.max(0, Math.min(offset, text.length));
  // A node's range may end after its line break: step back onto the line it ends on.
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  return lines.lineEnd(lines.lineAt(at));
}

function lastContentBefore(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}
