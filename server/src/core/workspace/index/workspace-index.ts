import type { ManifestFile } from '../../parse/manifest';
import type { DerivedPodLocations } from '../../model/pod-locations';
import { labelSelectorMatches, mapSelectorMatches } from '../../model/labels';
import { documentFacts, type PodFacts, type ReferenceFacts, type ResourceFacts, type SelectorFacts } from './document-facts';
import { own } from '../../text/own';
import { BUILT_IN_OBJECTS, CLUSTER_SCOPED_KINDS } from './reference-kinds';
import { kustomizationFacts, kustomizeNamespaces, type KustomizationFacts } from './kustomize-namespaces';

/** The namespace kubectl applies an object to when neither the object nor a kustomization names one. */
export const DEFAULT_NAMESPACE = 'default';

/** A resource of the workspace: the facts of its document, where it is, and its resolved namespace. */
export interface IndexedResource {
  uri: string;
  /** Where the document's chunk starts in its file: add it to the facts' spans for file offsets. */
  offset: number;
  /** '' for a cluster-scoped kind. */
  namespace: string;
  facts: ResourceFacts;
  /** Its references, with the namespace each target is looked up in. */
  references: IndexedReference[];
}

/** A reference of some resource, with the namespace its target is looked up in. */
export interface IndexedReference {
  source: IndexedResource;
  facts: ReferenceFacts;
  namespace: string;
}

export interface SelectedPod {
  resource: IndexedResource;
  pod: PodFacts;
}

export interface FileOptions {
  /** The namespace of objects that name none and no kustomization places; else `default`. */
  defaultNamespace?: string;
}

interface FileEntry {
  file: ManifestFile;
  options: FileOptions;
  resources: IndexedResource[];
  references: IndexedReference[];
  /** Some document's kind was looked up among the CRDs (PodRowSource): its pods follow the workspace's CRDs. */
  followsCrds: boolean;
}

/**
 * The pod rows beyond the static table that a file's documents are read with: those its validation derives from the
 * CustomResourceDefinitions of the file and of this index (features/custom-resources.ts `indexPodRows`), so the
 * validator and the index see the same pods. `reached`, asked after the file is read: whether some document's kind
 * got as far as the CRDs (a kind the built-in schemas do not model), so its pods change when the CRDs do.
 */
export type PodRowSource = (index: WorkspaceIndex, uri: string, file: ManifestFile) => { rows: DerivedPodLocations; reached(): boolean };

export interface IndexOptions {
  /** Without it, pods are read with the static table alone (model/pod-locations.ts). */
  podRows?: PodRowSource;
}

/** The kind whose documents define the custom kinds that PodRowSource reads. */
const CRD_KIND = 'CustomResourceDefinition';

/**
 * The manifests of a workspace as one model: every resource by kind, namespace and name, and every reference
 * between them (REFERENCE_KINDS), kept up to date file by file. Pure: the caller feeds it parsed files (the LSP
 * layer from the disk and open buffers, the CLI from its inputs); unchanged documents reuse their facts.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly byName = new Map<string, Set<IndexedResource>>();
  private readonly byKind = new Map<string, Set<IndexedResource>>();
  private readonly workloadsByNamespace = new Map<string, Set<IndexedResource>>();
  private readonly referencesByTarget = new Map<string, Set<IndexedReference>>();
  /** Kustomization files by URI, and the namespaces they give the files they list (kustomizeNamespaces). */
  private readonly kustomizations = new Map<string, KustomizationFacts>();
  private kustomized = new Map<string, string[]>();
  private changes = 0;

  constructor(private readonly indexOptions: IndexOptions = {}) {}

  /** An index of one file alone: what a single file's cross-document checks see. */
  static of(uri: string, file: ManifestFile, options?: FileOptions, indexOptions?: IndexOptions): WorkspaceIndex {
    const index = new WorkspaceIndex(indexOptions);
    index.set(uri, file, options);
    return index;
  }

  /** Counts every change, so callers can tell whether cached cross-file results still hold. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.files.size;
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  fileOf(uri: string): ManifestFile | undefined {
    return this.files.get(uri)?.file;
  }

  /**
   * Adds a file or replaces its previous version. A kustomization file's `namespace:` moves the objects of the files
   * it lists (and of its bases') into that namespace, whatever order the files come in.
   */
  set(uri: string, file: ManifestFile, options: FileOptions = {}): void {
    const previous = this.files.get(uri);
    if (previous?.file === file && previous.options.defaultNamespace === options.defaultNamespace) return;
    if (previous) this.unlink(previous);
    this.updateKustomization(uri, kustomizationFacts(uri, file));
    const entry = this.entryOf(uri, file, options);
    this.files.set(uri, entry);
    this.link(entry);
    this.changes++;
    if (crdsOf(previous) !== crdsOf(entry)) this.followCrds();
  }

  private entryOf(uri: string, file: ManifestFile, options: FileOptions): FileEntry {
    const rows = this.indexOptions.podRows?.(this, uri, file);
    const entry: FileEntry = { file, options, resources: [], references: [], followsCrds: false };
    // A file several kustomizations build into different namespaces is in each of them.
    const overrides = this.kustomized.get(uri) ?? [undefined];
    for (const slot of file.slots) {
      for (const facts of documentFacts(slot.document, rows?.rows).resources) {
        // Cluster-scoped kinds have no namespace to move to: one resource whatever the overrides.
        const namespaces = new Set(overrides.map((override) => namespaceOf(facts.kind, override ?? facts.namespace, options.defaultNamespace)));
        for (const namespace of namespaces) {
          const resource: IndexedResource = { uri, offset: slot.start, namespace, facts, references: [] };
          for (const reference of facts.references) {
            resource.references.push({ source: resource, facts: reference, namespace: namespaceOf(reference.targetKind, reference.namespace, namespace) });
          }
          entry.resources.push(resource);
          entry.references.push(...resource.references);
        }
      }
    }
    entry.followsCrds = rows?.reached() ?? false;
    return entry;
  }

  /**
   * The CRDs changed (one was added, edited or removed): the files whose kinds are looked up among them are read
   * again, so a custom resource's pods follow its CRD wherever the two files are. Documents whose rows did not change
   * keep their facts.
   */
  private followCrds(): void {
    if (!this.indexOptions.podRows) return;
    for (const [uri, entry] of this.files) {
      if (!entry.followsCrds) continue;
      this.unlink(entry);
      const again = this.entryOf(uri, entry.file, entry.options);
      this.files.set(uri, again);
      this.link(again);
    }
  }

  /** Records a kustomization's facts (undefined: not one); when they change, re-reads the files whose namespaces move. */
  private updateKustomization(uri: string, facts: KustomizationFacts | undefined): void {
    const before = this.kustomizations.get(uri);
    if (JSON.stringify(before) === JSON.stringify(facts)) return;
    if (facts) this.kustomizations.set(uri, facts);
    else this.kustomizations.delete(uri);
    const previous = this.kustomized;
    this.kustomized = kustomizeNamespaces(this.kustomizations);
    for (const file of new Set([...previous.keys(), ...this.kustomized.keys()])) {
      if (file === uri || JSON.stringify(previous.get(file)) === JSON.stringify(this.kustomized.get(file))) continue;
      const entry = this.files.get(file);
      if (!entry) continue;
      this.unlink(entry);
      const moved = this.entryOf(file, entry.file, entry.options);
      this.files.set(file, moved);
      this.link(moved);
    }
  }

  delete(uri: string): void {
    const entry = this.files.get(uri);
    if (!entry) return;
    this.unlink(entry);
    this.files.delete(uri);
    this.updateKustomization(uri, undefined);
    this.changes++;
    if (crdsOf(entry) !== '') this.followCrds();
  }

  resourcesOf(uri: string): readonly IndexedResource[] {
    return this.files.get(uri)?.resources ?? [];
  }

  referencesOf(uri: string): readonly IndexedReference[] {
    return this.files.get(uri)?.references ?? [];
  }

  /** Every resource, file by file. */
  *resources(): IterableIterator<IndexedResource> {
    for (const entry of this.files.values()) yield* entry.resources;
  }

  /** Resources of a kind in a namespace (use '' for cluster-scoped kinds). */
  ofKind(kind: string, namespace: string): readonly IndexedResource[] {
    return [...(this.byKind.get(kindKey(kind, namespace)) ?? [])];
  }

  find(kind: string, namespace: string, name: string): readonly IndexedResource[] {
    return [...(this.byName.get(nameKey(kind, namespace, name)) ?? [])];
  }

  /** What a reference names: the resources of its kind, namespace and name (none when it dangles). */
  resolve(reference: IndexedReference): readonly IndexedResource[] {
    return this.find(reference.facts.targetKind, reference.namespace, reference.facts.name);
  }

  /** The references that name a resource, from every file. */
  referencesTo(resource: IndexedResource): readonly IndexedReference[] {
    const name = resource.facts.name;
    return name === undefined ? [] : this.referencesNamed(resource.facts.kind, resource.namespace, name);
  }

  /** The references to a kind, namespace and name, whether or not the workspace defines it. */
  referencesNamed(kind: string, namespace: string, name: string): readonly IndexedReference[] {
    return [...(this.referencesByTarget.get(nameKey(kind, namespace, name)) ?? [])];
  }

  /** Resources with a pod template in a namespace. */
  workloadsIn(namespace: string): readonly IndexedResource[] {
    return [...(this.workloadsByNamespace.get(namespace) ?? [])];
  }

  /** The pods of the namespace that a selector picks. */
  selectedBy(owner: IndexedResource, selector: SelectorFacts): SelectedPod[] {
    const selected: SelectedPod[] = [];
    for (const resource of this.workloadsByNamespace.get(owner.namespace) ?? []) {
      for (const pod of resource.facts.pods) if (selects(selector, pod.labels)) selected.push({ resource, pod });
    }
    return selected;
  }

  private link(entry: FileEntry): void {
    for (const resource of entry.resources) {
      const { kind, name } = resource.facts;
      add(this.byKind, kindKey(kind, resource.namespace), resource);
      if (name !== undefined) add(this.byName, nameKey(kind, resource.namespace, name), resource);
      if (resource.facts.pods.length > 0) add(this.workloadsByNamespace, resource.namespace, resource);
    }
    for (const reference of entry.references) add(this.referencesByTarget, nameKey(reference.facts.targetKind, reference.namespace, reference.facts.name), reference);
  }

  private unlink(entry: FileEntry): void {
    for (const resource of entry.resources) {
      const { kind, name } = resource.facts;
      remove(this.byKind, kindKey(kind, resource.namespace), resource);
      if (name !== undefined) remove(this.byName, nameKey(kind, resource.namespace, name), resource);
      remove(this.workloadsByNamespace, resource.namespace, resource);
    }
    for (const reference of entry.references) remove(this.referencesByTarget, nameKey(reference.facts.targetKind, reference.namespace, reference.facts.name), reference);
  }
}

/** The identity of a file's CRDs, to tell when they change: their facts are kept while their documents are. */
const crdIds = new WeakMap<ResourceFacts, number>();
let nextCrdId = 0;

function crdsOf(entry: FileEntry | undefined): string {
  let ids = '';
  for (const resource of entry?.resources ?? []) {
    if (resource.facts.kind !== CRD_KIND) continue;
    let id = crdIds.get(resource.facts);
    if (id === undefined) crdIds.set(resource.facts, (id = nextCrdId++));
    ids += `${id},`;
  }
  return ids;
}

/** Whether a selector picks a pod with these labels; a Service's empty map picks none, an empty LabelSelector all. */
export function selects(selector: SelectorFacts, labels: ReadonlyMap<string, string>): boolean {
  if (selector.kind.form === 'map') return selector.labels.size > 0 && mapSelectorMatches(selector.labels, labels);
  return labelSelectorMatches(selector.map, labels);
}

/** Explicit namespace, else the file's default (kustomization), else `default`; '' for cluster-scoped kinds. */
export function namespaceOf(kind: string, explicit: string | undefined, fallback: string | undefined): string {
  if (CLUSTER_SCOPED_KINDS.has(kind)) return '';
  return explicit ?? fallback ?? DEFAULT_NAMESPACE;
}

function kindKey(kind: string, namespace: string): string {
  return `${kind}\u0000${namespace}`;
}

function nameKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

export type { PodFacts, ReferenceFacts, ResourceFacts, SelectorFacts, ServicePortFacts } from './document-facts';

/** How messages name where a resource lives: `namespace "shop"`, or `the cluster` for cluster-scoped kinds. */
export function scopeLabel(namespace: string): string {
  return namespace === '' ? 'the cluster' : `namespace "${namespace}"`;
}

/** `Deployment "web"`: a resource as messages name it. */
export function resourceLabel(resource: IndexedResource): string {
  return `${resource.facts.kind} "${resource.facts.name ?? ''}"`;
}

/** An object the cluster has without a manifest (BUILT_IN_OBJECTS): a reference to it never dangles. */
export function isBuiltIn(kind: string, name: string): boolean {
  const builtIn = own(BUILT_IN_OBJECTS, kind);
  return !!builtIn && (builtIn.names.includes(name) || (builtIn.prefix !== undefined && name.startsWith(builtIn.prefix)));
}
