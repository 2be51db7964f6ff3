import { SymbolKind, type DocumentLink, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import { classifySidecar } from '../../model/known-sidecars';
import { containersOf } from '../../model/pod';
import type { ManifestFile } from '../../parse/manifest';
import { nodeSpan } from '../../parse/nodes';
import { documentFacts } from '../../workspace/index/document-facts';
import type { IndexedResource, WorkspaceIndex } from '../../workspace/index/workspace-index';
import { locationOf, nameSpanOf, shift } from './locate';

/** The most workspace symbols one query returns: a client asks again as the user types. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** `Deployment/shop/web`, `PriorityClass/high`: how a workspace symbol names a resource. */
export function qualifiedName(resource: IndexedResource): string {
  const name = resource.facts.name ?? '(unnamed)';
  return resource.namespace === '' ? `${resource.facts.kind}/${name}` : `${resource.facts.kind}/${resource.namespace}/${name}`;
}

/** Every resource of the workspace whose qualified name holds the query's characters in order (case-insensitive). */
export function workspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  const wanted = query.toLowerCase();
  const symbols: SymbolInformation[] = [];
  for (const resource of index.resources()) {
    if (resource.facts.name === undefined) continue;
    const name = qualifiedName(resource);
    if (!isSubsequence(wanted, name.toLowerCase())) continue;
    const location = locationOf(index, resource.uri, nameSpanOf(resource));
    if (!location) continue;
    symbols.push({ name, kind: symbolKind(resource.facts.kind), location, containerName: resource.namespace || undefined });
    if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return symbols;
}

/** The outline of a file: each object, its pod template, and the pod's containers with their role. */
export function documentSymbols(file: ManifestFile): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const slot of file.slots) {
    for (const resource of documentFacts(slot.document).resources) {
      const nameSpan = resource.nameSpan ? shift(resource.nameSpan, slot.start) : undefined;
      const start = Math.min(resource.span.start + slot.start, nameSpan?.start ?? Infinity);
      const end = Math.max(resource.span.end + slot.start, nameSpan?.end ?? -Infinity);
      const range = file.lineIndex.rangeOf(start, end);
      const children: DocumentSymbol[] = resource.pods.map((pod) => {
        const podSpan = nodeSpan(pod.pod.spec) ?? resource.span;
        const keySpan = nodeSpan(pod.pod.specPair?.key) ?? podSpan;
        // From the `spec:` key to the end of its value: a symbol's range must contain its selection (VS Code
        // rejects the whole outline otherwise).
        const podRange = file.lineIndex.rangeOf(Math.min(keySpan.start, podSpan.start) + slot.start, Math.max(keySpan.end, podSpan.end) + slot.start);
        return {
          name: resource.kind === 'Pod' ? 'pod' : 'pod template',
          detail: pod.pod.path.join('.'),
          kind: SymbolKind.Module,
          range: podRange,
          selectionRange: file.lineIndex.rangeOf(keySpan.start + slot.start, keySpan.end + slot.start),
          children: containersOf(pod.pod, { ephemeral: true }).map((container): DocumentSymbol => {
            const node = nodeSpan(container.node) ?? podSpan;
            const selection = nodeSpan(container.nameNode) ?? node;
            const span = { start: Math.min(node.start, selection.start), end: Math.max(node.end, selection.end) };
            return {
              name: container.name ?? `${container.list}[${container.index}]`,
              detail: [container.role.replace('-', ' '), classifySidecar(container)?.kind].filter(Boolean).join(' · '),
              kind: SymbolKind.Object,
              range: file.lineIndex.rangeOf(span.start + slot.start, span.end + slot.start),
              selectionRange: file.lineIndex.rangeOf(selection.start + slot.start, selection.end + slot.start),
            };
          }),
        };
      });
      symbols.push({
        name: `${resource.kind} ${resource.name ?? '(unnamed)'}`,
        detail: resource.namespace,
        kind: symbolKind(resource.kind),
        range,
        selectionRange: nameSpan ? file.lineIndex.rangeOf(nameSpan.start, nameSpan.end) : range,
        children,
      });
    }
  }
  return symbols;
}

/** A link on every reference whose resource the workspace defines, to the resource's name. */
export function documentLinks(index: WorkspaceIndex, uri: string): DocumentLink[] {
  const file = index.fileOf(uri);
  if (!file) return [];
  const links: DocumentLink[] = [];
  for (const reference of index.referencesOf(uri)) {
    const [target] = index.resolve(reference);
    const location = target && locationOf(index, target.uri, nameSpanOf(target));
    if (!location) continue;
    const span = shift(reference.facts.span, reference.source.offset);
    const { line, character } = location.range.start;
    links.push({
      range: file.lineIndex.rangeOf(span.start, span.end),
      target: `${target.uri}#L${line + 1},${character + 1}`,
      tooltip: `Open ${qualifiedName(target)}`,
    });
  }
  return links;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
  Service: SymbolKind.Interface,
  Ingress: SymbolKind.Interface,
  HTTPRoute: SymbolKind.Interface,
  ConfigMap: SymbolKind.File,
  Secret: SymbolKind.Key,
  ServiceAccount: SymbolKind.Constructor,
  Namespace: SymbolKind.Namespace,
};

function symbolKind(kind: string): SymbolKind {
  return Object.hasOwn(SYMBOL_KINDS, kind) ? SYMBOL_KINDS[kind] : SymbolKind.Class;
}
