import { builtInPodSpecPath } from '../../model/pod';
import type { YamlPath } from '../../parse/nodes';
import type { Kustomization } from './kustomization';
import type { Origins } from './origins';

type Json = Record<string, unknown>;

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function metadataOf(value: Json): Json {
  return isMap(value.metadata) ? value.metadata : {};
}

function at(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const step of path) current = isMap(current) ? current[String(step)] : undefined;
  return current;
}

/**
 * Copy-on-write changes of one resource: the maps and lists on the way to a write are copied once (with their
 * origins), so the input value, which earlier renders and the render memo share, is never changed.
 */
export class Draft {
  private readonly copies = new Set<object>();
  constructor(
    public root: Json,
    private readonly origins: Origins,
  ) {}

  private copy<T extends object>(value: T): T {
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as T;
    this.origins.set(copy, this.origins.of(value));
    this.origins.copyKeys(value, copy);
    this.copies.add(copy);
    return copy;
  }

  /**
   * The map at `path`, writable (a number steps into a list item). A missing or non-map step is made a new map
   * when `create` (as kustomize's field specs with `create: true`); otherwise there is none.
   */
  writable(path: YamlPath, create: boolean): Json | undefined {
    if (!this.copies.has(this.root)) this.root = this.copy(this.root);
    let current: Json | unknown[] = this.root;
    for (let index = 0; index < path.length; index++) {
      const step = path[index];
      const next: unknown = Array.isArray(current) ? current[Number(step)] : current[String(step)];
      const intoList = typeof path[index + 1] === 'number';
      let child: Json | unknown[];
      if (intoList ? Array.isArray(next) : isMap(next)) child = this.copies.has(next as object) ? (next as Json | unknown[]) : this.copy(next as Json | unknown[]);
      else if (create && !intoList && !Array.isArray(current)) this.copies.add((child = {}));
      else return undefined;
      if (Array.isArray(current)) current[Number(step)] = child;
      else current[String(step)] = child;
      current = child;
    }
    return Array.isArray(current) ? undefined : current;
  }

  /** The map at `path` made to exist (created on the way). */
  ensure(path: YamlPath): void {
    if (!isMap(at(this.root, path))) this.writable(path, true);
  }

  /** Sets `key` of the map at `path` (created on the way when `create`); nothing is copied when it already holds `value`. */
  set(path: YamlPath, key: string, value: unknown, create: boolean): void {
    const holder = at(this.root, path);
    if (isMap(holder) && key in holder && holder[key] === value) return;
    const target = this.writable(path, create);
    if (target) target[key] = value;
  }
}

/** Kinds without a namespace among those kustomize knows (its namespace transformer skips them). */
export const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'Node']);

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
 * The transformers of one kustomization, after its patches, in kustomize's order, on one resource: namespace,
 * namePrefix/nameSuffix, labels, replicas, images. Values they set come from `file` (the kustomization). Returns
 * the changed copy (the resource itself when nothing changes); `value` is left as it is.
 */
export function transformResource(kustomization: Kustomization, value: Json, origins: Origins, file: string): Json {
  const draft = new Draft(value, origins);
  const kind = String(value.kind ?? '');
  draft.ensure(['metadata']);
  const nameBefore = metadataOf(draft.root).name;
  if (kustomization.namespace !== undefined && !CLUSTER_SCOPED.has(kind)) draft.set(['metadata'], 'namespace', kustomization.namespace, true);
  const name = metadataOf(draft.root).name;
  if ((kustomization.namePrefix || kustomization.nameSuffix) && typeof name === 'string' && kind !== 'Namespace' && kind !== 'CustomResourceDefinition') {
    draft.set(['metadata'], 'name', `${kustomization.namePrefix ?? ''}${name}${kustomization.nameSuffix ?? ''}`, true);
  }
  const assign = (path: YamlPath, pairs: Record<string, string>, create: boolean) => {
    if (create) draft.ensure(path);
    else if (!isMap(at(draft.root, path))) return;
    for (const [key, label] of Object.entries(pairs)) draft.set(path, key, label, create);
  };
  for (const labels of kustomization.labels) {
    assign(['metadata', 'labels'], labels.pairs, true);
    const selector = SELECTOR_PATHS[kind];
    if (labels.includeSelectors && selector) assign(selector.path, labels.pairs, selector.create);
    const template = templatePath(kind);
    if (labels.includeTemplates && template) assign(template, labels.pairs, true);
  }
  for (const replica of kustomization.replicas) {
    if (REPLICA_KINDS.has(kind) && (metadataOf(draft.root).name === replica.name || nameBefore === replica.name)) draft.set(['spec'], 'replicas', replica.count, true);
  }
  const specPath = builtInPodSpecPath(kind);
  const spec = specPath ? at(draft.root, specPath) : undefined;
  if (!specPath || !isMap(spec) || kustomization.images.length === 0) return draft.root;
  for (const list of ['initContainers', 'containers']) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: unknown, position) => {
      if (!isMap(container) || typeof container.image !== 'string') return;
      const parts = splitImage(container.image);
      const index = kustomization.images.findIndex((image) => image.name === parts.name);
      if (index < 0) return;
      const image = kustomization.images[index];
      const name = image.newName ?? parts.name;
      const next = image.digest ? `${name}@${image.digest}` : image.newTag ? `${name}:${image.newTag}` : `${name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
      if (next === container.image) return;
      const written = draft.writable([...specPath, list, position], false);
      if (!written) return;
      written.image = next;
      origins.setKey(written, 'image', { file, doc: 0, path: image.node });
    });
  }
  return draft.root;
}
