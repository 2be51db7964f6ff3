import type { YamlPath } from '../parse/nodes';

/**
 * Where the containers of a pod are written in its pod-spec-like map. A Kubernetes pod spec has the three lists;
 * an Argo Workflows template writes its main container as one map (`container`, or `script`, which is a container
 * with a `source`) and its helpers as `sidecars`, which Argo puts in the pod's `containers`.
 */
export interface PodShape {
  /** Keys whose containers become the pod's `containers`; `single` keys hold one container map, not a list. */
  containers: readonly { key: string; single?: boolean }[];
  initContainers: readonly string[];
  ephemeralContainers: readonly string[];
  /**
   * Volume lists a container may mount: `local` relative to the pod-spec map, `workload` relative to the workload
   * spec (Argo's `spec.volumes` and `spec.volumeClaimTemplates` are shared by every template).
   */
  volumes: readonly { from: 'local' | 'workload'; path: YamlPath }[];
  /** The pod's labels and annotations are in the pod-spec map's own `metadata` (Argo), not in a sibling `metadata`. */
  metadataInside?: boolean;
  /** The controller kills the `containers` after the first one once it exits (Argo's `sidecars`). */
  sidecarsStoppedByController?: boolean;
}

export interface PodLocation {
  /** API group of the kind ('' for the core group): Knative's `Service` is not the core `Service`. */
  group: string;
  kind: string;
  /** From the document root to the pod-spec map; `'*'` is every item of a list (Argo's templates). */
  path: readonly (string | '*')[];
  /** Where the workload keeps what its pods share (Argo's workflow spec); the root's `spec` when unset. */
  workloadSpec?: YamlPath;
  /** Claim templates whose names become volumes of every pod (StatefulSet, Argo's `volumeClaimTemplates`). */
  claimTemplates?: YamlPath;
  /**
   * The pods run to completion (Jobs), so a sidecar that never exits keeps them from finishing. `'restartPolicy'`:
   * when the pod spec's restartPolicy is Never or OnFailure (a bare Pod, a custom resource's pod template), the
   * kubelet's rule for any pod whatever made it.
   */
  runsToCompletion?: boolean | 'restartPolicy';
  /** Where the pod's labels and annotations are: the `metadata` beside the pod spec (default), or none (a bare PodSpec). */
  podMetadata?: 'beside' | 'none';
  /** A row derived at run time from a CustomResourceDefinition's schema: for this version of the kind only. */
  version?: string;
  shape: PodShape;
  /** Where this shape is documented. */
  source: string;
}

const POD: PodShape = {
  containers: [{ key: 'containers' }],
  initContainers: ['initContainers'],
  ephemeralContainers: ['ephemeralContainers'],
  volumes: [{ from: 'local', path: ['volumes'] }],
};

/**
 * An Argo Workflows template (io.argoproj.workflow.v1alpha1.Template): `container` or `script`, `initContainers`,
 * `sidecars`, template `volumes`, plus the workflow's `volumes` and `volumeClaimTemplates` (docs/custom-resources.md
 * describes Argo's sidecar semantics). Templates without a container (steps, dag, resource, suspend) make no pod.
 */
const ARGO_TEMPLATE: PodShape = {
  containers: [{ key: 'container', single: true }, { key: 'script', single: true }, { key: 'sidecars' }],
  initContainers: ['initContainers'],
  ephemeralContainers: [],
  volumes: [
    { from: 'local', path: ['volumes'] },
    { from: 'workload', path: ['volumes'] },
  ],
  metadataInside: true,
  sidecarsStoppedByController: true,
};

const K8S_API = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/';
const ARGO_WORKFLOW = 'https://argo-workflows.readthedocs.io/en/latest/fields/ (WorkflowSpec.templates, Template)';

/** An Argo kind holding a WorkflowSpec at `workflowSpec`: each of its templates with a container is a pod. */
function argoWorkflow(kind: string, workflowSpec: readonly string[]): PodLocation {
  return {
    group: 'argoproj.io',
    kind,
    path: [...workflowSpec, 'templates', '*'],
    workloadSpec: [...workflowSpec],
    claimTemplates: [...workflowSpec, 'volumeClaimTemplates'],
    runsToCompletion: true,
    shape: ARGO_TEMPLATE,
    source: `${ARGO_WORKFLOW}${kind === 'CronWorkflow' ? '; CronWorkflowSpec.workflowSpec' : ''}`,
  };
}

/** Where each kind keeps its pod spec: the one table that pods, rules, hover and topology read. */
export const POD_LOCATIONS: readonly PodLocation[] = [
  { group: '', kind: 'Pod', path: ['spec'], runsToCompletion: 'restartPolicy', shape: POD, source: `${K8S_API}pod-v1/` },
  { group: '', kind: 'PodTemplate', path: ['template', 'spec'], shape: POD, source: `${K8S_API}pod-template-v1/` },
  { group: '', kind: 'ReplicationController', path: ['spec', 'template', 'spec'], shape: POD, source: `${K8S_API}replication-controller-v1/` },
  { group: 'apps', kind: 'Deployment', path: ['spec', 'template', 'spec'], shape: POD, source: `${K8S_API}deployment-v1/` },
  {
    group: 'apps',
    kind: 'StatefulSet',
    path: ['spec', 'template', 'spec'],
    claimTemplates: ['spec', 'volumeClaimTemplates'],
    shape: POD,
    source: `${K8S_API}stateful-set-v1/`,
  },
  { group: 'apps', kind: 'DaemonSet', path: ['spec', 'template', 'spec'], shape: POD, source: `${K8S_API}daemon-set-v1/` },
  { group: 'apps', kind: 'ReplicaSet', path: ['spec', 'template', 'spec'], shape: POD, source: `${K8S_API}replica-set-v1/` },
  { group: 'batch', kind: 'Job', path: ['spec', 'template', 'spec'], runsToCompletion: true, shape: POD, source: `${K8S_API}job-v1/` },
  {
    group: 'batch',
    kind: 'CronJob',
    path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    runsToCompletion: true,
    shape: POD,
    source: `${K8S_API}cron-job-v1/`,
  },
  {
    group: 'argoproj.io',
    kind: 'Rollout',
    path: ['spec', 'template', 'spec'],
    shape: POD,
    source: 'https://argo-rollouts.readthedocs.io/en/stable/features/specification/ (spec.template: a PodTemplateSpec)',
  },
  ...(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate'] as const).map((kind) => argoWorkflow(kind, ['spec'])),
  argoWorkflow('CronWorkflow', ['spec', 'workflowSpec']),
  {
    group: 'serving.knative.dev',
    kind: 'Service',
    path: ['spec', 'template', 'spec'],
    shape: POD,
    source: 'https://knative.dev/docs/serving/reference/serving-api/ (ServiceSpec.template: RevisionTemplateSpec, whose spec embeds a PodSpec)',
  },
  {
    group: 'serving.knative.dev',
    kind: 'Configuration',
    path: ['spec', 'template', 'spec'],
    shape: POD,
    source: 'https://knative.dev/docs/serving/reference/serving-api/ (ConfigurationSpec.template)',
  },
  {
    group: 'keda.sh',
    kind: 'ScaledJob',
    path: ['spec', 'jobTargetRef', 'template', 'spec'],
    runsToCompletion: true,
    shape: POD,
    source: 'https://keda.sh/docs/latest/reference/scaledjob-spec/ (jobTargetRef: a batch/v1 JobSpec)',
  },
];

/** The group of an apiVersion: `apps` of `apps/v1`, '' of `v1`. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

const BY_KIND = new Map(POD_LOCATIONS.map((location) => [`${location.group}/${location.kind}`, location]));

/**
 * Rows beyond POD_LOCATIONS, derived at run time: a CustomResourceDefinition of the user's files whose schema embeds
 * a pod spec (schema/crd-pods.ts says how that is recognised). The custom-kind chain answers them (schema/custom-kinds.ts).
 */
export interface DerivedPodLocations {
  podLocations?(apiVersion: string, kind: string): readonly PodLocation[];
}

/** Where a kind keeps its pods: the table's row, else the derived rows (a CRD cannot redefine a kind of the table). */
export function podLocations(apiVersion: string, kind: string, derived?: DerivedPodLocations): readonly PodLocation[] {
  const row = BY_KIND.get(`${apiGroup(apiVersion)}/${kind}`);
  return row ? [row] : (derived?.podLocations?.(apiVersion, kind) ?? []);
}

export function podLocation(apiVersion: string, kind: string): PodLocation | undefined {
  return BY_KIND.get(`${apiGroup(apiVersion)}/${kind}`);
}

/**
 * The row of one pod spec a CRD version's schema embeds (schema/crd-pods.ts): a Kubernetes pod spec, run to completion
 * by its restartPolicy, its metadata beside it when it is a pod template.
 */
export function derivedPodLocation(crd: { name: string; group: string; kind: string }, version: string, embedded: { path: readonly string[]; templateMetadata: boolean }): PodLocation {
  return {
    group: crd.group,
    kind: crd.kind,
    version,
    path: embedded.path,
    runsToCompletion: 'restartPolicy',
    podMetadata: embedded.templateMetadata ? 'beside' : 'none',
    shape: POD,
    source: `CustomResourceDefinition ${crd.name}, version ${version}: its openAPIV3Schema embeds a PodSpec at ${embedded.path.join('.')}`,
  };
}

/**
 * The pod-spec path of a built-in kind, by kind alone (kustomize's transformers know only the built-in kinds:
 * api/konfig/builtinpluginconsts).
 */
export function builtInPodSpecPath(kind: string): YamlPath | undefined {
  const location = POD_LOCATIONS.find((l) => l.kind === kind && (l.group === '' || l.group === 'apps' || l.group === 'batch'));
  return location ? [...location.path] : undefined;
}
