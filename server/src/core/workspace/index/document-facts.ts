import type { ParsedDocument } from '../../parse/document';
import { listItems } from '../../parse/list-items';
import { asMap, asSeq, getMap, getPair, getString, keyText, nodeSpan, scalarText, valueNode, type MapNode, type Span, type YamlPath } from '../../parse/nodes';
import { labelMap } from '../../model/labels';
import { podsOf, type PodSpecModel } from '../../model/pod';
import { apiGroup, podLocations, type DerivedPodLocations, type PodLocation } from '../../model/pod-locations';
import { isPodPart, KIND_GROUPS, REFERENCE_KINDS, SELECTOR_KINDS, type PathStep, type ReferenceKind, type SelectorKind } from './reference-kinds';

/**
 * What one parsed document contributes to the workspace, by offsets relative to its chunk (like every span of a
 * ParsedDocument), so the facts of a document that did not change are reused across edits of its file.
 */
export interface DocumentFacts {
  resources: ResourceFacts[];
}

/** One object: its identity, the pods it runs, what it references and what it selects. */
export interface ResourceFacts {
  apiVersion: string;
  kind: string;
  name?: string;
  /** The `metadata.name` value as written. */
  nameSpan?: Span;
  /** `metadata.namespace` when written. */
  namespace?: string;
  /** The whole object (its map), for document symbols. */
  span: Span;
  labels: Map<string, string>;
  pods: PodFacts[];
  references: ReferenceFacts[];
  selectors: SelectorFacts[];
  /** A Service's ports. */
  servicePorts: ServicePortFacts[];
}

export interface PodFacts {
  pod: PodSpecModel;
  /** The pod template's labels (a Pod's own labels). */
  labels: Map<string, string>;
  /** Each label value as written, for rename. */
  labelSpans: Map<string, Span>;
}

export interface ReferenceFacts {
  kind: ReferenceKind;
  targetKind: string;
  name: string;
  span: Span;
  /** The namespace written in the reference itself (subjects[].namespace), if any. */
  namespace?: string;
  optional: boolean;
  /** The Service port a backend names: a number or a port name. */
  port?: { value: number | string; span: Span };
  /** Where the map holding the name sits, from the object's root. */
  path: YamlPath;
}

export interface SelectorFacts {
  kind: SelectorKind;
  /** The selector's key (what a finding underlines). */
  span: Span;
  map: MapNode;
  /** A Service's plain map, or a label selector's matchLabels (label selectors are matched through `map`). */
  labels: Map<string, string>;
  /** Each matchLabels / map value as written, by label key, for rename. */
  labelSpans: Map<string, Span>;
}

export interface ServicePortFacts {
  name?: string;
  port?: number;
  /** What the Service sends to: a number or a container port name; absent means `port`. */
  targetPort?: number | string;
  /** The targetPort value, else the port value: what a finding underlines. */
  span: Span;
  index: number;
}

/** Facts per parsed document and the pod rows they were read with (a CRD's edit changes a custom resource's rows). */
const factsByDocument = new WeakMap<ParsedDocument, { rows: readonly PodLocation[]; facts: DocumentFacts }>();

/**
 * The facts of a document. `derived`: the pod rows of the CRDs it is read with (model/pod-locations.ts), so a custom
 * resource whose CRD embeds a pod template has its pods, references and labels in the workspace as a Deployment has.
 */
export function documentFacts(document: ParsedDocument, derived?: DerivedPodLocations): DocumentFacts {
  if (document.isKubernetes && document.root) {
    const items = listItems(document);
    if (items.length > 0) return { resources: items.flatMap((item) => documentFacts(item, derived).resources) };
  }
  const rows = document.isKubernetes && document.apiVersion && document.kind ? podLocations(document.apiVersion, document.kind, derived) : [];
  const known = factsByDocument.get(document);
  if (known && known.rows.length === rows.length && known.rows.every((row, i) => row === rows[i])) return known.facts;
  const facts: DocumentFacts = { resources: [] };
  if (document.isKubernetes && document.root) facts.resources.push(resourceFacts(document, derived));
  if (document.root && (document.kind === 'Kustomization' || (document.kind === undefined && GENERATORS.some((g) => getPair(document.root, g.key))))) {
    facts.resources.push(...generatedResources(document, document.root));
  }
  factsByDocument.set(document, { rows, facts });
  return facts;
}

function resourceFacts(document: ParsedDocument, derived: DerivedPodLocations | undefined): ResourceFacts {
  const root = document.root as MapNode;
  const kind = indexedKind(document.apiVersion ?? '', document.kind ?? '');
  const metadata = getMap(root, 'metadata');
  const namePair = getPair(metadata, 'name');
  // The pod's labels: its template's metadata, wherever the kind keeps it (model/pod.ts; Argo's inside the template).
  const pods = podsOf(document, derived).map((pod): PodFacts => ({ pod, labels: labelMap(getMap(pod.metadata, 'labels')), labelSpans: valueSpans(getMap(pod.metadata, 'labels')) }));
  const references: ReferenceFacts[] = [];
  for (const row of REFERENCE_KINDS) {
    if (isPodPart(row.from)) for (const pod of pods) readPodReferences(row, pod.pod, references);
    else if (row.from.includes(kind)) readReferences(row, root, [], references);
  }
  const selectors: SelectorFacts[] = [];
  for (const row of SELECTOR_KINDS) {
    if (!row.from.includes(kind)) continue;
    const pair = resolvePair(root, row.path);
    const map = asMap(pair?.value);
    const span = pair && nodeSpan(pair.key);
    if (!map || !span) continue;
    const labelsNode = row.form === 'map' ? map : getMap(map, 'matchLabels');
    selectors.push({ kind: row, span, map, labels: labelMap(labelsNode), labelSpans: valueSpans(labelsNode) });
  }
  return {
    apiVersion: document.apiVersion ?? '',
    kind,
    name: scalarText(namePair?.value),
    nameSpan: nodeSpan(valueNode(namePair?.value)),
    namespace: getString(metadata, 'namespace')?.trim() || undefined,
    span: nodeSpan(root) ?? { start: 0, end: document.text.length },
    labels: labelMap(getMap(metadata, 'labels')),
    pods,
    references,
    selectors,
    servicePorts: kind === 'Service' ? servicePorts(root) : [],
  };
}

/**
 * The kind's name in the index: `Kind.group` for a custom kind that shares a built-in kind's name (KIND_GROUPS).
 * Only a group with a dot is a custom one (a CRD's group must contain one: apiextensions-apiserver
 * ValidateCustomResourceDefinitionSpec); a wrong built-in apiVersion (`v1` on a Deployment) keeps the kind.
 */
export function indexedKind(apiVersion: string, kind: string): string {
  const groups = KIND_GROUPS.get(kind);
  const group = apiGroup(apiVersion);
  return groups && group.includes('.') && !groups.includes(group) ? `${kind}.${group}` : kind;
}

/** kustomize generators: the ConfigMaps and Secrets a kustomization makes, which no manifest file defines. */
const GENERATORS = [
  { key: 'configMapGenerator', kind: 'ConfigMap' },
  { key: 'secretGenerator', kind: 'Secret' },
] as const;

/**
 * The generated objects of a kustomization, as resources whose name is the generator's `name` (kustomize appends a
 * content hash and rewrites the references to it; api/types/generatorargs.go). Namespace: the entry's, else the
 * kustomization's `namespace:`.
 */
function generatedResources(document: ParsedDocument, root: MapNode): ResourceFacts[] {
  const namespace = getString(root, 'namespace')?.trim() || undefined;
  const resources: ResourceFacts[] = [];
  for (const generator of GENERATORS) {
    for (const item of asSeq(getPair(root, generator.key)?.value)?.items ?? []) {
      const map = asMap(item);
      const nameNode = valueNode(getPair(map, 'name')?.value);
      const nameSpan = nodeSpan(nameNode);
      const name = scalarText(nameNode)?.trim();
      if (!map || !name || !nameSpan) continue;
      resources.push({
        apiVersion: 'v1',
        kind: generator.kind,
        name,
        nameSpan,
        namespace: getString(map, 'namespace')?.trim() || namespace,
        span: nodeSpan(map) ?? nameSpan,
        labels: new Map(),
        pods: [],
        references: [],
        selectors: [],
        servicePorts: [],
      });
    }
  }
  return resources;
}

function valueSpans(map: MapNode | undefined): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const pair of map?.items ?? []) {
    const key = keyText(pair);
    const span = nodeSpan(valueNode(pair.value));
    if (key !== undefined && span) spans.set(key, span);
  }
  return spans;
}

function resolvePair(root: MapNode, path: readonly string[]) {
  let map: MapNode | undefined = root;
  for (const step of path.slice(0, -1)) map = getMap(map, step);
  return getPair(map, path[path.length - 1]);
}

/**
 * The references of a pod row: from the pod-spec map, each container or each volume of the pod model. A volume the
 * workload shares among its pods (Argo's workflow `volumes`) is one place in the text: read once.
 */
function readPodReferences(row: ReferenceKind, pod: PodSpecModel, out: ReferenceFacts[]): void {
  if (row.from === 'pod') return readReferences(row, pod.spec, pod.path, out);
  if (row.from === 'container') {
    for (const container of [...pod.containers, ...pod.initContainers, ...pod.ephemeralContainers]) readReferences(row, container.node, container.path, out);
    return;
  }
  for (const volume of pod.volumes) {
    if (volume.shared && out.some((seen) => seen.kind === row && seen.path.length > volume.path.length && volume.path.every((step, i) => seen.path[i] === step))) continue;
    readReferences(row, volume.node, volume.path, out);
  }
}

/** The one reader of REFERENCE_KINDS: every map the row's path reaches, and the name it holds. */
function readReferences(row: ReferenceKind, start: MapNode, startPath: YamlPath, out: ReferenceFacts[]): void {
  walk(start, row.path, startPath, (map, path) => {
    const namePair = getPair(map, row.nameKey);
    const nameValue = valueNode(namePair?.value);
    const name = scalarText(nameValue)?.trim();
    const span = nodeSpan(nameValue);
    if (!name || !span) return;
    for (const condition of row.when ?? []) if (!condition.values.includes(getString(map, condition.key))) return;
    const targetKind = typeof row.target === 'string' ? row.target : (getString(map, row.target.kindKey) ?? row.target.default);
    if (!targetKind) return;
    const reference: ReferenceFacts = { kind: row, targetKind, name, span, optional: row.optionalKey !== undefined && getString(map, row.optionalKey) === 'true', path };
    const namespace = row.namespaceKey ? getString(map, row.namespaceKey)?.trim() : undefined;
    if (namespace) reference.namespace = namespace;
    if (row.port) {
      let portMap: MapNode | undefined = map;
      for (const step of row.port.path) portMap = getMap(portMap, step);
      const numberNode = valueNode(getPair(portMap, row.port.numberKey)?.value);
      const nameNode = row.port.nameKey ? valueNode(getPair(portMap, row.port.nameKey)?.value) : undefined;
      const portNode = numberNode ?? nameNode;
      const portText = scalarText(portNode);
      const portSpan = nodeSpan(portNode);
      if (portText !== undefined && portSpan) reference.port = { value: portNode === numberNode && /^\d+$/.test(portText) ? Number(portText) : portText, span: portSpan };
    }
    out.push(reference);
  });
}

function walk(node: unknown, steps: readonly PathStep[], path: YamlPath, visit: (map: MapNode, path: YamlPath) => void): void {
  const map = asMap(node);
  if (steps.length === 0) {
    if (map) visit(map, path);
    return;
  }
  const [step, ...rest] = steps;
  if (step === '*') {
    asSeq(node)?.items.forEach((item, index) => walk(item, rest, [...path, index], visit));
    return;
  }
  for (const key of typeof step === 'string' ? [step] : step) {
    const pair = getPair(map, key);
    if (pair) walk(pair.value, rest, [...path, key], visit);
  }
}

function servicePorts(root: MapNode): ServicePortFacts[] {
  const ports: ServicePortFacts[] = [];
  asSeq(getPair(getMap(root, 'spec'), 'ports')?.value)?.items.forEach((item, index) => {
    const map = asMap(item);
    if (!map) return;
    const portNode = valueNode(getPair(map, 'port')?.value);
    const targetNode = valueNode(getPair(map, 'targetPort')?.value);
    const span = nodeSpan(targetNode ?? portNode);
    if (!span) return;
    const portText = scalarText(portNode);
    const targetText = scalarText(targetNode)?.trim();
    ports.push({
      name: getString(map, 'name'),
      port: portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined,
      targetPort: targetText === undefined || targetText === '' ? undefined : /^\d+$/.test(targetText) ? Number(targetText) : targetText,
      span,
      index,
    });
  });
  return ports;
}
