import type { Location } from 'vscode-languageserver-types';
import type { Span } from '../../parse/nodes';
import { podsOfService, portTargets, type PortTarget } from '../../workspace/index/service-targets';
import type { IndexedResource, PodFacts, WorkspaceIndex } from '../../workspace/index/workspace-index';
import { locationOf, nameSpanOf, shift, targetAt, type NavigationTarget } from './locate';

/** A place in the workspace, by file offsets. */
export interface Place {
  uri: string;
  span: Span;
}

/**
 * Go to definition: from a reference to the resource it names, from a Service port to the container ports it
 * sends to, from a selector's label to the pod labels it selects. A declaration is its own definition.
 */
export function definition(index: WorkspaceIndex, uri: string, offset: number): Location[] {
  const target = targetAt(index, uri, offset);
  return target ? toLocations(index, definitionPlaces(index, target, uri)) : [];
}

export function definitionPlaces(index: WorkspaceIndex, target: NavigationTarget, uri: string): Place[] {
  switch (target.type) {
    case 'reference':
      return index.resolve(target.reference).map(namePlace);
    case 'service-port':
      return portTargets(podsOfService(index, target.resource), target.port).map(portPlace);
    case 'selector-label':
      return index.selectedBy(target.resource, target.selector).flatMap(({ resource, pod }) => labelPlace(resource, pod, target.key));
    default:
      return [{ uri, span: target.span }];
  }
}

/**
 * Find references: every reference to a resource (from its name or from any reference to it), the Service ports
 * that send to a container port, the selectors that select a pod label (and the reverse).
 */
export function references(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const target = targetAt(index, uri, offset);
  if (!target) return [];
  const declarations: Place[] = [];
  const uses: Place[] = [];
  switch (target.type) {
    case 'resource':
    case 'reference': {
      const resources = target.type === 'resource' ? [target.resource] : index.resolve(target.reference);
      declarations.push(...resources.map(namePlace));
      const named = target.type === 'resource' ? resources.flatMap((r) => index.referencesTo(r)) : index.referencesNamed(target.reference.facts.targetKind, target.reference.namespace, target.reference.facts.name);
      uses.push(...[...new Set(named)].map((r) => ({ uri: r.source.uri, span: shift(r.facts.span, r.source.offset) })));
      break;
    }
    case 'container-port':
      declarations.push({ uri, span: target.span });
      for (const service of index.ofKind('Service', target.resource.namespace)) {
        const selected = podsOfService(index, service);
        for (const port of service.facts.servicePorts) {
          if (portTargets(selected, port).some((t) => t.port.container === target.port.container && t.port.index === target.port.index)) {
            uses.push({ uri: service.uri, span: shift(port.span, service.offset) });
          }
        }
      }
      break;
    case 'pod-label':
      declarations.push({ uri, span: target.span });
      uses.push(...selectorsOfLabel(index, target.resource, target.pod, target.key));
      break;
    case 'selector-label':
      uses.push({ uri, span: target.span });
      declarations.push(...definitionPlaces(index, target, uri));
      break;
    case 'service-port':
      uses.push({ uri, span: target.span });
      declarations.push(...definitionPlaces(index, target, uri));
      break;
  }
  return toLocations(index, includeDeclaration ? [...declarations, ...uses] : uses);
}

/** The selector labels (Service, PDB, NetworkPolicy, a workload's own) that select a pod through `key`. */
export function selectorsOfLabel(index: WorkspaceIndex, resource: IndexedResource, pod: PodFacts, key: string): Place[] {
  const places: Place[] = [];
  for (const owner of index.resources()) {
    if (owner.namespace !== resource.namespace) continue;
    for (const selector of owner.facts.selectors) {
      const span = selector.labelSpans.get(key);
      if (!span) continue;
      if (index.selectedBy(owner, selector).some((s) => s.pod === pod)) places.push({ uri: owner.uri, span: shift(span, owner.offset) });
    }
  }
  return places;
}

export function namePlace(resource: IndexedResource): Place {
  return { uri: resource.uri, span: nameSpanOf(resource) };
}

function portPlace(target: PortTarget): Place {
  const { resource } = target.selected;
  const span = target.port.nameSpan ?? target.port.containerPortSpan ?? { start: 0, end: 0 };
  return { uri: resource.uri, span: shift(span, resource.offset) };
}

function labelPlace(resource: IndexedResource, pod: PodFacts, key: string): Place[] {
  const span = pod.labelSpans.get(key);
  return span ? [{ uri: resource.uri, span: shift(span, resource.offset) }] : [];
}

export function toLocations(index: WorkspaceIndex, places: readonly Place[]): Location[] {
  const seen = new Set<string>();
  const locations: Location[] = [];
  for (const place of places) {
    const key = `${place.uri}#${place.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const location = locationOf(index, place.uri, place.span);
    if (location) locations.push(location);
  }
  return locations;
}
