import type { NameFormat } from './names';

/**
 * What the API server checks per built-in kind beyond the OpenAPI schema: the name format its ValidateObjectMeta
 * call uses, which pod `restartPolicy` its controller accepts, and whether its selector must match the template's
 * labels. One row per kind, keyed by API group and kind so that a custom resource with the same kind name (a
 * CRD's `Deployment`) is never read as the built-in one. Sources are the validation functions named per row in
 * kubernetes/kubernetes (1.34–1.36).
 */
export interface KindValidation {
  name: NameFormat;
  /** A stricter length than the format's, with the API's message. */
  maxNameLength?: { length: number; message: string };
  /** The restartPolicy values the controller accepts in its pod template, and how it reports others. */
  templateRestartPolicy?: RestartPolicyRule;
  /** Kinds whose `spec.selector` must be non-empty and select the template's labels. */
  selector?: { emptyMessage: string };
  source: string;
}

export interface RestartPolicyRule {
  allowed: readonly string[];
  /** Job: an absent policy defaults to Always (SetDefaults_PodSpec), which is rejected as a missing value. */
  absentIsRejected: boolean;
}

const ALWAYS_ONLY: RestartPolicyRule = { allowed: ['Always'], absentIsRejected: false };
const RUN_TO_COMPLETION: RestartPolicyRule = { allowed: ['OnFailure', 'Never'], absentIsRejected: true };

const KINDS: Record<string, KindValidation> = {
  'core/Pod': { name: 'dns1123-subdomain', source: 'pkg/apis/core/validation ValidatePod (ValidatePodName = NameIsDNSSubdomain)' },
  'core/PodTemplate': { name: 'dns1123-subdomain', source: 'pkg/apis/core/validation ValidatePodTemplate' },
  'core/ReplicationController': {
    name: 'dns1123-subdomain',
    templateRestartPolicy: ALWAYS_ONLY,
    source: 'pkg/apis/core/validation ValidateReplicationController, ValidatePodTemplateSpecForRC',
  },
  'core/Service': { name: 'dns1035-label', source: 'pkg/apis/core/validation ValidateService (ValidateServiceName = NameIsDNS1035Label)' },
  'core/Namespace': { name: 'dns1123-label', source: 'pkg/apis/core/validation ValidateNamespace (ValidateNamespaceName = NameIsDNSLabel)' },
  'core/ConfigMap': { name: 'dns1123-subdomain', source: 'pkg/apis/core/validation ValidateConfigMap (ValidateConfigMapName)' },
  'core/Secret': { name: 'dns1123-subdomain', source: 'pkg/apis/core/validation ValidateSecret (ValidateSecretName)' },
  'core/ServiceAccount': { name: 'dns1123-subdomain', source: 'pkg/apis/core/validation ValidateServiceAccount' },
  'core/PersistentVolumeClaim': { name: 'dns1123-subdomain', source: 'pkg/apis/core/validation ValidatePersistentVolumeClaim' },
  'apps/Deployment': {
    name: 'dns1123-subdomain',
    templateRestartPolicy: ALWAYS_ONLY,
    selector: { emptyMessage: 'empty selector is invalid for deployment' },
    source: 'pkg/apis/apps/validation ValidateDeployment, ValidateDeploymentSpec, ValidatePodTemplateSpecForReplicaSet',
  },
  'apps/ReplicaSet': {
    name: 'dns1123-subdomain',
    templateRestartPolicy: ALWAYS_ONLY,
    selector: { emptyMessage: 'empty selector is invalid for deployment' },
    source: 'pkg/apis/apps/validation ValidateReplicaSet, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet',
  },
  'apps/DaemonSet': {
    name: 'dns1123-subdomain',
    templateRestartPolicy: ALWAYS_ONLY,
    selector: { emptyMessage: 'empty selector is invalid for daemonset' },
    source: 'pkg/apis/apps/validation ValidateDaemonSet, ValidateDaemonSetSpec',
  },
  'apps/StatefulSet': {
    name: 'dns1123-subdomain',
    templateRestartPolicy: ALWAYS_ONLY,
    selector: { emptyMessage: 'empty selector is invalid for statefulset' },
    source: 'pkg/apis/apps/validation ValidateStatefulSet, ValidateStatefulSetSpec (ValidateStatefulSetName = NameIsDNSSubdomain)',
  },
  'batch/Job': {
    name: 'dns1123-subdomain',
    templateRestartPolicy: RUN_TO_COMPLETION,
    source: 'pkg/apis/batch/validation ValidateJob, validateJobSpec',
  },
  'batch/CronJob': {
    name: 'dns1123-subdomain',
    // The controller appends "-<11 digits>" to name its Jobs, which must stay a 63-character label value.
    maxNameLength: { length: 52, message: 'must be no more than 52 characters' },
    templateRestartPolicy: RUN_TO_COMPLETION,
    source: 'pkg/apis/batch/validation ValidateCronJobCreate, ValidateJobTemplateSpec',
  },
};

/** "apps/v1" -> "apps", "v1" -> "core". */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? 'core' : apiVersion.slice(0, slash);
}

/** The API server's extra checks for a built-in kind, or undefined (custom resources, kinds not listed). */
export function kindValidation(apiVersion: string | undefined, kind: string | undefined): KindValidation | undefined {
  if (!apiVersion || !kind) return undefined;
  return KINDS[`${apiGroup(apiVersion)}/${kind}`];
}
