/**
 * The references between resources that the workspace checks and navigates, as data. One reader
 * (./references.ts) walks every row; nothing else knows where a reference sits in a manifest.
 *
 * A path step is a map key, `*` (every item of a list), or a list of keys (any of them). A row's path leads to
 * the map that holds the name. Rows of pods start from the pod model (model/pod.ts, which reads the one table of where
 * each kind keeps its pods, derived rows of CRDs included): `pod` at each pod-spec map, `container` at each of its
 * containers (whatever key the kind writes them under: Argo's `container`, `script`, `sidecars`), `volume` at each
 * volume it may mount (Argo's workflow-level `volumes` too); the others start at the object's root. Field names and meanings: the Kubernetes API reference of each field
 * (k8s.io/api core/v1 types.go, networking/v1, autoscaling/v2, policy/v1, rbac/v1, gateway-api v1 HTTPRoute).
 */
export type PathStep = string | '*' | readonly string[];

/** Where a row of a pod starts: the pod-spec map, each container, each volume. */
export type PodPart = 'pod' | 'container' | 'volume';

export function isPodPart(from: ReferenceKind['from']): from is PodPart {
  return typeof from === 'string';
}

/** A row of the table: where a reference is, and what it names. */
export interface ReferenceKind {
  /** Stable id, shown in tests and data. */
  id: string;
  /**
   * 'pod': every pod spec of a workload (a Pod, a Deployment's template…); 'container' / 'volume': every container /
   * volume of those pods; else the kinds that hold it.
   */
  from: PodPart | readonly string[];
  path: readonly PathStep[];
  /** The key of the name inside the map the path leads to. */
  nameKey: string;
  /** The kind named, or the key of the map that names it (scaleTargetRef.kind), with the API's default. */
  target: string | { kindKey: string; default?: string };
  /** A key of the same map that names the target's namespace (RoleBinding subjects, HTTPRoute backendRefs). */
  namespaceKey?: string;
  /** The reference counts only when these keys of the map hold one of these values (undefined: key absent). */
  when?: readonly { key: string; values: readonly (string | undefined)[] }[];
  /** `optional: true` in the same map: the pod starts without the object (core/v1 ConfigMapVolumeSource.optional). */
  optionalKey?: string;
  /** Where the port of a Service reference is, inside the same map: a number key and a name key. */
  port?: { path: readonly string[]; numberKey: string; nameKey?: string };
  /** How the docs and messages name the field. */
  field: string;
}

export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  { id: 'volume-config-map', from: 'volume', path: ['configMap'], nameKey: 'name', target: 'ConfigMap', optionalKey: 'optional', field: 'volumes[].configMap.name' },
  { id: 'volume-secret', from: 'volume', path: ['secret'], nameKey: 'secretName', target: 'Secret', optionalKey: 'optional', field: 'volumes[].secret.secretName' },
  { id: 'projected-config-map', from: 'volume', path: ['projected', 'sources', '*', 'configMap'], nameKey: 'name', target: 'ConfigMap', optionalKey: 'optional', field: 'volumes[].projected.sources[].configMap.name' },
  { id: 'projected-secret', from: 'volume', path: ['projected', 'sources', '*', 'secret'], nameKey: 'name', target: 'Secret', optionalKey: 'optional', field: 'volumes[].projected.sources[].secret.name' },
  { id: 'volume-claim', from: 'volume', path: ['persistentVolumeClaim'], nameKey: 'claimName', target: 'PersistentVolumeClaim', field: 'volumes[].persistentVolumeClaim.claimName' },
  { id: 'env-from-config-map', from: 'container', path: ['envFrom', '*', 'configMapRef'], nameKey: 'name', target: 'ConfigMap', optionalKey: 'optional', field: 'envFrom[].configMapRef.name' },
  { id: 'env-from-secret', from: 'container', path: ['envFrom', '*', 'secretRef'], nameKey: 'name', target: 'Secret', optionalKey: 'optional', field: 'envFrom[].secretRef.name' },
  { id: 'env-config-map-key', from: 'container', path: ['env', '*', 'valueFrom', 'configMapKeyRef'], nameKey: 'name', target: 'ConfigMap', optionalKey: 'optional', field: 'env[].valueFrom.configMapKeyRef.name' },
  { id: 'env-secret-key', from: 'container', path: ['env', '*', 'valueFrom', 'secretKeyRef'], nameKey: 'name', target: 'Secret', optionalKey: 'optional', field: 'env[].valueFrom.secretKeyRef.name' },
  { id: 'image-pull-secret', from: 'pod', path: ['imagePullSecrets', '*'], nameKey: 'name', target: 'Secret', field: 'imagePullSecrets[].name' },
  { id: 'service-account', from: 'pod', path: [], nameKey: 'serviceAccountName', target: 'ServiceAccount', field: 'serviceAccountName' },
  // The deprecated alias of serviceAccountName (core/v1 PodSpec.DeprecatedServiceAccount), still read by the API server.
  { id: 'service-account-deprecated', from: 'pod', path: [], nameKey: 'serviceAccount', target: 'ServiceAccount', field: 'serviceAccount' },
  { id: 'priority-class', from: 'pod', path: [], nameKey: 'priorityClassName', target: 'PriorityClass', field: 'priorityClassName' },
  { id: 'runtime-class', from: 'pod', path: [], nameKey: 'runtimeClassName', target: 'RuntimeClass', field: 'runtimeClassName' },
  { id: 'ingress-backend', from: ['Ingress'], path: ['spec', 'rules', '*', 'http', 'paths', '*', 'backend', 'service'], nameKey: 'name', target: 'Service', port: { path: ['port'], numberKey: 'number', nameKey: 'name' }, field: 'spec.rules[].http.paths[].backend.service.name' },
  { id: 'ingress-default-backend', from: ['Ingress'], path: ['spec', 'defaultBackend', 'service'], nameKey: 'name', target: 'Service', port: { path: ['port'], numberKey: 'number', nameKey: 'name' }, field: 'spec.defaultBackend.service.name' },
  // Gateway API: a backendRef without kind and group is a core Service (BackendObjectReference defaults).
  {
    id: 'http-route-backend',
    from: ['HTTPRoute', 'GRPCRoute'],
    path: ['spec', 'rules', '*', 'backendRefs', '*'],
    nameKey: 'name',
    target: { kindKey: 'kind', default: 'Service' },
    namespaceKey: 'namespace',
    when: [{ key: 'group', values: [undefined, ''] }, { key: 'kind', values: [undefined, 'Service'] }],
    port: { path: [], numberKey: 'port' },
    field: 'spec.rules[].backendRefs[].name',
  },
  { id: 'scale-target', from: ['HorizontalPodAutoscaler'], path: ['spec', 'scaleTargetRef'], nameKey: 'name', target: { kindKey: 'kind' }, field: 'spec.scaleTargetRef.name' },
  { id: 'vpa-target', from: ['VerticalPodAutoscaler'], path: ['spec', 'targetRef'], nameKey: 'name', target: { kindKey: 'kind' }, field: 'spec.targetRef.name' },
  {
    id: 'binding-subject',
    from: ['RoleBinding', 'ClusterRoleBinding'],
    path: ['subjects', '*'],
    nameKey: 'name',
    target: 'ServiceAccount',
    namespaceKey: 'namespace',
    when: [{ key: 'kind', values: ['ServiceAccount'] }],
    field: 'subjects[].name',
  },
  { id: 'binding-role', from: ['RoleBinding', 'ClusterRoleBinding'], path: ['roleRef'], nameKey: 'name', target: { kindKey: 'kind' }, field: 'roleRef.name' },
];

/** Which labels a selector row matches, and how it is written. */
export interface SelectorKind {
  id: string;
  from: readonly string[];
  path: readonly string[];
  /** 'map': a Service's plain map; 'label-selector': matchLabels and matchExpressions (an empty one selects all). */
  form: 'map' | 'label-selector';
  field: string;
  /** A controller's selector of its own pod template: selector-mismatch checks it; rename keeps it in step. */
  ownTemplate?: true;
}

/** Selectors that pick pods of the workspace's workloads (core/v1 ServiceSpec.selector, policy/v1, networking/v1). */
export const SELECTOR_KINDS: readonly SelectorKind[] = [
  { id: 'service-selector', from: ['Service'], path: ['spec', 'selector'], form: 'map', field: 'spec.selector' },
  { id: 'pdb-selector', from: ['PodDisruptionBudget'], path: ['spec', 'selector'], form: 'label-selector', field: 'spec.selector' },
  { id: 'network-policy-selector', from: ['NetworkPolicy'], path: ['spec', 'podSelector'], form: 'label-selector', field: 'spec.podSelector' },
  { id: 'controller-selector', from: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'], path: ['spec', 'selector'], form: 'label-selector', field: 'spec.selector', ownTemplate: true },
  { id: 'replication-controller-selector', from: ['ReplicationController'], path: ['spec', 'selector'], form: 'map', field: 'spec.selector', ownTemplate: true },
];

/**
 * Kinds that are not namespaced (kubectl api-resources --namespaced=false, the built-in ones a reference can
 * name). Their resources are indexed under the empty namespace.
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'IngressClass',
  'GatewayClass',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'CSIDriver',
  'APIService',
]);

/**
 * Objects every cluster has without a manifest, which a reference may name though no file defines them: the
 * bootstrap ClusterRoles (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go: cluster-admin, admin, edit,
 * view and the `system:` roles), the built-in PriorityClasses (pkg/apis/scheduling/types.go), the `default`
 * ServiceAccount of each namespace (serviceaccounts-controller), the `kube-root-ca.crt` ConfigMap of each
 * namespace (root-ca-cert-publisher) and the `kubernetes` Service.
 */
export const BUILT_IN_OBJECTS: Readonly<Record<string, { names: readonly string[]; prefix?: string }>> = {
  ClusterRole: { names: ['cluster-admin', 'admin', 'edit', 'view'], prefix: 'system:' },
  ClusterRoleBinding: { names: ['cluster-admin'], prefix: 'system:' },
  Role: { names: [], prefix: 'system:' },
  PriorityClass: { names: ['system-cluster-critical', 'system-node-critical'] },
  ServiceAccount: { names: ['default'] },
  ConfigMap: { names: ['kube-root-ca.crt'] },
  Service: { names: ['kubernetes'] },
};

/**
 * The API groups of the Kubernetes kinds that the tables above name (as targets, or as the kinds that hold a
 * reference or a selector). A custom resource of the same kind name in another group (Knative's
 * `serving.knative.dev` Service, a CRD's own `Secret`) is another kind: it is indexed under `Kind.group`
 * (kubectl's `service.serving.knative.dev`), so it never stands in for the built-in one. Groups: the Kubernetes
 * API reference of each kind (extensions/v1beta1 for the workloads and Ingress served until 1.15/1.21, the
 * deprecation guide); HTTPRoute/GRPCRoute: gateway-api. Kinds not listed (Argo's Rollout, …) keep their name.
 */
export const KIND_GROUPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ServiceAccount', 'Service', 'Pod', 'ReplicationController'].map((kind) => [kind, ['']] as const),
  ...['Deployment', 'DaemonSet', 'ReplicaSet'].map((kind) => [kind, ['apps', 'extensions']] as const),
  ['StatefulSet', ['apps']],
  ['Job', ['batch']],
  ['CronJob', ['batch']],
  ['PriorityClass', ['scheduling.k8s.io']],
  ['RuntimeClass', ['node.k8s.io']],
  ...['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].map((kind) => [kind, ['rbac.authorization.k8s.io']] as const),
  ['Ingress', ['networking.k8s.io', 'extensions']],
  ['NetworkPolicy', ['networking.k8s.io', 'extensions']],
  ['PodDisruptionBudget', ['policy']],
  ['HorizontalPodAutoscaler', ['autoscaling']],
  ['VerticalPodAutoscaler', ['autoscaling.k8s.io']],
  ['HTTPRoute', ['gateway.networking.k8s.io']],
  ['GRPCRoute', ['gateway.networking.k8s.io']],
]);
