import type { ParsedDocument } from '../../parse/document';
import { asMap, nodeSpan, resolvePath, type YamlPath } from '../../parse/nodes';
import { containersOf, type ContainerModel, type PodSpecModel, podsOf } from '../../model/pod';

function contains(node: unknown, offset: number): boolean {
  const span = nodeSpan(node);
  return !!span && offset >= span.start && offset <= span.end;
}

/** The pod spec whose map holds `offset` (the workload's own pod template). */
export function podAt(document: ParsedDocument, offset: number): PodSpecModel | undefined {
  return podsOf(document).find((pod) => contains(pod.spec, offset)) ?? podsOf(document)[0];
}

/** The container (init, app or ephemeral) whose map holds `offset`. */
export function containerAt(pod: PodSpecModel | undefined, offset: number): ContainerModel | undefined {
  if (!pod) return undefined;
  return containersOf(pod, { ephemeral: true }).find((c) => contains(c.node, offset));
}

/** The container a `containerPath` in a diagnostic's data points at, when it still resolves to one. */
export function containerByPath(pod: PodSpecModel | undefined, path: unknown): ContainerModel | undefined {
  if (!pod || !Array.isArray(path)) return undefined;
  const node = asMap(resolvePath(pod.document.root, path as YamlPath)?.node);
  return node ? containersOf(pod, { ephemeral: true }).find((c) => c.node === node) : undefined;
}

/** A string or number from data, else undefined. */
export function dataString(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
