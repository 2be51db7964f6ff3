import { holdApplicationSetting, injectionsOf, podMetadata, podMetadataPath, type Injection } from '../model/injection';
import { ISTIO_PROXY_CONFIG, LINKERD_PROXY_AWAIT, type MeshId } from '../model/injectors';
import { networkUse } from '../model/network-use';
import { describeContainer } from '../model/containers';
import { getMap, getPair } from '../parse/nodes';
import { defineRule } from './types';

/**
 * Per proxy mesh: the pod annotation that turns off holding the app containers until the classic proxy is ready, how
 * to read "off" in its value, and the value that turns it back on. Istio's ProxyConfig: holdApplicationUntilProxyStarts
 * "adds hooks to delay application startup until the pod proxy is ready to accept traffic", default false (istio/api
 * mesh/v1alpha1/proxy.proto); Linkerd's `config.linkerd.io/proxy-await`: "The application container will not start
 * until the proxy is ready; accepted values are `enabled` and `disabled`" (proxy-configuration reference).
 */
const AWAIT_SWITCHES: Partial<Record<MeshId, { annotation: string; off(value: Record<string, string>): boolean; on(value: string): string; words: string }>> = {
  istio: {
    annotation: ISTIO_PROXY_CONFIG,
    off: (annotations) => holdApplicationSetting(annotations) === false,
    on: (value) => value.replace(/(holdApplicationUntilProxyStarts["']?\s*:\s*["']?)false/, '$1true'),
    words: '`holdApplicationUntilProxyStarts: false`',
  },
  linkerd: {
    annotation: LINKERD_PROXY_AWAIT,
    off: (annotations) => annotations[LINKERD_PROXY_AWAIT] === 'disabled',
    on: () => 'enabled',
    words: '`disabled`',
  },
};

function proxyName(injection: Injection): string {
  return injection.containers.find((c) => c.longRunning)?.name ?? 'the proxy';
}

export const rule = defineRule({
  id: 'proxy-await-disabled',
  group: 'native-sidecars',
  defaultSeverity: 'info',
  summary: 'The pod turns off waiting for the injected classic proxy (holdApplicationUntilProxyStarts: false, proxy-await: disabled) while an app container uses the network.',
  data: { mesh: 'string', valuePath: 'path', replacement: 'string?' },
  check(pod, context) {
    const { annotations } = podMetadata(pod);
    for (const injection of injectionsOf(pod, context.settings.meshes, context.namespaces, context.settings.kubernetesVersion)) {
      const sw = AWAIT_SWITCHES[injection.mesh];
      if (!sw || injection.mode !== 'classic' || !sw.off(annotations)) continue;
      const app = pod.containers.map((c) => ({ c, why: networkUse(c) })).find((a) => a.c.role === 'app' && a.why);
      const pair = getPair(getMap(pod.metadata, 'annotations'), sw.annotation);
      if (!app || !pair) continue;
      const value = annotations[sw.annotation];
      const replacement = /[\r\n]/.test(value) ? undefined : sw.on(value);
      context.report({
        pair,
        target: 'value',
        message:
          `\`${sw.annotation}\` is ${sw.words}: the app containers may start before \`${proxyName(injection)}\` is ready, and ${describeContainer(app.c)} uses the network (it ${app.why}); ` +
          `its first connections can fail until ${injection.title}'s proxy is up. Let the injector hold the app containers until the proxy is ready, or inject the proxy as a native sidecar.`,
        data: { mesh: injection.mesh, valuePath: [...podMetadataPath(pod), 'annotations', sw.annotation], ...(replacement && replacement !== value ? { replacement } : {}) },
      });
    }
  },
});
