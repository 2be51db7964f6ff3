import { capturesTraffic, injectionsOf, annotationFixWords, runToCompletionFix } from '../model/injection';
import { networkUse } from '../model/network-use';
import { describeContainer } from '../model/containers';
import { defineRule } from './types';

/**
 * An app init container that talks to the network, in a pod whose mesh proxy is injected as a classic sidecar: the
 * proxy starts only after every init container, so the init container's connections either bypass the mesh (Istio
 * and Linkerd put their iptables init container after the pod's own, istio/istio inject.go reorderPod,
 * linkerd/linkerd2#1763) or, with the mesh's CNI plugin, go to a proxy that is not running and fail (istio.io
 * "Compatibility with application init containers", linkerd.io "Allowing initContainer networking"). Which of the two
 * the cluster does is not in the file, so this is information, not a warning.
 */
export const rule = defineRule({
  id: 'init-container-network-before-proxy',
  group: 'native-sidecars',
  defaultSeverity: 'info',
  summary: 'An init container that uses the network runs before the injected classic mesh proxy starts: its traffic bypasses the mesh, or fails with the mesh’s CNI plugin.',
  data: { mesh: 'string', container: 'string', annotation: 'string?', value: 'string?', metadataPath: 'path' },
  check(pod, context) {
    const injections = injectionsOf(pod, context.settings.meshes, context.namespaces, context.settings.kubernetesVersion);
    for (const injection of injections) {
      const capture = capturesTraffic(pod, injection);
      if (!capture) continue;
      const fix = runToCompletionFix(pod, injection);
      const canFix = fix.minMinor === undefined || context.minor >= fix.minMinor;
      for (const container of pod.initContainers) {
        if (container.role !== 'init' || capture.bypassedBy(container)) continue;
        const why = networkUse(container);
        if (!why) continue;
        context.report({
          ...(container.nameNode ? { node: container.nameNode } : { node: container.node }),
          message:
            `${describeContainer(container)} uses the network (it ${why}) but runs before \`${capture.proxyName}\` starts: ${injection.title} injects the proxy as a classic sidecar (${injection.reason}), after the init containers. ` +
            `Its connections bypass the mesh (\`${capture.initName}\` sets up the redirection after it), and with ${injection.title}'s CNI plugin they go to a proxy that is not running yet and fail. ` +
            (canFix
              ? `${annotationFixWords(fix)} to start the proxy first, or run the container as the proxy's user (\`runAsUser: ${capture.proxyUid}\`).`
              : `Run it as the proxy's user (\`runAsUser: ${capture.proxyUid}\`) or exclude its destination (${capture.bypassAnnotations.map((a) => `\`${a}\``).join(', ')}); native sidecars need Kubernetes 1.29.`),
          data: { mesh: injection.mesh, container: container.name ?? '', ...(canFix ? { annotation: fix.annotation, value: fix.value } : {}), metadataPath: [...pod.path.slice(0, -1), 'metadata'] },
        });
      }
    }
  },
});
