import type { PodSpecModel } from '../../model/pod';
import type { Span } from '../../parse/nodes';
import { podsOfService, portTargets, targetOf } from '../../workspace/index/service-targets';
import { isBuiltIn, scopeLabel, type IndexedReference, type IndexedResource, type PodFacts, type WorkspaceIndex } from '../../workspace/index/workspace-index';
import { safe, type FlowchartBuilder, type Label } from './flowchart-builder';

/** The workspace a diagram is drawn in: the index (holding this version of the file) and the file's URI. */
export interface TopologyWorkspace {
  index: WorkspaceIndex;
  uri: string;
  /** False while the first indexing pass runs: a name not found yet is not called missing. */
  complete: boolean;
}

/** The pod's own nodes that links attach to. */
export interface PodAnchors {
  /** The pod's subgraph. */
  group: string;
  /** The node of a container, by its list and index. */
  container(list: string, index: number): string | undefined;
  /** The node of `volumes[index]`. */
  volume(index: number): string | undefined;
}

/**
 * Beside the pod, from the workspace index: the Services that route to it (an edge per Service port to the
 * container port it targets) and what it reads — ConfigMaps, Secrets, PVCs, the ServiceAccount… — each with an
 * edge to the volume or container that reads it (the pod itself for pod-level fields). A target in another file
 * names the file; one the workspace lacks says whether it is missing or managed elsewhere.
 */
export function drawWorkspaceLinks(flow: FlowchartBuilder, workspace: TopologyWorkspace, pod: PodSpecModel, anchors: PodAnchors): void {
  const found = podInIndex(workspace, pod);
  if (!found) return;
  const { resource, facts } = found;
  drawServices(flow, workspace, resource, facts, anchors);
  drawReads(flow, workspace, resource, pod, anchors);
}

function podInIndex(workspace: TopologyWorkspace, pod: PodSpecModel): { resource: IndexedResource; facts: PodFacts } | undefined {
  for (const resource of workspace.index.resourcesOf(workspace.uri)) {
    const facts = resource.facts.pods.find((p) => p.pod.spec === pod.spec);
    if (facts) return { resource, facts };
  }
  return undefined;
}

function drawServices(flow: FlowchartBuilder, workspace: TopologyWorkspace, resource: IndexedResource, facts: PodFacts, anchors: PodAnchors): void {
  for (const service of workspace.index.ofKind('Service', resource.namespace)) {
    const selected = podsOfService(workspace.index, service).filter((s) => s.pod === facts);
    if (selected.length === 0) continue;
    const id = flow.nextId('s');
    const ports = service.facts.servicePorts.map((p) => `${p.port ?? '?'}→${targetOf(p) ?? '?'}`);
    const lines: Label[] = [[safe('Service '), service.facts.name ?? safe('(unnamed)')], ...whereLines(workspace, service)];
    if (ports.length) lines.push([safe('ports '), ports.join(' ')]);
    flow.node(id, 'box', lines, ['service'], localSpan(workspace, service, service.facts.nameSpan));
    let edges = 0;
    for (const port of service.facts.servicePorts) {
      for (const target of portTargets(selected, port)) {
        const container = anchors.container(target.port.container.list, target.port.container.index);
        if (!container) continue;
        const to = target.port.name ? `${target.port.containerPort ?? '?'} ${target.port.name}` : String(target.port.containerPort ?? '?');
        flow.edge(id, container, 'routes', [safe('port '), String(port.port ?? '?'), safe(' to '), to, ...(target.sidecar ? [safe(' (sidecar)')] : [])]);
        edges++;
      }
    }
    // Selected, but no Service port reaches a declared container port: the traffic still goes to the pod.
    if (edges === 0) flow.edge(id, anchors.group, 'routes', safe('selects the pod, targets no declared port'), service.facts.servicePorts.length > 0);
  }
}

function drawReads(flow: FlowchartBuilder, workspace: TopologyWorkspace, resource: IndexedResource, pod: PodSpecModel, anchors: PodAnchors): void {
  const nodes = new Map<string, string>();
  const missing = new Set<string>();
  const edges = new Set<string>();
  for (const reference of resource.references) {
    const local = reference.facts.path.slice(0, pod.path.length);
    if (local.length !== pod.path.length || local.some((step, i) => step !== pod.path[i])) continue;
    const key = `${reference.facts.targetKind}\u0000${reference.facts.name}`;
    let id = nodes.get(key);
    if (!id) {
      id = flow.nextId('r');
      nodes.set(key, id);
      if (!drawTarget(flow, workspace, reference, id)) missing.add(id);
    }
    const reader = readerOf(reference.facts.path.slice(pod.path.length), anchors);
    const edgeKey = `${id}>${reader}`;
    if (edges.has(edgeKey)) continue;
    edges.add(edgeKey);
    flow.edge(id, reader, 'reads', safe(fieldWords(reference.facts.kind.field)), missing.has(id));
  }
}

/** Draws what a reference names; false when the workspace defines others of its kind there but not this one. */
function drawTarget(flow: FlowchartBuilder, workspace: TopologyWorkspace, reference: IndexedReference, id: string): boolean {
  const { targetKind, name } = reference.facts;
  const targets = workspace.index.resolve(reference);
  const lines: Label[] = [[safe(`${targetKind} `), name]];
  const first = targets[0];
  if (first) {
    lines.push(...whereLines(workspace, first));
    flow.node(id, 'cylinder', lines, ['reference'], localSpan(workspace, first, first.facts.nameSpan));
    return true;
  }
  const span = localSpan(workspace, reference.source, reference.facts.span);
  if (isBuiltIn(targetKind, name)) {
    flow.node(id, 'cylinder', [...lines, safe('built into the cluster')], ['reference'], span);
  } else if (!workspace.complete) {
    flow.node(id, 'cylinder', [...lines, safe('workspace still indexing')], ['reference'], span);
  } else if (workspace.index.ofKind(targetKind, reference.namespace).length === 0) {
    flow.node(id, 'cylinder', [...lines, safe('not in the workspace (managed elsewhere)')], ['reference'], span);
  } else {
    const missing: Label = [safe(reference.facts.optional ? 'optional, not in ' : 'missing in '), scopeLabel(reference.namespace)];
    flow.node(id, 'cylinder', [...lines, missing], reference.facts.optional ? ['reference'] : ['missing'], span);
    return reference.facts.optional;
  }
  return true;
}

/** `envFrom[].secretRef.name` → `envFrom.secretRef`: the table's field, as an edge label. */
function fieldWords(field: string): string {
  return field.replace(/\[\]/g, '').replace(/\.(?:name|secretName|claimName)$/, '');
}

/** The node that reads a reference: the volume or container whose path it is under, else the pod. */
function readerOf(path: readonly (string | number)[], anchors: PodAnchors): string {
  const [list, index] = path;
  if (typeof index === 'number') {
    if (list === 'volumes') return anchors.volume(index) ?? anchors.group;
    if (typeof list === 'string') return anchors.container(list, index) ?? anchors.group;
  }
  return anchors.group;
}

/** "in ../config/config.yaml" (relative to the diagram's file) for a resource of another file; nothing for this file. */
function whereLines(workspace: TopologyWorkspace, resource: IndexedResource): Label[] {
  if (resource.uri === workspace.uri) return [];
  return [[safe('in '), relativePath(workspace.uri, resource.uri)]];
}

/** A span of the diagram's own file (a click reveals it), none for another file. */
function localSpan(workspace: TopologyWorkspace, resource: IndexedResource, span: Span | undefined): Span | undefined {
  if (resource.uri !== workspace.uri || !span) return undefined;
  return { start: span.start + resource.offset, end: span.end + resource.offset };
}

/** The path of `to` from the folder of `from` (URIs of one scheme), or `to`'s file name when they share nothing. */
export function relativePath(from: string, to: string): string {
  const parts = (uri: string) => uri.replace(/[?#].*$/, '').split('/').map((part) => { try { return decodeURIComponent(part); } catch { return part; } });
  const source = parts(from).slice(0, -1);
  const target = parts(to);
  let common = 0;
  while (common < source.length && common < target.length - 1 && source[common] === target[common]) common++;
  if (common < 3) return target[target.length - 1];
  return [...source.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
