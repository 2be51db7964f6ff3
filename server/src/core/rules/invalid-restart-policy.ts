import { getMap, getPair, type YamlPath } from '../parse/nodes';
import { kindValidation } from '../kubernetes/object-validation';
import { apiFieldPath } from '../model/containers';
import { invalidValue, requiredValue, unsupportedValue } from '../kubernetes/api-errors';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'invalid-restart-policy',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: "A pod template restartPolicy its controller rejects: Deployments, StatefulSets, DaemonSets and ReplicaSets allow only Always; Jobs and CronJobs only OnFailure or Never (and no policy means Always).",
  data: { valuePath: 'path', replacement: 'string', specPath: 'path?', absent: 'boolean?', field: 'string?' },
  check(pod, context) {
    const rules = kindValidation(pod.workload.apiVersion, pod.workload.kind)?.templateRestartPolicy;
    if (!rules) return;
    const pair = getPair(pod.spec, 'restartPolicy');
    const value = pair ? String((pair.value as { value?: unknown } | null)?.value ?? '') : '';
    const path: YamlPath = [...pod.path, 'restartPolicy'];
    const owner = pod.workload.kind;
    if (rules.absentIsRejected && (value === '' || value === 'Always')) {
      // batch validateJobSpec: an absent policy is defaulted to Always (SetDefaults_PodSpec), so both read as missing.
      context.report({
        ...(pair ? { pair, target: 'value' as const } : { pair: pod.specPair }),
        message:
          `${requiredValue(path, 'valid values: "OnFailure", "Never"')}` +
          (pair ? `: a ${owner}'s pods must end, and restartPolicy Always would restart them forever.` : `: without restartPolicy the pod template defaults to Always, which a ${owner} rejects.`),
        data: { valuePath: path, replacement: 'Never', specPath: pod.path, absent: !pair },
      });
      return;
    }
    if (!pair || value === '' || rules.allowed.includes(value)) {
      // podFailurePolicy needs Never (validateJobSpec).
      if (rules.absentIsRejected && value === 'OnFailure' && pair && getMap(pathSpec(pod.workload.node, pod.path), 'podFailurePolicy')) {
        context.report({
          pair,
          target: 'value',
          message: invalidValue(path, value, 'only "Never" is supported when podFailurePolicy is specified'),
          data: { valuePath: path, replacement: 'Never' },
        });
      }
      return;
    }
    context.report({
      pair,
      target: 'value',
      message: `${unsupportedValue(path, value, rules.allowed)}: the ${owner} controller ${rules.allowed.length === 1 ? `runs its pods with ${rules.allowed[0]} only` : 'needs pods that end'}.`,
      data: { valuePath: path, replacement: rules.allowed[rules.allowed.length - 1], field: apiFieldPath(path) },
    });
  },
});

/** The Job spec that holds the pod template (`spec` of a Job, `spec.jobTemplate.spec` of a CronJob). */
function pathSpec(root: unknown, podPath: YamlPath) {
  let node = root as Parameters<typeof getMap>[0];
  for (const step of podPath.slice(0, -2)) node = getMap(node, step as string);
  return node;
}
