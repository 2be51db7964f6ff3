import { getPair } from '../parse/nodes';
import { parseImageReference } from '../model/images';
import { invalidValue } from '../kubernetes/api-errors';
import { containersOf } from '../model/pod';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'invalid-image-name',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'An image the API server rejects (leading or trailing whitespace) or the kubelet cannot pull (an upper-case repository: InvalidImageName).',
  data: { valuePath: 'path', replacement: 'string?' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const image = container.image;
      const pair = getPair(container.node, 'image');
      if (!image || !pair || /\{\{|\$\{/.test(image)) continue;
      const path = [...container.path, 'image'];
      const trimmed = image.trim();
      if (trimmed !== image) {
        // validateContainersOnlyForPod: rejected on a Pod; in a template, on every pod the controller creates.
        const where = pod.workload.kind === 'Pod' ? '' : ` The ${pod.workload.kind} is accepted, but every pod its controller creates from this template is rejected.`;
        context.report({
          pair,
          target: 'value',
          message: `${invalidValue(path, image, 'must not have leading or trailing whitespace')}.${where}`,
          data: { valuePath: path, replacement: trimmed },
        });
        continue;
      }
      const { repository } = parseImageReference(image);
      // A registry host may have upper case (DNS is case-insensitive); the repository path may not.
      const slash = repository.indexOf('/');
      const host = slash > 0 && /[.:]|^localhost$/.test(repository.slice(0, slash)) ? repository.slice(0, slash) : '';
      const path_ = host ? repository.slice(slash + 1) : repository;
      if (path_ === path_.toLowerCase() && !/\s/.test(image)) continue;
      const fixed = `${host ? `${host}/` : ''}${path_.toLowerCase()}${image.slice(repository.length)}`;
      context.report({
        pair,
        target: 'value',
        severity: 'warning',
        message:
          `Image "${image}" is not a valid reference: a repository name must be lower case (and hold no spaces). ` +
          'The API server accepts it, but the kubelet cannot pull it: the container stays in InvalidImageName.',
        data: { valuePath: path, ...(/\s/.test(image) ? {} : { replacement: fixed }) },
      });
    }
  },
});
