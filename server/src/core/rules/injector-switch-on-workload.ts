import { misplacedSwitches } from '../model/injection';
import { defineRule } from './types';

/**
 * The injectors look at the pod the controller creates, never at the Deployment: a switch in the workload's own
 * metadata does nothing (HashiCorp's Vault injector docs call it a common mistake; Istio's object selector matches
 * pod labels).
 */
export const rule = defineRule({
  id: 'injector-switch-on-workload',
  group: 'native-sidecars',
  defaultSeverity: 'warning',
  summary: 'A mesh injection label or annotation sits on the workload’s own metadata, where the injector never sees it.',
  data: { key: 'string', where: 'string' },
  check(pod, context) {
    // A Pod's metadata is its pod's; a bare PodSpec in a custom resource has no pod metadata to move the switch to.
    if (pod.workload.kind === 'Pod' || pod.noPodMetadata) return;
    for (const { pair, key, where } of misplacedSwitches(pod)) {
      context.report({
        pair,
        message: `\`${key}\` is in the ${pod.workload.kind}'s own metadata.${where}, but the injector reads the pods it admits: move it to the pod template (\`${[...pod.path.slice(0, -1), 'metadata', where].join('.')}\`).`,
        data: { key, where },
      });
    }
  },
});
