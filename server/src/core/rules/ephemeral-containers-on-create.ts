import { getPair } from '../parse/nodes';
import { forbidden } from '../kubernetes/api-errors';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'ephemeral-containers-on-create',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: '`ephemeralContainers` in a manifest: the API server forbids them when a pod is created, and in pod templates; they are added to a running pod with `kubectl debug`.',
  data: { specPath: 'path' },
  check(pod, context) {
    const pair = getPair(pod.spec, 'ephemeralContainers');
    if (!pair || pod.ephemeralContainers.length === 0) return;
    const isPod = pod.workload.kind === 'Pod';
    // ValidatePodCreate: "cannot be set on create"; ValidatePodTemplateSpec: "ephemeral containers not allowed in pod template".
    const message = isPod
      ? `${forbidden([...pod.path, 'ephemeralContainers'], 'cannot be set on create')}: add them to the running pod with \`kubectl debug\` (the ephemeralcontainers subresource).`
      : `${forbidden([...pod.path, 'ephemeralContainers'], 'ephemeral containers not allowed in pod template')}: add them to a running pod with \`kubectl debug\`.`;
    context.report({ pair, message, data: { specPath: pod.path } });
  },
});
