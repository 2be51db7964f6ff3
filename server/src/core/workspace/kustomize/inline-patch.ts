import { isScalar } from 'yaml';
import type { ParsedDocument } from '../../parse/document';
import { resolvePath, type YamlPath } from '../../parse/nodes';

/**
 * An inline patch's text, and how its offsets map into the kustomization document: for a literal block scalar
 * (`patch: |` / `|-` / `|+`, the form kustomize's docs use), each character of the patch is the same character of
 * the file, so a finding inside the patch gets its exact place. Undefined for other scalar styles (quoted, plain,
 * folded), whose text is not the file's; or when any line does not match (then the caller falls back to the
 * entry's key).
 */
export function inlinePatchText(document: ParsedDocument, path: YamlPath): { text: string; offset: (inner: number) => number } | undefined {
  const node = resolvePath(document.yaml.contents, path)?.node;
  if (!isScalar(node) || node.type !== 'BLOCK_LITERAL' || !node.range || typeof node.value !== 'string') return undefined;
  const text = document.text;
  const headerEnd = text.indexOf('\n', node.range[0]);
  // An explicit indentation indicator (`|2`) sets the indent relative to the parent: not followed here.
  if (headerEnd < 0 || /^\|[+-]?\d|^\|\d/.test(text.slice(node.range[0], headerEnd))) return undefined;
  const lines = node.value.split('\n');
  const firstContent = lines.find((line) => line.length > 0);
  if (firstContent === undefined) return undefined;
  // The file's lines of the scalar, from the one after the header.
  const starts: number[] = [];
  for (let start = headerEnd + 1; starts.length < lines.length && start <= text.length; ) {
    starts.push(start);
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  let indent: number | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.length === 0) continue;
    const start = starts[index];
    if (start === undefined) return undefined;
    if (indent === undefined) indent = text.slice(start).search(/[^ ]/);
    if (text.slice(start + indent, start + indent + line.length) !== line) return undefined;
  }
  const offsetIndent = indent ?? 0;
  const lineStarts = [0];
  for (let i = node.value.indexOf('\n'); i >= 0; i = node.value.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const end = node.range[1];
  const offset = (inner: number): number => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= inner) line++;
    const start = starts[line];
    return start === undefined ? end : start + offsetIndent + (inner - lineStarts[line]);
  };
  return { text: node.value, offset };
}
