import { injectionsOf, annotationFixWords, runToCompletionFix, switchPair } from '../model/injection';
import { defineRule } from './types';

/**
 * A mesh proxy or agent that a webhook adds as a classic container never exits, so a Job's pod never completes
 * (istio/istio#11045, linkerd/linkerd2#1869; HashiCorp: use agent-pre-populate-only for Jobs).
 */
export const rule = defineRule({
  id: 'injected-sidecar-blocks-job',
  group: 'native-sidecars',
  defaultSeverity: 'warning',
  summary: 'An injected classic sidecar (Istio or Linkerd proxy, Vault agent) keeps a Job’s pod running after the work is done.',
  data: { mesh: 'string', container: 'string', annotation: 'string?', value: 'string?', metadataPath: 'path' },
  check(pod, context) {
    if (!pod.runsToCompletion || pod.sidecarsStoppedByController) return;
    for (const injection of injectionsOf(pod, context.settings.meshes, context.namespaces, context.settings.kubernetesVersion)) {
      const blocking = injection.containers.find((c) => c.longRunning && c.role === 'app');
      if (!blocking) continue;
      const fix = runToCompletionFix(pod, injection);
      const canFix = fix.minMinor === undefined || context.minor >= fix.minMinor;
      const owner = pod.workload.kind === 'Pod' ? 'this Pod' : `this ${pod.workload.kind}`;
      const pair = switchPair(pod, injection.mesh);
      context.report({
        ...(pair ? { pair } : {}),
        message:
          `${injection.title} injects \`${blocking.name}\` as a regular container (${injection.reason}); it runs until it is killed, so ${owner} never completes.` +
          (canFix
            ? ` ${annotationFixWords(fix)} to ${fix.words}.`
            : ` Native sidecars need Kubernetes 1.29; on ${context.kubernetesVersion} the job must stop the proxy itself (Istio: \`curl -X POST localhost:15020/quitquitquit\`, Linkerd: \`linkerd-await --shutdown\`).`),
        data: { mesh: injection.mesh, container: blocking.name, ...(canFix ? { annotation: fix.annotation, value: fix.value } : {}), metadataPath: [...pod.path.slice(0, -1), 'metadata'] },
      });
    }
  },
});
