import type { Pair } from 'yaml';
import type { ParsedDocument } from '../parse/document';
import { asMap, getMap, getPair, getSeq, getString, keyText, scalarText, valueNode, type MapNode, type PairNode, type SeqNode, type ValueNode, type YamlPath } from '../parse/nodes';
import { own } from '../text/own';

/** Where a container sits in the pod and what that means for its lifecycle. */
export type ContainerRole = 'app' | 'init' | 'native-sidecar' | 'ephemeral';
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerModel {
  node: MapNode;
  list: ContainerList;
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
  /** The `spec:` pair that holds the pod spec: what to underline for pod-level findings. */
  specPair?: PairNode;
  path: YamlPath;
  /** Long-running workload (not a Job/CronJob): sidecars there run for the pod's whole life. */
  runsToCompletion: boolean;
  containers: ContainerModel[];
  initContainers: ContainerModel[];
  ephemeralContainers: ContainerModel[];
  volumes: VolumeModel[];
  containersPair?: PairNode;
  initContainersPair?: PairNode;
  volumesPair?: PairNode;
}

/** Where each workload kind keeps its pod spec. */
export const POD_SPEC_PATHS: Record<string, YamlPath> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);

const podsByDocument = new WeakMap<ParsedDocument, PodSpecModel[]>();

/**
 * Pod specs carried by a document (a Pod, or the pod template of a workload), built once per parsed document:
 * a document reused across edits keeps its model.
 */
export function podsOf(document: ParsedDocument): PodSpecModel[] {
  let pods = podsByDocument.get(document);
  if (!pods) {
    pods = document.isKubernetes ? findPodSpecs(document) : [];
    podsByDocument.set(document, pods);
  }
  return pods;
}

export function findPodSpecs(document: ParsedDocument): PodSpecModel[] {
  const root = document.root;
  const kind = document.kind;
  if (!root || !kind || !document.apiVersion) return [];
  const specPath = own(POD_SPEC_PATHS, kind);
  if (!specPath) return [];
  let current: MapNode | undefined = root;
  let specPair: PairNode | undefined;
  for (const step of specPath) {
    specPair = getPair(current, step as string);
    current = asMap(specPair?.value);
    if (!current) return [];
  }
  const spec = current;
  const workload: WorkloadModel = {
    apiVersion: document.apiVersion,
    kind,
    name: getString(getMap(root, 'metadata'), 'name'),
    node: root,
  };
  const containersPair = getPair(spec, 'containers');
  const initContainersPair = getPair(spec, 'initContainers');
  const volumesPair = getPair(spec, 'volumes');
  const initContainers = readContainers(getSeq(spec, 'initContainers'), 'initContainers', specPath);
  let order = 0;
  for (const c of initContainers) if (c.role === 'native-sidecar') c.sidecarOrder = ++order;
  return [
    {
      document,
      workload,
      spec,
      specPair,
      path: specPath,
      runsToCompletion: RUN_TO_COMPLETION.has(kind) || (kind === 'Pod' && isRunToCompletionPod(spec)),
      containers: readContainers(getSeq(spec, 'containers'), 'containers', specPath),
      initContainers,
      ephemeralContainers: readContainers(getSeq(spec, 'ephemeralContainers'), 'ephemeralContainers', specPath),
      volumes: readVolumes(getSeq(spec, 'volumes'), specPath),
      containersPair,
      initContainersPair,
      volumesPair,
    },
  ];
}

function isRunToCompletionPod(spec: MapNode): boolean {
  const policy = getString(spec, 'restartPolicy');
  return policy === 'Never' || policy === 'OnFailure';
}

function readContainers(seq: SeqNode | undefined, list: ContainerList, specPath: YamlPath): ContainerModel[] {
  if (!seq) return [];
  const result: ContainerModel[] = [];
  seq.items.forEach((item, index) => {
    const node = asMap(item);
    if (!node) return;
    const namePair = getPair(node, 'name');
    const imagePair = getPair(node, 'image');
    const restartPolicyPair = getPair(node, 'restartPolicy');
    const restartPolicy = scalarText(restartPolicyPair?.value);
    let role: ContainerRole = 'app';
    if (list === 'initContainers') role = restartPolicy === 'Always' ? 'native-sidecar' : 'init';
    else if (list === 'ephemeralContainers') role = 'ephemeral';
    result.push({
      node,
      list,
      index,
      path: [...specPath, list, index],
      role,
      name: scalarText(namePair?.value),
      nameNode: valueNode(namePair?.value),
      image: scalarText(imagePair?.value),
      imageNode: valueNode(imagePair?.value),
      restartPolicy,
      restartPolicyPair,
    });
  });
  return result;
}

function readVolumes(seq: SeqNode | undefined, specPath: YamlPath): VolumeModel[] {
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
      path: [...specPath, 'volumes', index],
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
