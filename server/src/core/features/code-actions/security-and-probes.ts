import { asMap, asSeq, getMap, getPair, keySpan, nodeSpan, type MapNode } from '../../parse/nodes';
import type { PodSpecModel } from '../../model/pod';
import { firstPort } from './container-fixes';
import { proposal, type QuickFixProvider } from './types';

/** An in-memory emptyDir counts against the container's memory limit: a smaller default. */
const SIZE_LIMITS = { disk: '500Mi', memory: '64Mi' };

function volumeAt(pod: PodSpecModel | undefined, offset: number, index: number | undefined) {
  if (!pod) return undefined;
  return (
    pod.volumes.find((v) => {
      const span = nodeSpan(v.node);
      return span && offset >= span.start && offset <= span.end;
    }) ?? pod.volumes.find((v) => v.index === index)
  );
}

export const emptyDirSizeLimit: QuickFixProvider<'emptydir-size-limit'> = (context) => {
  const volume = volumeAt(context.pod, context.start, context.data.volumeIndex);
  const pair = volume ? getPair(volume.node, 'emptyDir') : undefined;
  if (!volume || !pair) return [];
  const emptyDir = asMap(pair.value);
  const limit = getPair(emptyDir, 'medium') && String(getPair(emptyDir, 'medium')?.value) === 'Memory' ? SIZE_LIMITS.memory : SIZE_LIMITS.disk;
  const change = emptyDir && emptyDir.items.length > 0 ? context.editor.insertIntoMap(emptyDir, [`sizeLimit: ${limit}`]) : context.editor.setBlockValue(pair, [`sizeLimit: ${limit}`]);
  return proposal(`Set sizeLimit: ${limit}`, [change], { isPreferred: true });
};

/** privileged / allowPrivilegeEscalation: true → false. Not preferred: only the owner knows whether it needs it. */
function setFalse(key: string): QuickFixProvider<'privileged-container' | 'privilege-escalation'> {
  return (context) => {
    const container = context.container;
    const securityContext = container ? getMap(container.node, 'securityContext') : undefined;
    const pair = getPair(securityContext, key);
    if (!pair) return [];
    return proposal(`Set ${key}: false`, [context.editor.replaceScalar(pair.value, 'false', true)]);
  };
}

export const privilegedContainer = setFalse('privileged');

export const privilegeEscalation: QuickFixProvider<'privilege-escalation'> = (context) => {
  const container = context.container;
  const securityContext = container ? getMap(container.node, 'securityContext') : undefined;
  const capabilities = getMap(securityContext, 'capabilities');
  const addPair = getPair(capabilities, 'add');
  const added = asSeq(addPair?.value);
  const index = added?.items.findIndex((item) => {
    const span = nodeSpan(item);
    return span && context.start >= span.start && context.start <= span.end;
  });
  if (added && addPair && index !== undefined && index >= 0) {
    const capability = String((added.items[index] as { value?: unknown }).value ?? '');
    return proposal(`Do not add ${capability}`, [context.editor.removeSeqItem(added, index, { map: capabilities as MapNode, pair: addPair })]);
  }
  return setFalse('allowPrivilegeEscalation')(context);
};

/** A startupProbe on the sidecar's first port: the next container then waits until the sidecar accepts connections. */
export const nativeSidecarStartupProbe: QuickFixProvider<'native-sidecar-startup-probe'> = (context) => {
  const container = context.container;
  if (!container || getPair(container.node, 'startupProbe')) return [];
  const port = firstPort(container);
  if (!port) return [];
  const probe = { startupProbe: { tcpSocket: { port: port.ref }, periodSeconds: 1, failureThreshold: 30 } };
  const anchor = getPair(container.node, 'restartPolicy');
  return proposal(`Add a startupProbe on port ${port.ref}`, [context.editor.insertIntoMap(container.node, context.editor.fragment(probe), anchor && keySpan(anchor) ? anchor : undefined)], {
    isPreferred: true,
  });
};
