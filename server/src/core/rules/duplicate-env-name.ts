import { asMap, getPair, getSeq, nodeSpan, scalarText } from '../parse/nodes';
import { apiFieldPath } from '../model/containers';
import { containersOf } from '../model/pod';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'duplicate-env-name',
  group: 'api-server',
  defaultSeverity: 'warning',
  summary: 'An env variable defined twice in one container: the last one wins, and `kubectl apply` may drop one (the API server warns).',
  data: { containerPath: 'path', envIndex: 'number', otherEnvIndex: 'number', envName: 'string' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const seen = new Map<string, number>();
      getSeq(container.node, 'env')?.items.forEach((item, index) => {
        const pair = getPair(asMap(item), 'name');
        const name = scalarText(pair?.value);
        if (!pair || !name || !nodeSpan(pair.value)) return;
        const first = seen.get(name);
        seen.set(name, index);
        if (first === undefined) return;
        // The API server's warning (pkg/api/pod/warnings.go), then what it means for the container.
        context.report({
          pair,
          target: 'value',
          message:
            `${apiFieldPath([...container.path, 'env', index])}: hides previous definition of "${name}", which may be dropped when using apply. ` +
            `The container sees only this value; the one at env[${first}] is dead.`,
          data: { containerPath: container.path, envIndex: index, otherEnvIndex: first, envName: name },
        });
      });
    }
  },
});
