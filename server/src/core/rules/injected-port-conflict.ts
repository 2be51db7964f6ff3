import { injectionsOf } from '../model/injection';
import { defineRule } from './types';
import { getPair, getSeq, asMap, scalarText } from '../parse/nodes';
import { containersOf } from '../model/pod';
import { describeContainer } from '../model/containers';

/** A declared port that the injected proxy listens on: both share the pod's network, so one of them cannot bind. */
export const rule = defineRule({
  id: 'injected-port-conflict',
  group: 'native-sidecars',
  defaultSeverity: 'warning',
  summary: 'A container declares a port that an injected mesh proxy listens on in the same pod network.',
  data: { port: 'number', injected: 'string' },
  check(pod, context) {
    const injected = injectionsOf(pod, context.settings.meshes, context.namespaces, context.settings.kubernetesVersion).flatMap((i) => i.containers.map((c) => ({ ...c, title: i.title })));
    const taken = new Map<number, { name: string; title: string }>();
    for (const c of injected) for (const port of c.ports) taken.set(port, { name: c.name, title: c.title });
    if (taken.size === 0) return;
    for (const container of containersOf(pod, { ephemeral: false })) {
      for (const item of getSeq(container.node, 'ports')?.items ?? []) {
        const pair = getPair(asMap(item), 'containerPort');
        const port = Number(scalarText(pair?.value));
        const owner = taken.get(port);
        if (!pair || !owner) continue;
        context.report({
          pair,
          target: 'value',
          message: `Port ${port} of ${describeContainer(container)} is also a port of \`${owner.name}\`, which ${owner.title} injects into this pod; containers of a pod share one network, so one of them fails to bind it.`,
          data: { port, injected: owner.name },
        });
      }
    }
  },
});
