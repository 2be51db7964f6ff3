import { asMap, asScalar, getPair, getSeq, getString } from '../parse/nodes';
import { invalidValue } from '../kubernetes/api-errors';
import { containersOf } from '../model/pod';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'host-network-port',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'With `hostNetwork: true` a hostPort other than its containerPort: the API server rejects the pod (validateHostNetwork).',
  data: { valuePath: 'path', replacement: 'string', raw: 'boolean' },
  check(pod, context) {
    if (getString(pod.spec, 'hostNetwork') !== 'true') return;
    for (const container of containersOf(pod, { ephemeral: true })) {
      getSeq(container.node, 'ports')?.items.forEach((item, index) => {
        const port = asMap(item);
        const hostPair = getPair(port, 'hostPort');
        const hostPort = asScalar(hostPair?.value)?.value;
        const containerPort = asScalar(getPair(port, 'containerPort')?.value)?.value;
        // An absent (0) hostPort is defaulted to the containerPort under hostNetwork.
        if (!hostPair || typeof hostPort !== 'number' || hostPort === 0 || typeof containerPort !== 'number' || hostPort === containerPort) return;
        const path = [...container.path, 'ports', index, 'hostPort'];
        context.report({
          pair: hostPair,
          target: 'value',
          message:
            `${invalidValue(path, hostPort, 'must match `containerPort` when `hostNetwork` is true')}: ` +
            `the container listens on the node's port ${containerPort} itself; there is no port mapping on the host network.`,
          data: { valuePath: path, replacement: String(containerPort), raw: true },
        });
      });
    }
  },
});
