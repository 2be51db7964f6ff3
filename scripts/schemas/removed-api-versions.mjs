// Removed (no longer served) apiVersion/kind pairs, from the Kubernetes deprecated API migration guide.
// Kept by hand because neither source package says when an API version stopped being served.
// `replacement` is null when the kind itself is gone (PodSecurityPolicy).

const entries = [];

function add(removedIn, apiVersion, kinds, replacement, note) {
  for (const kind of kinds) {
    entries.push({ apiVersion, kind, removedIn, replacement, ...(note ? { note } : {}) });
  }
}

const PSP_NOTE = 'PodSecurityPolicy was removed in Kubernetes 1.25; use Pod Security Admission (pod-security.kubernetes.io namespace labels) instead';

// 1.16
add('1.16', 'extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], 'apps/v1');
add('1.16', 'apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], 'apps/v1');
add('1.16', 'apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], 'apps/v1');
add('1.16', 'extensions/v1beta1', ['NetworkPolicy'], 'networking.k8s.io/v1');
add('1.16', 'extensions/v1beta1', ['PodSecurityPolicy'], null, PSP_NOTE);
// 1.22
add('1.22', 'extensions/v1beta1', ['Ingress'], 'networking.k8s.io/v1');
add('1.22', 'networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], 'networking.k8s.io/v1');
add('1.22', 'admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], 'admissionregistration.k8s.io/v1');
add('1.22', 'apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], 'apiextensions.k8s.io/v1');
add('1.22', 'apiregistration.k8s.io/v1beta1', ['APIService'], 'apiregistration.k8s.io/v1');
add('1.22', 'authentication.k8s.io/v1beta1', ['TokenReview'], 'authentication.k8s.io/v1');
add('1.22', 'authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], 'authorization.k8s.io/v1');
add('1.22', 'certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], 'certificates.k8s.io/v1');
add('1.22', 'coordination.k8s.io/v1beta1', ['Lease'], 'coordination.k8s.io/v1');
add('1.22', 'rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 'rbac.authorization.k8s.io/v1');
add('1.22', 'rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 'rbac.authorization.k8s.io/v1');
add('1.22', 'scheduling.k8s.io/v1beta1', ['PriorityClass'], 'scheduling.k8s.io/v1');
add('1.22', 'storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], 'storage.k8s.io/v1');
add('1.22', 'policy/v1beta1', ['Eviction'], 'policy/v1');
// 1.25
add('1.25', 'batch/v1beta1', ['CronJob'], 'batch/v1');
add('1.25', 'batch/v2alpha1', ['CronJob'], 'batch/v1');
add('1.25', 'discovery.k8s.io/v1beta1', ['EndpointSlice'], 'discovery.k8s.io/v1');
add('1.25', 'events.k8s.io/v1beta1', ['Event'], 'events.k8s.io/v1');
add('1.25', 'autoscaling/v2beta1', ['HorizontalPodAutoscaler'], 'autoscaling/v2');
add('1.25', 'policy/v1beta1', ['PodDisruptionBudget'], 'policy/v1');
add('1.25', 'policy/v1beta1', ['PodSecurityPolicy'], null, PSP_NOTE);
add('1.25', 'node.k8s.io/v1beta1', ['RuntimeClass'], 'node.k8s.io/v1');
// 1.26
add('1.26', 'flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], 'flowcontrol.apiserver.k8s.io/v1');
add('1.26', 'autoscaling/v2beta2', ['HorizontalPodAutoscaler'], 'autoscaling/v2');
// 1.27
add('1.27', 'storage.k8s.io/v1beta1', ['CSIStorageCapacity'], 'storage.k8s.io/v1');
// 1.29
add('1.29', 'flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], 'flowcontrol.apiserver.k8s.io/v1');
// 1.32
add('1.32', 'flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], 'flowcontrol.apiserver.k8s.io/v1');

export const removedApiVersions = entries.sort((a, b) =>
  a.apiVersion === b.apiVersion ? a.kind.localeCompare(b.kind) : a.apiVersion.localeCompare(b.apiVersion),
);
