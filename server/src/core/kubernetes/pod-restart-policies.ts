/**
 * Pod-level `restartPolicy` values each controller's pod template accepts, from the API server's validation:
 * apps and core controllers require Always (ValidatePodTemplateSpecForReplicaSet / ...ForRC:
 * `Unsupported value: "Never": supported values: "Always"`), Jobs refuse Always (batch validation:
 * `supported values: "OnFailure", "Never"`). A bare Pod takes all three.
 */
const BY_KIND: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['Always'],
  ReplicaSet: ['Always'],
  StatefulSet: ['Always'],
  DaemonSet: ['Always'],
  ReplicationController: ['Always'],
  Job: ['OnFailure', 'Never'],
  CronJob: ['OnFailure', 'Never'],
};

export function podRestartPolicies(kind: string | undefined): readonly string[] {
  return (kind && BY_KIND[kind]) || ['Always', 'OnFailure', 'Never'];
}
