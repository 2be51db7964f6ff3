/**
 * Keys people write in almost every object of a kind, ranked above the rest of its fields when they match the
 * same letters: "res" offers `resources` before `resizePolicy`, "vol" `volumeMounts` before `volumeDevices`.
 * By schema definition; a field's place in its list is its rank. Required fields still come first.
 */
const COMMON_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['core.v1.Container', ['name', 'image', 'ports', 'env', 'envFrom', 'resources', 'volumeMounts', 'command', 'args', 'readinessProbe', 'livenessProbe', 'startupProbe', 'securityContext', 'imagePullPolicy', 'restartPolicy']],
  ['core.v1.PodSpec', ['containers', 'initContainers', 'volumes', 'serviceAccountName', 'securityContext', 'restartPolicy', 'nodeSelector', 'tolerations', 'affinity', 'imagePullSecrets']],
  ['core.v1.VolumeMount', ['name', 'mountPath', 'readOnly', 'subPath']],
  ['core.v1.Volume', ['name', 'emptyDir', 'configMap', 'secret', 'persistentVolumeClaim', 'projected']],
  ['core.v1.ContainerPort', ['containerPort', 'name', 'protocol']],
  ['core.v1.ResourceRequirements', ['requests', 'limits']],
  ['meta.v1.ObjectMeta', ['name', 'namespace', 'labels', 'annotations']],
]);

/** The sort key of a field: 0 required, 1 common (in table order), 2 the rest; then the name. */
export function fieldSortText(definition: string | undefined, name: string, required: boolean): string {
  if (required) return `0${name}`;
  const rank = definition ? (COMMON_FIELDS.get(definition)?.indexOf(name) ?? -1) : -1;
  return rank >= 0 ? `1${String(rank).padStart(2, '0')}${name}` : `2${name}`;
}
