/**
 * What the admission webhooks of the common meshes and agents add to a pod: the data that model/injection.ts reads.
 * Every row cites the injector's own source or docs; the golden tests (test/unit/model/injection.test.ts) compare the
 * simulated containers with real injector output.
 */

import type { InjectorKey } from './injector-keys';
import { ISTIO_KEYS } from './injector-keys-istio';
import { LINKERD_KEYS } from './injector-keys-linkerd';
import { VAULT_KEYS } from './injector-keys-vault';

export type MeshId = 'istio' | 'linkerd' | 'vault';
export type InjectionMode = 'classic' | 'native';

/**
 * Per mesh: whether to simulate its injector, and the mode its control plane injects in when a pod does not say:
 * `auto` (the default) is what the mesh's current stable release does (MESH_RELEASE_DEFAULTS), `classic` or `native`
 * is the user's override (an older release, or a control plane installed with the other default).
 */
export interface MeshSettings {
  enabled: boolean;
  defaultMode: InjectionMode | 'auto';
}
export type MeshesSettings = Record<MeshId, MeshSettings>;

/**
 * `auto` for both proxy meshes: their current stable releases inject native sidecars (MESH_RELEASE_DEFAULTS), and a
 * classic default would warn every user of them that their meshed Jobs never complete. Vault has no native mode.
 */
export const DEFAULT_MESHES: MeshesSettings = {
  istio: { enabled: true, defaultMode: 'auto' },
  linkerd: { enabled: true, defaultMode: 'auto' },
  vault: { enabled: true, defaultMode: 'classic' },
};

/**
 * What each mesh's current stable release injects when the pod does not say: `native` always, never, or from a
 * Kubernetes minor on. The one table that `defaultMode: auto` reads (injection.ts defaultModeOf).
 */
export interface MeshReleaseDefault {
  release: string;
  /** Native always, never, or from this Kubernetes 1.x minor on. */
  native: boolean | { fromMinor: number };
  source: string;
}
export const MESH_RELEASE_DEFAULTS: Readonly<Record<MeshId, MeshReleaseDefault>> = {
  // Istio 1.27.0 (2025-08) changed ENABLE_NATIVE_SIDECARS from false (1.26.0 pilot/pkg/features/experimental.go) to
  // "auto" (1.27.0..1.30.3 pilot/pkg/features/pilot.go; releasenotes/notes/native-sidecar-default.yaml, istio#48794).
  // "auto" is resolved by pkg/kube/inject/webhook.go DetectNativeSidecar: native only when the pod's node, or before
  // scheduling every node, runs a kubelet >= 1.33 ("Native sidecars feature graduated to stable in Kubernetes 1.33").
  // The user's target Kubernetes version stands in for the nodes' kubelets. 1.30 is the latest stable tag (1.31 is rc).
  istio: { release: '1.30', native: { fromMinor: 33 }, source: 'https://github.com/istio/istio/blob/1.30.0/pkg/kube/inject/webhook.go' },
  // Linkerd 2.20 (2026-06) made native the default: charts/linkerd-control-plane/values.yaml proxy.nativeSidecar is
  // true at version-2.20 (false at version-2.18 and version-2.19); linkerd.io "Native sidecars": "As of Linkerd 2.20,
  // native sidecars are enabled by default".
  linkerd: { release: '2.20', native: true, source: 'https://linkerd.io/2/features/native-sidecars/' },
  // The Vault injector adds a regular container (vault-k8s agent-inject/agent/agent.go): no native mode.
  vault: { release: 'vault-k8s', native: false, source: 'https://github.com/hashicorp/vault-k8s/blob/main/agent-inject/agent/agent.go' },
};

/**
 * The settings a user can give per mesh, with the values each takes: the one table that the editor settings
 * (package.json `sidecar.meshes.*`, read by settings.ts) and `.sidecarlint.yaml` (`meshes:`, read by config-file.ts)
 * both follow, so the CLI in CI and the editor agree. A test checks it against package.json. Vault has no
 * `defaultMode`: its injector adds a regular container (vault-k8s agent.go), there is no native mode to choose.
 */
export const MESH_SETTING_VALUES: Readonly<Record<MeshId, Readonly<Partial<Record<keyof MeshSettings, readonly (boolean | string)[]>>>>> = {
  istio: { enabled: [true, false], defaultMode: ['auto', 'classic', 'native'] },
  linkerd: { enabled: [true, false], defaultMode: ['auto', 'classic', 'native'] },
  vault: { enabled: [true, false] },
};

/**
 * A pod's own choice of mode: the annotations in the order the injector reads them (the first one present decides,
 * even when its value is not one the injector understands, which then leaves the default), and the values meaning
 * native and classic.
 */
export interface NativeSwitch {
  annotations: readonly string[];
  native: readonly string[];
  classic: readonly string[];
  /** Of `annotations`, those a pod takes from its Namespace's annotations when it does not write that key itself. */
  fromNamespace?: readonly string[];
  source: string;
}

/** One container an injector adds. */
export interface InjectedContainerSpec {
  name: string;
  list: 'initContainers' | 'containers';
  /** Long-running (a proxy or an agent), as opposed to a one-shot init step. */
  longRunning: boolean;
  /** Ports the container listens on (the pod's network namespace is shared, so an app must not use them). */
  ports: readonly number[];
  /** Default requests and limits, and the pod annotations that override them. */
  resources: { requests: { cpu?: string; memory?: string }; limits: { cpu?: string; memory?: string } };
  overrides?: { requestsCpu?: string; requestsMemory?: string; limitsCpu?: string; limitsMemory?: string };
}

export interface InjectorSpec {
  mesh: MeshId;
  title: string;
  /** Pod-template key that asks for injection: a label or an annotation, and the value(s) meaning yes / no. */
  podSwitch: { in: 'labels' | 'annotations'; key: string; on: readonly string[]; off: readonly string[] };
  /** Namespace keys that turn injection on for every pod in it (when the pod does not say otherwise). */
  namespaceSwitches: readonly { in: 'labels' | 'annotations'; key: string; on?: readonly string[]; unlessKey?: string }[];
  /** Pod annotations choosing native (restartPolicy: Always init container) or classic mode, when the mesh has them. */
  nativeSwitch?: NativeSwitch;
  /**
   * A proxy mesh's traffic capture: the init container that redirects the pod's traffic with iptables, the proxy it
   * redirects to, the user whose traffic is left alone, and the pod annotations that take outbound traffic out of the
   * redirection. What the start-order rules read to tell whether an init container's traffic meets a proxy.
   */
  capture?: { init: string; proxy: string; proxyUid: number; proxyUidAnnotation?: string; bypassAnnotations: readonly string[]; source: string };
  /** The pod labels and annotations the injector documents, with their values and docs (completion and hover). */
  keys: readonly InjectorKey[];
  source: string;
}

const ISTIO_PROXY_RESOURCES = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2', memory: '1Gi' } };
/** The four pod annotations that override an injected container's requests and limits (cpu, memory). */
function overrides(prefix: string, [requestsCpu, requestsMemory, limitsCpu, limitsMemory]: readonly [string, string, string, string]) {
  return { requestsCpu: prefix + requestsCpu, requestsMemory: prefix + requestsMemory, limitsCpu: prefix + limitsCpu, limitsMemory: prefix + limitsMemory };
}
const ISTIO_OVERRIDES = overrides('sidecar.istio.io/', ['proxyCPU', 'proxyMemory', 'proxyCPULimit', 'proxyMemoryLimit']);
const VAULT_RESOURCES = { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
const VAULT_OVERRIDES = overrides('vault.hashicorp.com/', ['agent-requests-cpu', 'agent-requests-mem', 'agent-limits-cpu', 'agent-limits-mem']);
const LINKERD_OVERRIDES = overrides('config.linkerd.io/', ['proxy-cpu-request', 'proxy-memory-request', 'proxy-cpu-limit', 'proxy-memory-limit']);

/**
 * The containers, per mesh. Istio: `istio-init` runs the iptables setup (`istio-validation` replaces it with the Istio
 * CNI plugin, not modelled), `istio-proxy` listens on 15000 (admin), 15001 (outbound), 15004 (debug), 15006
 * (inbound), 15008 (HBONE), 15020 (merged metrics), 15021 (health), 15053 (DNS) and 15090 (Envoy Prometheus)
 * (istio.io "Application requirements: ports used by Istio"); requests/limits 100m/128Mi and 2/1Gi are the chart's
 * global.proxy.resources, as in pkg/kube/inject/testdata/inject/*.injected. Linkerd: `linkerd-init` and
 * `linkerd-proxy` (4140 outbound, 4143 inbound, 4190 control, 4191 admin; no resources unless configured), as in
 * linkerd2 cli/cmd/testdata/inject_emojivoto_deployment*.golden.yml. Vault: `vault-agent-init` and `vault-agent`,
 * with the injector's defaults 250m/64Mi requests and 500m/128Mi limits (developer.hashicorp.com Vault "Agent
 * Sidecar Injector annotations": agent-requests-cpu, agent-requests-mem, agent-limits-cpu, agent-limits-mem).
 */
export const INJECTED_CONTAINERS: Readonly<Record<MeshId, readonly InjectedContainerSpec[]>> = {
  istio: [
    { name: 'istio-init', list: 'initContainers', longRunning: false, ports: [], resources: ISTIO_PROXY_RESOURCES, overrides: ISTIO_OVERRIDES },
    {
      name: 'istio-proxy',
      list: 'containers',
      longRunning: true,
      ports: [15000, 15001, 15004, 15006, 15008, 15020, 15021, 15053, 15090],
      resources: ISTIO_PROXY_RESOURCES,
      overrides: ISTIO_OVERRIDES,
    },
  ],
  linkerd: [
    { name: 'linkerd-init', list: 'initContainers', longRunning: false, ports: [], resources: { requests: {}, limits: {} } },
    { name: 'linkerd-proxy', list: 'containers', longRunning: true, ports: [4140, 4143, 4190, 4191], resources: { requests: {}, limits: {} }, overrides: LINKERD_OVERRIDES },
  ],
  vault: [
    { name: 'vault-agent-init', list: 'initContainers', longRunning: false, ports: [], resources: VAULT_RESOURCES, overrides: VAULT_OVERRIDES },
    { name: 'vault-agent', list: 'containers', longRunning: true, ports: [], resources: VAULT_RESOURCES, overrides: VAULT_OVERRIDES },
  ],
};

export const INJECTORS: readonly InjectorSpec[] = [
  {
    mesh: 'istio',
    title: 'Istio',
    podSwitch: { in: 'labels', key: 'sidecar.istio.io/inject', on: ['true'], off: ['false'] },
    namespaceSwitches: [
      { in: 'labels', key: 'istio-injection', on: ['enabled'] },
      // The revision webhooks select namespaces whose istio-injection label does not exist (mutatingwebhook.yaml).
      { in: 'labels', key: 'istio.io/rev', unlessKey: 'istio-injection' },
    ],
    nativeSwitch: {
      annotations: ['sidecar.istio.io/nativeSidecar'],
      native: ['true'],
      classic: ['false'],
      source: 'https://github.com/istio/istio/blob/1.30.0/manifests/charts/istio-control/istio-discovery/files/injection-template.yaml',
    },
    capture: {
      init: 'istio-init',
      proxy: 'istio-proxy',
      proxyUid: 1337,
      bypassAnnotations: ['traffic.sidecar.istio.io/excludeOutboundIPRanges', 'traffic.sidecar.istio.io/excludeOutboundPorts', 'traffic.sidecar.istio.io/includeOutboundIPRanges'],
      source: 'https://istio.io/latest/docs/setup/additional-setup/cni/#compatibility-with-application-init-containers',
    },
    keys: ISTIO_KEYS,
    source: 'https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#controlling-the-injection-policy',
  },
  {
    mesh: 'linkerd',
    title: 'Linkerd',
    podSwitch: { in: 'annotations', key: 'linkerd.io/inject', on: ['enabled', 'ingress'], off: ['disabled'] },
    namespaceSwitches: [{ in: 'annotations', key: 'linkerd.io/inject', on: ['enabled', 'ingress'] }],
    // pkg/inject/inject.go (version-2.20): config.linkerd.io/… (2.20) takes precedence over config.beta.linkerd.io/…
    // (2.19) over config.alpha.linkerd.io/… (2.15); the first present is parsed with Go's strconv.ParseBool and an
    // unparsable value keeps the chart's proxy.nativeSidecar.
    nativeSwitch: {
      annotations: ['config.linkerd.io/proxy-enable-native-sidecar', 'config.beta.linkerd.io/proxy-enable-native-sidecar', 'config.alpha.linkerd.io/proxy-enable-native-sidecar'],
      native: ['1', 't', 'T', 'TRUE', 'true', 'True'],
      classic: ['0', 'f', 'F', 'FALSE', 'false', 'False'],
      // AppendNamespaceAnnotations (inject.go, called by controller/proxy-injector/webhook.go) copies to the pod each
      // key of ProxyAnnotations and ProxyAlphaConfigAnnotations its namespace has and it lacks: the plain and the
      // alpha key are in those lists, the beta key is not.
      fromNamespace: ['config.linkerd.io/proxy-enable-native-sidecar', 'config.alpha.linkerd.io/proxy-enable-native-sidecar'],
      source: 'https://github.com/linkerd/linkerd2/blob/version-2.20/pkg/inject/inject.go',
    },
    capture: {
      init: 'linkerd-init',
      proxy: 'linkerd-proxy',
      proxyUid: 2102,
      proxyUidAnnotation: 'config.linkerd.io/proxy-uid',
      bypassAnnotations: ['config.linkerd.io/skip-outbound-ports', 'config.linkerd.io/skip-subnets'],
      source: 'https://linkerd.io/2-edge/features/cni/#allowing-initcontainer-networking',
    },
    keys: LINKERD_KEYS,
    source: 'https://linkerd.io/2-edge/features/proxy-injection/',
  },
  {
    mesh: 'vault',
    title: 'Vault Agent Injector',
    podSwitch: { in: 'annotations', key: 'vault.hashicorp.com/agent-inject', on: ['true'], off: ['false'] },
    namespaceSwitches: [],
    keys: VAULT_KEYS,
    source: 'https://developer.hashicorp.com/vault/docs/platform/k8s/injector/annotations',
  },
];

/** Annotations that change what Vault injects (vault-k8s agent-inject/agent/agent.go, Patch). */
export const VAULT_PRE_POPULATE_ONLY = 'vault.hashicorp.com/agent-pre-populate-only';
export const VAULT_PRE_POPULATE = 'vault.hashicorp.com/agent-pre-populate';
export const VAULT_INIT_FIRST = 'vault.hashicorp.com/agent-init-first';
/** The user the Vault agent containers run as (vault-k8s annotations.go; default 100, agent.go DefaultAgentRunAsUser). */
export const VAULT_RUN_AS_USER = 'vault.hashicorp.com/agent-run-as-user';
/** Linkerd's per-pod switch for awaiting the proxy before the app starts (proxy-configuration reference). */
export const LINKERD_PROXY_AWAIT = 'config.linkerd.io/proxy-await';
/** Istio: with holdApplicationUntilProxyStarts the classic proxy goes first in `containers` (inject.go reorderPod). */
export const ISTIO_PROXY_CONFIG = 'proxy.istio.io/config';
