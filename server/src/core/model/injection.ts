import { getMap, getString, keyText, scalarText, type MapNode, type PairNode, type YamlPath } from '../parse/nodes';
import type { ParsedDocument } from '../parse/document';
import { containersOf, type ContainerModel, type ContainerRole, type PodSpecModel } from './pod';
import { effectiveSetting } from './security-context';
import {
  INJECTED_CONTAINERS,
  INJECTORS,
  MESH_RELEASE_DEFAULTS,
  ISTIO_PROXY_CONFIG,
  VAULT_INIT_FIRST,
  VAULT_PRE_POPULATE,
  VAULT_PRE_POPULATE_ONLY,
  type InjectedContainerSpec,
  type InjectionMode,
  type InjectorSpec,
  type MeshId,
  type MeshesSettings,
  type MeshSettings,
  type NativeSwitch,
  DEFAULT_MESHES,
} from './injectors';

export type { InjectionMode, MeshId, MeshSettings, MeshesSettings } from './injectors';
export { DEFAULT_MESHES } from './injectors';

/** A Namespace of the same inputs: its labels and annotations can turn injection on. */
export interface NamespaceModel {
  name: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

export interface InjectedContainer {
  mesh: MeshId;
  name: string;
  list: 'initContainers' | 'containers';
  role: Exclude<ContainerRole, 'ephemeral'>;
  longRunning: boolean;
  ports: readonly number[];
  requests: { cpu?: string; memory?: string };
  limits: { cpu?: string; memory?: string };
}

export interface Injection {
  mesh: MeshId;
  title: string;
  /** What turned injection on, in words: "label `sidecar.istio.io/inject: "true"` on the pod template". */
  reason: string;
  mode: InjectionMode;
  /** Whether the mode came from a pod annotation (else from the mesh setting). */
  modeFromAnnotation: boolean;
  /**
   * The pod annotation that decides the mode, when the pod has one: the first of the mesh's native-switch keys
   * present, whatever its value (a value the injector cannot parse leaves the default, and the keys after it are not
   * read). Undefined when the pod writes none.
   */
  modeAnnotation?: string;
  /** The Namespace the deciding annotation comes from and its value there, when the pod inherits it (NativeSwitch.fromNamespace). */
  modeNamespace?: { name: string; value: string };
  containers: InjectedContainer[];
}

/** One container of the pod as the API server stores it after admission: the user's or an injected one. */
export interface PodEntry {
  name: string;
  role: Exclude<ContainerRole, 'ephemeral'>;
  container?: ContainerModel;
  injected?: InjectedContainer;
}

function stringMap(map: MapNode | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of map?.items ?? []) {
    const key = keyText(item);
    const value = scalarText(item.value);
    if (key !== undefined && value !== undefined) result[key] = value;
  }
  return result;
}

/** The pod template's labels and annotations (what the webhook sees on the pod). */
export function podMetadata(pod: PodSpecModel): { labels: Record<string, string>; annotations: Record<string, string> } {
  return { labels: stringMap(getMap(pod.metadata, 'labels')), annotations: stringMap(getMap(pod.metadata, 'annotations')) };
}

/** The path of the pod's metadata map: beside the pod spec (a template's), or inside it (Argo's templates). */
export function podMetadataPath(pod: PodSpecModel): YamlPath {
  return pod.metadata && getMap(pod.spec, 'metadata') === pod.metadata ? [...pod.path, 'metadata'] : [...pod.path.slice(0, -1), 'metadata'];
}

/** Namespaces declared among `documents` (`kind: Namespace`). */
export function namespacesOf(documents: readonly ParsedDocument[]): NamespaceModel[] {
  const result: NamespaceModel[] = [];
  for (const document of documents) {
    if (document.kind !== 'Namespace' || document.apiVersion !== 'v1' || !document.root) continue;
    const metadata = getMap(document.root, 'metadata');
    const name = getString(metadata, 'name');
    if (name) result.push({ name, labels: stringMap(getMap(metadata, 'labels')), annotations: stringMap(getMap(metadata, 'annotations')) });
  }
  return result;
}

function quoted(key: string, value: string): string {
  return `\`${key}: "${value}"\``;
}

function enabledBy(
  injector: InjectorSpec,
  pod: { labels: Record<string, string>; annotations: Record<string, string> },
  namespace: NamespaceModel | undefined,
): string | undefined {
  const own = injector.podSwitch;
  const podValue = (own.in === 'labels' ? pod.labels : pod.annotations)[own.key];
  if (podValue !== undefined && own.off.includes(podValue)) return undefined;
  if (podValue !== undefined && own.on.includes(podValue)) return `${own.in === 'labels' ? 'label' : 'annotation'} ${quoted(own.key, podValue)} on the pod template`;
  for (const sw of injector.namespaceSwitches) {
    const map = namespace ? (sw.in === 'labels' ? namespace.labels : namespace.annotations) : undefined;
    const value = map && !(sw.unlessKey !== undefined && Object.hasOwn(map, sw.unlessKey)) ? map[sw.key] : undefined;
    if (value !== undefined && (sw.on === undefined || sw.on.includes(value))) {
      return `${sw.in === 'labels' ? 'label' : 'annotation'} ${quoted(sw.key, value)} on Namespace ${namespace?.name}`;
    }
  }
  return undefined;
}

function withOverrides(spec: InjectedContainerSpec, annotations: Record<string, string>): Pick<InjectedContainer, 'requests' | 'limits'> {
  const o = spec.overrides ?? {};
  const pick = (key: string | undefined, fallback: string | undefined) => (key && annotations[key] !== undefined ? annotations[key] : fallback);
  return {
    requests: { cpu: pick(o.requestsCpu, spec.resources.requests.cpu), memory: pick(o.requestsMemory, spec.resources.requests.memory) },
    limits: { cpu: pick(o.limitsCpu, spec.resources.limits.cpu), memory: pick(o.limitsMemory, spec.resources.limits.memory) },
  };
}

/** What `proxy.istio.io/config` says of holdApplicationUntilProxyStarts (JSON or YAML text), if it says it. */
export function holdApplicationSetting(annotations: Record<string, string>): boolean | undefined {
  const found = /holdApplicationUntilProxyStarts["']?\s*:\s*["']?(true|false)\b/.exec(annotations[ISTIO_PROXY_CONFIG] ?? '');
  return found ? found[1] === 'true' : undefined;
}

function holdsApplication(annotations: Record<string, string>): boolean {
  return holdApplicationSetting(annotations) === true;
}

/**
 * The injections the webhooks would make into this pod, in the order Istio, Linkerd, Vault. Only enabled meshes are
 * simulated; a pod already carrying an injector's container (manual `istioctl kube-inject`) is not injected again.
 */
export function injectionsOf(
  pod: PodSpecModel,
  meshes: MeshesSettings = DEFAULT_MESHES,
  namespaces: readonly NamespaceModel[] = [],
  kubernetesVersion?: string,
): Injection[] {
  const metadata = podMetadata(pod);
  const namespaceName = getString(getMap(pod.workload.node, 'metadata'), 'namespace');
  const namespace = namespaceName ? namespaces.find((n) => n.name === namespaceName) : undefined;
  const present = new Set(containersOf(pod, { ephemeral: false }).map((c) => c.name));
  const result: Injection[] = [];
  for (const injector of INJECTORS) {
    const setting = meshes[injector.mesh];
    if (!setting.enabled) continue;
    const reason = enabledBy(injector, metadata, namespace);
    if (!reason) continue;
    const specs = INJECTED_CONTAINERS[injector.mesh];
    if (specs.some((spec) => present.has(spec.name))) continue;
    const switchAnnotations = withNamespaceDefaults(injector.nativeSwitch, metadata.annotations, namespace);
    const modeAnnotation = decidingAnnotation(injector.nativeSwitch, switchAnnotations);
    const written = writtenMode(injector.nativeSwitch, modeAnnotation, switchAnnotations);
    const modeNamespace = modeAnnotation && namespace && !Object.hasOwn(metadata.annotations, modeAnnotation) ? { name: namespace.name, value: switchAnnotations[modeAnnotation] ?? '' } : undefined;
    const mode: InjectionMode = written ?? defaultModeOf(injector.mesh, setting, kubernetesVersion);
    const containers: InjectedContainer[] = [];
    for (const spec of specs) {
      if (injector.mesh === 'vault' && spec.list === 'initContainers' && metadata.annotations[VAULT_PRE_POPULATE] === 'false') continue;
      if (injector.mesh === 'vault' && spec.list === 'containers' && metadata.annotations[VAULT_PRE_POPULATE_ONLY] === 'true') continue;
      const native = spec.longRunning && mode === 'native' && injector.mesh !== 'vault';
      containers.push({
        mesh: injector.mesh,
        name: spec.name,
        list: native ? 'initContainers' : spec.list,
        role: native ? 'native-sidecar' : spec.list === 'initContainers' ? 'init' : 'app',
        longRunning: spec.longRunning,
        ports: spec.ports,
        ...withOverrides(spec, metadata.annotations),
      });
    }
    result.push({ mesh: injector.mesh, title: injector.title, reason, mode, modeFromAnnotation: written !== undefined, ...(modeAnnotation ? { modeAnnotation } : {}), ...(modeNamespace ? { modeNamespace } : {}), containers });
  }
  return result;
}

/** The pod's annotations with the mode keys it takes from its Namespace where it does not write them (Linkerd). */
function withNamespaceDefaults(nativeSwitch: NativeSwitch | undefined, annotations: Record<string, string>, namespace: NamespaceModel | undefined): Record<string, string> {
  const inherited = (nativeSwitch?.fromNamespace ?? []).filter((key) => namespace && Object.hasOwn(namespace.annotations, key) && !Object.hasOwn(annotations, key));
  if (!namespace || inherited.length === 0) return annotations;
  return { ...annotations, ...Object.fromEntries(inherited.map((key) => [key, namespace.annotations[key] ?? ''])) };
}

/** The first of the injector's mode keys the pod writes: the one that decides (NativeSwitch). */
function decidingAnnotation(nativeSwitch: NativeSwitch | undefined, annotations: Record<string, string>): string | undefined {
  return nativeSwitch?.annotations.find((k) => Object.hasOwn(annotations, k));
}

/** The mode the deciding annotation chooses, when its value is one the injector understands. */
function writtenMode(nativeSwitch: NativeSwitch | undefined, key: string | undefined, annotations: Record<string, string>): InjectionMode | undefined {
  if (!nativeSwitch || key === undefined) return undefined;
  const value = annotations[key] ?? '';
  return nativeSwitch.native.includes(value) ? 'native' : nativeSwitch.classic.includes(value) ? 'classic' : undefined;
}

/**
 * The mode a mesh injects in when the pod does not say: the user's override, or its current release's
 * (MESH_RELEASE_DEFAULTS). A release that is native only from some Kubernetes version on stays classic when the
 * target version is not given.
 */
export function defaultModeOf(mesh: MeshId, setting: MeshSettings, kubernetesVersion: string | undefined): InjectionMode {
  if (setting.defaultMode !== 'auto') return setting.defaultMode;
  const { native } = MESH_RELEASE_DEFAULTS[mesh];
  if (typeof native === 'boolean') return native ? 'native' : 'classic';
  return kubernetesVersion !== undefined && Number(kubernetesVersion.split('.')[1]) >= native.fromMinor ? 'native' : 'classic';
}

/**
 * Where each injector puts its containers (first or last of the list), from the injectors' code: Istio's reorderPod
 * (pkg/kube/inject/inject.go: native mode puts istio-init then istio-proxy first; classic puts istio-init last and
 * istio-proxy last in `containers`, or first with holdApplicationUntilProxyStarts), Linkerd's goldens (the proxy first
 * in `containers`, or after linkerd-init in `initContainers` when native) and linkerd/linkerd2#1763 (a classic
 * linkerd-init is appended after the pod's own init containers), vault-k8s Patch (appends vault-agent-init,
 * or puts it first with agent-init-first, and appends vault-agent).
 */
function placement(injection: Injection, container: InjectedContainer, annotations: Record<string, string>): 'first' | 'last' {
  switch (injection.mesh) {
    case 'istio':
      if (injection.mode === 'native') return 'first';
      if (container.list === 'containers') return holdsApplication(annotations) ? 'first' : 'last';
      return 'last';
    case 'linkerd':
      // Classic: linkerd-init is appended, so the pod's own init containers keep their network (linkerd/linkerd2#1763).
      return injection.mode === 'classic' && container.list === 'initContainers' ? 'last' : 'first';
    case 'vault':
      return container.list === 'initContainers' && annotations[VAULT_INIT_FIRST] === 'true' ? 'first' : 'last';
  }
}

/** The pod's init containers and containers after admission, in start order, the injected ones marked. */
export function admittedPod(pod: PodSpecModel, injections: readonly Injection[]): { initContainers: PodEntry[]; containers: PodEntry[] } {
  const own = (c: ContainerModel): PodEntry => ({ name: c.name ?? `${c.list}[${c.index}]`, role: c.role === 'ephemeral' ? 'app' : c.role, container: c });
  const lists = { initContainers: pod.initContainers.map(own), containers: pod.containers.map(own) };
  const { annotations } = podMetadata(pod);
  for (const injection of injections) {
    for (const list of ['initContainers', 'containers'] as const) {
      const mine = injection.containers.filter((c) => c.list === list);
      const first = mine.filter((c) => placement(injection, c, annotations) === 'first').map((c): PodEntry => ({ name: c.name, role: c.role, injected: c }));
      const last = mine.filter((c) => placement(injection, c, annotations) === 'last').map((c): PodEntry => ({ name: c.name, role: c.role, injected: c }));
      lists[list] = [...first, ...lists[list], ...last];
    }
  }
  return lists;
}

/** The pair in the workload's own metadata (not the pod template's) that holds an injector switch, if any. */
export function misplacedSwitches(pod: PodSpecModel): { pair: PairNode; key: string; mesh: MeshId; where: 'labels' | 'annotations' }[] {
  const workloadMetadata = getMap(pod.workload.node, 'metadata');
  if (!workloadMetadata || workloadMetadata === pod.metadata) return [];
  const template = podMetadata(pod);
  const found: { pair: PairNode; key: string; mesh: MeshId; where: 'labels' | 'annotations' }[] = [];
  for (const injector of INJECTORS) {
    for (const where of ['labels', 'annotations'] as const) {
      const map = getMap(workloadMetadata, where);
      const pair = map?.items.find((item) => keyText(item) === injector.podSwitch.key);
      const onTemplate = template.labels[injector.podSwitch.key] ?? template.annotations[injector.podSwitch.key];
      if (pair && onTemplate === undefined) found.push({ pair, key: injector.podSwitch.key, mesh: injector.mesh, where });
    }
  }
  return found;
}

/** The pod-template label or annotation that switched `injection` on, when it is written there (not a namespace's). */
export function switchPair(pod: PodSpecModel, mesh: MeshId): PairNode | undefined {
  const injector = INJECTORS.find((i) => i.mesh === mesh);
  const map = injector ? getMap(pod.metadata, injector.podSwitch.in) : undefined;
  return map?.items.find((item) => keyText(item) === injector?.podSwitch.key);
}

/**
 * What makes an injected classic sidecar stop holding a run-to-completion pod, per mesh, when the pod writes no mode
 * annotation: the annotation to add. Linkerd's is the alpha key: it is the only one every release with native
 * sidecars reads (linkerd2 pkg/k8s/labels.go: version-2.18 has only `config.alpha.linkerd.io/…`, version-2.19 adds
 * `config.beta.linkerd.io/…`, version-2.20 adds `config.linkerd.io/…` and marks the other two deprecated, still read).
 * With the default `auto` (Linkerd 2.20, native) a Linkerd proxy is classic only when the user says so: a pod
 * annotation (then runToCompletionFix edits that one) or `defaultMode: classic`, i.e. an older release or a 2.20
 * control plane installed with proxy.nativeSidecar false, where only the alpha key is sure to be read.
 */
export const RUN_TO_COMPLETION_FIX: Readonly<Record<MeshId, { annotation: string; value: string; minMinor?: number; words: string }>> = {
  // Native sidecars need Kubernetes 1.29 (SidecarContainers on by default).
  istio: { annotation: 'sidecar.istio.io/nativeSidecar', value: 'true', minMinor: 29, words: 'inject istio-proxy as a native sidecar' },
  linkerd: { annotation: 'config.alpha.linkerd.io/proxy-enable-native-sidecar', value: 'true', minMinor: 29, words: 'inject linkerd-proxy as a native sidecar' },
  vault: { annotation: VAULT_PRE_POPULATE_ONLY, value: 'true', words: 'inject only the vault-agent-init container, which renders the secrets once and exits' },
};

/** The annotation a fix writes for this pod and injection, and the value the pod has for it now, if any. */
export interface AnnotationFix {
  annotation: string;
  value: string;
  current?: string;
  /** The Namespace whose annotation of that key decides today (the pod's own key overrides it). */
  namespace?: { name: string; value: string };
  minMinor?: number;
  words: string;
}

/**
 * The fix for an injected classic sidecar of this pod: where the pod already writes the annotation that decides the
 * mode (Linkerd's first present key, Istio's nativeSidecar, Vault's pre-populate-only), that annotation gets the new
 * value; adding another key would lose to it (pkg/inject/inject.go reads the first present only). Otherwise the
 * mesh's key from RUN_TO_COMPLETION_FIX is added.
 */
export function runToCompletionFix(pod: PodSpecModel, injection: Injection): AnnotationFix {
  const fix = RUN_TO_COMPLETION_FIX[injection.mesh];
  const annotation = injection.modeAnnotation ?? fix.annotation;
  const current = podMetadata(pod).annotations[annotation];
  const namespace = injection.modeAnnotation === annotation ? injection.modeNamespace : undefined;
  return { ...fix, annotation, ...(current !== undefined ? { current } : {}), ...(namespace ? { namespace } : {}) };
}

/** The fix in words, for a message: "Annotate the pod template with …" or "Change the pod template's … to …". */
export function annotationFixWords(fix: AnnotationFix): string {
  if (fix.current !== undefined) return `Change the pod template's \`${fix.annotation}: "${fix.current}"\` to \`"${fix.value}"\``;
  const over = fix.namespace ? ` (over Namespace ${fix.namespace.name}'s \`"${fix.namespace.value}"\`)` : '';
  return `Annotate the pod template with \`${fix.annotation}: "${fix.value}"\`${over}`;
}

/** A classic proxy mesh's redirection of the pod's traffic, as the start-order rules see it. */
export interface TrafficCapture {
  initName: string;
  proxyName: string;
  /** The user whose traffic the redirection skips (the proxy's). */
  proxyUid: number;
  bypassAnnotations: readonly string[];
  /** The container runs as the proxy's user, so its traffic is not redirected. */
  bypassedBy(container: ContainerModel): boolean;
}

/**
 * For an injection that adds a classic proxy (so the proxy is not running while init containers run): how it
 * captures traffic. Undefined for a native proxy, a mesh with no proxy (Vault), or a pod that takes outbound traffic
 * out of the redirection with one of the mesh's annotations.
 */
export function capturesTraffic(pod: PodSpecModel, injection: Injection): TrafficCapture | undefined {
  const capture = INJECTORS.find((i) => i.mesh === injection.mesh)?.capture;
  if (!capture || !injection.containers.some((c) => c.name === capture.proxy && c.role === 'app')) return undefined;
  const { annotations } = podMetadata(pod);
  if (capture.bypassAnnotations.some((key) => annotations[key] !== undefined)) return undefined;
  const written = capture.proxyUidAnnotation ? Number(annotations[capture.proxyUidAnnotation]) : NaN;
  const proxyUid = Number.isInteger(written) ? written : capture.proxyUid;
  return {
    initName: capture.init,
    proxyName: capture.proxy,
    proxyUid,
    bypassAnnotations: capture.bypassAnnotations,
    bypassedBy: (container) => Number(effectiveSetting(pod, container, 'runAsUser')?.text) === proxyUid,
  };
}
