import { builtInPodSpecPath } from '../../model/pod';
import type { YamlPath } from '../../parse/nodes';
import type { Kustomization } from './kustomization';
import type { Origins } from './origins';

type Json = Record<string, unknown>;

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const step of path) current = isMap(current) ? current[String(step)] : undefined;
  return current;
}

/** The map at `path`, created on the way when `create` (as kustomize's field specs with `create: true`). */
function mapAt(value: Json, path: YamlPath, create: boolean): Json | undefined {
  let current: Json = value;
  for (const step of path) {
    const next = current[String(step)];
    if (!isMap(next)) {
      if (!create) return undefined;
      current[String(step)] = {};
    }
    current = current[String(step)] as Json;
  }
  return current;
}

/** Kinds without a namespace among those kustomize knows (its namespace transformer skips them). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'Node']);

/**
 * Where labels go (kustomize api/konfig/builtinpluginconsts/commonlabels.go): selectors per kind, with whether
 * the field is created when missing, and the pod template's labels.
 */
const SELECTOR_PATHS: Record<string, { path: YamlPath; create: boolean }> = {
  Deployment: { path: ['spec', 'selector', 'matchLabels'], create: true },
  ReplicaSet: { path: ['spec', 'selector', 'matchLabels'], create: true },
  DaemonSet: { path: ['spec', 'selector', 'matchLabels'], create: true },
  StatefulSet: { path: ['spec', 'selector', 'matchLabels'], create: true },
  Job: { path: ['spec', 'selector', 'matchLabels'], create: false },
  Service: { path: ['spec', 'selector'], create: true },
  ReplicationController: { path: ['spec', 'selector'], create: true },
};

/** Kinds with a replica count that `replicas:` sets (kustomize api/konfig/builtinpluginconsts/replicas.go). */
const REPLICA_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function templatePath(kind: string): YamlPath | undefined {
  const spec = builtInPodSpecPath(kind);
  return spec && spec.length >= 2 && kind !== 'Pod' ? [...spec.slice(0, -1), 'metadata', 'labels'] : undefined;
}

/** The image's name without tag and digest, and the tag/digest parts (as kustomize's image.Split). */
function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  const slash = rest.lastIndexOf('/');
  return colon > slash ? { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest } : { name: rest, digest };
}

/**
 * The transformers of one kustomization, after its patches, in kustomize's order: namespace,
 * namePrefix/nameSuffix, labels, replicas, images. Values they set come from `file` (the kustomization).
 */
export function applyTransformers(kustomization: Kustomization, resources: readonly { value: Json }[], origins: Origins, file: string): void {
  for (const { value } of resources) {
    const kind = String(value.kind ?? '');
    const metadata = mapAt(value, ['metadata'], true) as Json;
    const nameBefore = metadata.name;
    if (kustomization.namespace !== undefined && !CLUSTER_SCOPED.has(kind)) metadata.namespace = kustomization.namespace;
    if ((kustomization.namePrefix || kustomization.nameSuffix) && typeof metadata.name === 'string' && kind !== 'Namespace' && kind !== 'CustomResourceDefinition') {
      metadata.name = `${kustomization.namePrefix ?? ''}${metadata.name}${kustomization.nameSuffix ?? ''}`;
    }
    for (const labels of kustomization.labels) {
      Object.assign(mapAt(value, ['metadata', 'labels'], true) as Json, labels.pairs);
      const selector = SELECTOR_PATHS[kind];
      if (labels.includeSelectors && selector) {
        const map = mapAt(value, selector.path, selector.create);
        if (map) Object.assign(map, labels.pairs);
      }
      const template = templatePath(kind);
      if (labels.includeTemplates && template) Object.assign(mapAt(value, template, true) as Json, labels.pairs);
    }
    for (const replica of kustomization.replicas) {
      if (REPLICA_KINDS.has(kind) && (metadata.name === replica.name || nameBefore === replica.name)) (mapAt(value, ['spec'], true) as Json).replicas = replica.count;
    }
    const specPath = builtInPodSpecPath(kind);
    const spec = specPath ? at(value, specPath) : undefined;
    if (!isMap(spec) || kustomization.images.length === 0) continue;
    for (const list of ['initContainers', 'containers']) {
      const containers = spec[list];
      if (!Array.isArray(containers)) continue;
      for (const container of containers) {
        if (!isMap(container) || typeof container.image !== 'string') continue;
        const parts = splitImage(container.image);
        const index = kustomization.images.findIndex((image) => image.name === parts.name);
        if (index < 0) continue;
        const image = kustomization.images[index];
        const name = image.newName ?? parts.name;
        const next = image.digest ? `${name}@${image.digest}` : image.newTag ? `${name}:${image.newTag}` : `${name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
        if (next !== container.image) {
          container.image = next;
          origins.setKey(container, 'image', { file, doc: 0, path: ['images', index] });
        }
      }
    }
  }
}
