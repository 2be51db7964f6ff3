import type { Location, Range } from 'vscode-languageserver-types';
import { containersOf } from '../../model/pod';
import { containerPorts, type ContainerPort } from '../../model/ports';
import type { Span } from '../../parse/nodes';
import type { IndexedReference, IndexedResource, PodFacts, SelectorFacts, ServicePortFacts, WorkspaceIndex } from '../../workspace/index/workspace-index';

/** What sits at an offset of a file, as navigation sees it. Spans are file offsets. */
export type NavigationTarget =
  | { type: 'resource'; resource: IndexedResource; span: Span }
  | { type: 'reference'; reference: IndexedReference; span: Span }
  | { type: 'service-port'; resource: IndexedResource; port: ServicePortFacts; span: Span }
  | { type: 'container-port'; resource: IndexedResource; pod: PodFacts; port: ContainerPort; span: Span }
  | { type: 'pod-label'; resource: IndexedResource; pod: PodFacts; key: string; span: Span }
  | { type: 'selector-label'; resource: IndexedResource; selector: SelectorFacts; key: string; span: Span };

/** The resource name, reference, port or label under `offset` (inclusive of the end, where the caret often is). */
export function targetAt(index: WorkspaceIndex, uri: string, offset: number): NavigationTarget | undefined {
  for (const resource of index.resourcesOf(uri)) {
    const local = offset - resource.offset;
    if (local < resource.facts.span.start || local > resource.facts.span.end) continue;
    const at = (span: Span | undefined): Span | undefined => (span && local >= span.start && local <= span.end ? shift(span, resource.offset) : undefined);
    let span = at(resource.facts.nameSpan);
    if (span) return { type: 'resource', resource, span };
    for (const reference of resource.references) if ((span = at(reference.facts.span))) return { type: 'reference', reference, span };
    for (const port of resource.facts.servicePorts) if ((span = at(port.span))) return { type: 'service-port', resource, port, span };
    for (const selector of resource.facts.selectors) {
      for (const [key, value] of selector.labelSpans) if ((span = at(value))) return { type: 'selector-label', resource, selector, key, span };
    }
    for (const pod of resource.facts.pods) {
      for (const [key, value] of pod.labelSpans) if ((span = at(value))) return { type: 'pod-label', resource, pod, key, span };
      for (const container of containersOf(pod.pod, { ephemeral: false })) {
        for (const port of containerPorts(container)) {
          span = at(port.nameSpan) ?? at(port.containerPortSpan);
          if (span) return { type: 'container-port', resource, pod, port, span };
        }
      }
    }
  }
  return undefined;
}

export function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** An LSP location of a span in an indexed file (positions from that file's own line index). */
export function locationOf(index: WorkspaceIndex, uri: string, span: Span): Location | undefined {
  const file = index.fileOf(uri);
  return file ? { uri, range: file.lineIndex.rangeOf(span.start, span.end) } : undefined;
}

export function rangeIn(index: WorkspaceIndex, uri: string, span: Span): Range | undefined {
  return locationOf(index, uri, span)?.range;
}

/** Where a resource's name is, by file offsets (the object's start when it has no name). */
export function nameSpanOf(resource: IndexedResource): Span {
  return shift(resource.facts.nameSpan ?? { start: resource.facts.span.start, end: resource.facts.span.start }, resource.offset);
}
