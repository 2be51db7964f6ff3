import { admittedPod, capturesTraffic, injectionsOf, podMetadata, switchPair } from '../model/injection';
import { VAULT_INIT_FIRST, VAULT_RUN_AS_USER } from '../model/injectors';
import { defineRule } from './types';

/**
 * The Vault injector appends `vault-agent-init` after the init containers already there, so after the `istio-init` or
 * `linkerd-init` a mesh's webhook added: by then the pod's outbound traffic goes to a proxy that, in classic mode,
 * starts only after every init container, and the agent cannot reach Vault (hashicorp/vault-helm#160,
 * hashicorp/vault-k8s#41, linkerd/linkerd2#11124). `vault.hashicorp.com/agent-init-first: "true"` runs it first.
 */
export const rule = defineRule({
  id: 'vault-init-after-proxy-init',
  group: 'native-sidecars',
  defaultSeverity: 'warning',
  summary: 'The injected vault-agent-init runs after istio-init or linkerd-init has sent the pod’s traffic to a proxy that is not running yet: it cannot reach Vault.',
  data: { mesh: 'string', annotation: 'string', value: 'string', metadataPath: 'path' },
  check(pod, context) {
    const injections = injectionsOf(pod, context.settings.meshes, context.namespaces, context.settings.kubernetesVersion);
    if (!injections.some((i) => i.mesh === 'vault' && i.containers.some((c) => c.list === 'initContainers'))) return;
    const { annotations } = podMetadata(pod);
    if (annotations[VAULT_INIT_FIRST] === 'true') return;
    const order = admittedPod(pod, injections).initContainers;
    const vaultAt = order.findIndex((e) => e.injected?.mesh === 'vault');
    for (const mesh of injections) {
      const capture = capturesTraffic(pod, mesh);
      if (!capture || Number(annotations[VAULT_RUN_AS_USER]) === capture.proxyUid) continue;
      const initAt = order.findIndex((e) => e.injected?.name === capture.initName);
      if (initAt < 0 || initAt > vaultAt) continue;
      const pair = switchPair(pod, 'vault');
      context.report({
        ...(pair ? { pair } : {}),
        message:
          `Vault Agent Injector appends \`vault-agent-init\` after \`${capture.initName}\`, which sends the pod's outbound traffic to \`${capture.proxyName}\`; ` +
          `${mesh.title} injects that proxy as a classic sidecar, which starts only after every init container, so \`vault-agent-init\` cannot reach Vault and the pod stays in Init. ` +
          `Annotate the pod template with \`${VAULT_INIT_FIRST}: "true"\` to run it before \`${capture.initName}\`.`,
        data: { mesh: mesh.mesh, annotation: VAULT_INIT_FIRST, value: 'true', metadataPath: [...pod.path.slice(0, -1), 'metadata'] },
      });
      return;
    }
  },
});
