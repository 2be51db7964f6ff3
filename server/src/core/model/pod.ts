import type { Pair } from 'yaml';
import type { ParsedDocument } from '../parse/document';
import { asMap, getMap, resolvePath, getPair, getSeq, getString, keyText, scalarText, valueNode, type MapNode, type PairNode, type SeqNode, type ValueNode, type YamlPath } from '../parse/nodes';
import { podLocations, type DerivedPodLocations, type PodLocation } from './pod-locations';

/** Where a container sits in the pod and what that means for its lifecycle. */
export type ContainerRole = 'app' | 'init' | 'native-sidecar' | 'ephemeral';
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerModel {
  node: MapNode;
  /** The pod list the container is in once the pod exists. */
  list: ContainerList;
  /** The key it is written under when that is not `list` (Argo's `container`, `script`, `sidecars`). */
  writtenAs?: string;
  index: number;
  path: YamlPath;
  role: ContainerRole;
  /** The name as kubectl reads it (an alias `*n` resolved to its anchor's value). */
  name?: string;
  /** The name's node in the user's text (a scalar, or the alias itself): what a finding underlines. */
  nameNode?: ValueNode;
  image?: string;
  imageNode?: ValueNode;
  restartPolicy?: string;
  restartPolicyPair?: PairNode;
  /** Position among native sidecars in start order (1-based), when role is native-sidecar. */
  sidecarOrder?: number;
}

export interface VolumeModel {
  node: MapNode;
  index: number;
  path: YamlPath;
  name?: string;
  nameNode?: ValueNode;
  /** Declared by the workload for all its pods (Argo's workflow `spec.volumes`), not in this pod's own map. */
  shared: boolean;
  /** The volume source key: emptyDir, configMap, secret, persistentVolumeClaim… */
  source?: string;
  sourcePair?: PairNode;
}

export interface WorkloadModel {
  apiVersion: string;
  kind: string;
  name?: string;
  node: MapNode;
}

export interface PodSpecModel {
  document: ParsedDocument;
  workload: WorkloadModel;
  /** The pod spec map. */
  spec: MapNode;
  /** The pod template's metadata (labels, annotations that admission webhooks read); the Pod's own for a Pod. */
  metadata?: MapNode;
  /** The `spec:` pair that holds the pod spec: what to underline for pod-level findings. */
  specPair?: PairNode;
  path: YamlPath;
  /** The keys of the pod-spec map that hold containers (`containers`, `initContainers`…; Argo's `container`, `sidecars`…). */
  containerKeys: readonly string[];
  /** The name of the template when a workload carries several pods (Argo's `templates[].name`). */
  template?: string;
  /** Long-running workload (not a Job/CronJob): sidecars there run for the pod's whole life. */
  runsToCompletion: boolean;
  /** It runs to completion because of its restartPolicy (Never/OnFailure), not its kind: a bare Pod, a CR's pod. */
  completesByRestartPolicy?: boolean;
  /** A bare PodSpec with no pod metadata anywhere (some CRDs embed one): labels and annotations cannot be set. */
  noPodMetadata?: boolean;
  /** The controller stops the helper containers once the main one exits (Argo's sidecars), so they never hold the pod. */
  sidecarsStoppedByController: boolean;
  containers: ContainerModel[];
  initContainers: ContainerModel[];
  ephemeralContainers: ContainerModel[];
  volumes: VolumeModel[];
  containersPair?: PairNode;
  initContainersPair?: PairNode;
  volumesPair?: PairNode;
}

/** Where each workload kind keeps its pod spec: read from the one table, model/pod-locations.ts. */
export { POD_LOCATIONS, podLocation, builtInPodSpecPath } from './pod-locations';
export type { DerivedPodLocations } from './pod-locations';

const podsByDocument = new WeakMap<ParsedDocument, { locations: readonly PodLocation[]; pods: PodSpecModel[] }>();

/**
 * Pod specs carried by a document (a Pod, or the pod template of a workload), built once per parsed document and
 * set of rows: a document reused across edits keeps its model. `derived`: the rows of the CRDs the document is
 * checked with (a custom resource whose CRD embeds a pod template); without it, the built-in table alone.
 */
export function podsOf(document: ParsedDocument, derived?: DerivedPodLocations): PodSpecModel[] {
  if (!document.isKubernetes || !document.apiVersion || !document.kind) return [];
  const locations = podLocations(document.apiVersion, document.kind, derived);
  const known = podsByDocument.get(document);
  if (known && sameRows(known.locations, locations)) return known.pods;
  const pods = findPodSpecs(document, locations);
  podsByDocument.set(document, { locations, pods });
  return pods;
}

function sameRows(a: readonly PodLocation[], b: readonly PodLocation[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/**
 * Every map at `path` below `root`, with its concrete path and the pair that holds it. A step before `'*'` is a list
 * (each item) or a map (each value: a custom resource's pod templates by replica type).
 */
function mapsAt(root: MapNode, path: readonly string[]): { map: MapNode; path: YamlPath; pair?: PairNode }[] {
  let found: { map: MapNode; path: YamlPath; pair?: PairNode }[] = [{ map: root, path: [] }];
  path.forEach((step, i) => {
    if (step === '*') return;
    const next: typeof found = [];
    for (const at of found) {
      if (path[i + 1] === '*') {
        getSeq(at.map, step)?.items.forEach((item, index) => {
          const map = asMap(item);
          if (map) next.push({ map, path: [...at.path, step, index] });
        });
        for (const entry of (getMap(at.map, step)?.items ?? []) as PairNode[]) {
          const key = keyText(entry);
          const map = asMap(entry.value);
          if (map && key !== undefined) next.push({ map, path: [...at.path, step, key], pair: entry });
        }
        continue;
      }
      const pair = getPair(at.map, step);
      const map = asMap(pair?.value);
      if (map) next.push({ map, path: [...at.path, step], pair });
    }
    found = next;
  });
  return found;
}

export function findPodSpecs(document: ParsedDocument, locations?: readonly PodLocation[]): PodSpecModel[] {
  const root = document.root;
  const kind = document.kind;
  if (!root || !kind || !document.apiVersion) return [];
  const pods: PodSpecModel[] = [];
  for (const location of locations ?? podLocations(document.apiVersion, kind)) pods.push(...podsAt(document, root, kind, location, (locations?.length ?? 1) > 1));
  return pods;
}

/** The pods of one row. `several`: the kind has more than one row, so each pod is named by its path. */
function podsAt(document: ParsedDocument, root: MapNode, kind: string, location: PodLocation, several: boolean): PodSpecModel[] {
  const { shape } = location;
  const workload: WorkloadModel = {
    apiVersion: document.apiVersion ?? '',
    kind,
    name: getString(getMap(root, 'metadata'), 'name'),
    node: root,
  };
  const workloadSpecPath = location.workloadSpec ?? ['spec'];
  const workloadSpec = mapsAt(root, workloadSpecPath.map(String))[0]?.map;
  const pods: PodSpecModel[] = [];
  for (const { map: spec, path: specPath, pair } of mapsAt(root, location.path)) {
    const containers = shape.containers.flatMap(({ key, single }) => readContainers(spec, key, 'containers', specPath, single));
    // A template with no container of its own (Argo steps, dag, resource, suspend) makes no pod.
    if (shape.containers.some(({ single }) => single) && !shape.containers.some(({ key, single }) => single && getMap(spec, key))) continue;
    const initContainers = shape.initContainers.flatMap((key) => readContainers(spec, key, 'initContainers', specPath));
    let order = 0;
    for (const c of initContainers) if (c.role === 'native-sidecar') c.sidecarOrder = ++order;
    const mainKey = shape.containers.find(({ key }) => getPair(spec, key))?.key;
    pods.push({
      document,
      workload,
      spec,
      metadata: shape.metadataInside ? getMap(spec, 'metadata') : location.podMetadata === 'none' ? undefined : getMap(asMap(resolvePath(root, specPath.slice(0, -1))?.node), 'metadata'),
      specPair: pair ?? (mainKey ? getPair(spec, mainKey) : undefined),
      path: specPath,
      containerKeys: [...shape.containers.map(({ key }) => key), ...shape.initContainers, ...shape.ephemeralContainers],
      ...templateName(location, spec, specPath, several),
      runsToCompletion: location.runsToCompletion === 'restartPolicy' ? isRunToCompletionPod(spec) : (location.runsToCompletion ?? false),
      ...(location.runsToCompletion === 'restartPolicy' && isRunToCompletionPod(spec) ? { completesByRestartPolicy: true } : {}),
      ...(location.podMetadata === 'none' ? { noPodMetadata: true } : {}),
      sidecarsStoppedByController: shape.sidecarsStoppedByController ?? false,
      containers,
      initContainers,
      ephemeralContainers: shape.ephemeralContainers.flatMap((key) => readContainers(spec, key, 'ephemeralContainers', specPath)),
      volumes: shape.volumes.flatMap(({ from, path }) =>
        from === 'local'
          ? readVolumes(getSeq(spec, String(path[0])), [...specPath, ...path], false)
          : readVolumes(getSeq(workloadSpec, String(path[0])), [...workloadSpecPath, ...path], true),
      ),
      containersPair: getPair(spec, 'containers'),
      initContainersPair: getPair(spec, 'initContainers'),
      volumesPair: getPair(spec, 'volumes'),
    });
  }
  return pods;
}

/** How a pod is named among several of one workload: Argo's template name, else (derived rows) its path. */
function templateName(location: PodLocation, spec: MapNode, specPath: YamlPath, several: boolean): { template?: string } {
  if (location.version !== undefined) return several || location.path.includes('*') ? { template: specPath.join('.') } : {};
  return location.path.includes('*') ? { template: getString(spec, 'name') } : {};
}

function isRunToCompletionPod(spec: MapNode): boolean {
  const policy = getString(spec, 'restartPolicy');
  return policy === 'Never' || policy === 'OnFailure';
}

/**
 * The containers written under `key` of the pod-spec map, as members of the pod's `list`; a `single` key holds one
 * container map (Argo's `container`, which Argo names `main` whatever it says: workflow/common MainContainerName).
 */
function readContainers(spec: MapNode, key: string, list: ContainerList, specPath: YamlPath, single = false): ContainerModel[] {
  if (single) {
    const node = getMap(spec, key);
    return node ? [readContainer(node, list, 0, [...specPath, key], key, 'main')] : [];
  }
  const seq = getSeq(spec, key);
  if (!seq) return [];
  const result: ContainerModel[] = [];
  seq.items.forEach((item, index) => {
    const node = asMap(item);
    if (node) result.push(readContainer(node, list, index, [...specPath, key, index], key));
  });
  return result;
}

function readContainer(node: MapNode, list: ContainerList, index: number, path: YamlPath, key: string, defaultName?: string): ContainerModel {
  const namePair = getPair(node, 'name');
  const imagePair = getPair(node, 'image');
  const restartPolicyPair = getPair(node, 'restartPolicy');
  const restartPolicy = scalarText(restartPolicyPair?.value);
  let role: ContainerRole = 'app';
  if (list === 'initContainers') role = restartPolicy === 'Always' ? 'native-sidecar' : 'init';
  else if (list === 'ephemeralContainers') role = 'ephemeral';
  return {
    node,
    list,
    ...(key !== list ? { writtenAs: key } : {}),
    index,
    path,
    role,
    name: defaultName ?? scalarText(namePair?.value),
    nameNode: defaultName ? undefined : valueNode(namePair?.value),
    image: scalarText(imagePair?.value),
    imageNode: valueNode(imagePair?.value),
    restartPolicy,
    restartPolicyPair,
  };
}

function readVolumes(seq: SeqNode | undefined, volumesPath: YamlPath, shared: boolean): VolumeModel[] {
  if (!seq) return [];
  const result: VolumeModel[] = [];
  seq.items.forEach((item, index) => {
    const node = asMap(item);
    if (!node) return;
    const namePair = getPair(node, 'name');
    const sourcePair = node.items.find((p: Pair<unknown, unknown>) => keyText(p) !== 'name');
    result.push({
      node,
      index,
      path: [...volumesPath, index],
      shared,
      name: scalarText(namePair?.value),
      nameNode: valueNode(namePair?.value),
      source: sourcePair ? keyText(sourcePair) : undefined,
      sourcePair,
    });
  });
  return result;
}

/**
 * The pod's containers in the order the kubelet starts them: init containers (native sidecars among them), then
 * app containers, then, with `ephemeral: true`, ephemeral (debug) containers. The one way to walk containers:
 * every caller says whether ephemeral containers count for it (they can mount volumes and run as root, but have
 * no resources, probes or ports).
 */
export function containersOf(pod: PodSpecModel, options: { ephemeral: boolean }): ContainerModel[] {
  const started = [...pod.initContainers, ...pod.containers];
  return options.ephemeral ? [...started, ...pod.ephemeralContainers] : started;
}
