import { describeContainer } from '../model/containers';
import { parseImageReference } from '../model/images';
import { containersOf } from '../model/pod';
import { defineRule } from './types';

/**
 * `${IMAGE}`, `$(TAG)`, `{{ .Values.image }}`, `<registry>/app`: filled in later by a tool, nothing to judge yet.
 * `<…>` is two index searches: the regex `<[^>]*>` rescans the rest of the string from every `<` (quadratic).
 */
function isPlaceholder(image: string): boolean {
  if (/\$\{|\$\(|\{\{/.test(image)) return true;
  const open = image.indexOf('<');
  return open >= 0 && image.indexOf('>', open + 1) > open;
}

export const rule = defineRule({
  id: 'image-tag',
  group: 'hygiene',
  defaultSeverity: 'warning',
  summary: 'An image with no tag or the `latest` tag: every pull may bring a different version; pin a version tag or a digest.',
  data: { container: 'string?', containerPath: 'path', imagePath: 'path', image: 'string', repository: 'string', tag: 'string?' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const image = container.image?.trim();
      if (!image || !container.imageNode || isPlaceholder(image)) continue;
      const reference = parseImageReference(image);
      if (reference.digest) continue;
      if (reference.tag !== undefined && reference.tag !== '' && reference.tag !== 'latest') continue;
      const problem = reference.tag === 'latest' ? 'uses the "latest" tag' : 'has no tag, so it means "latest"';
      context.report({
        node: container.imageNode,
        message:
          `Image "${image}" of ${describeContainer(container)} ${problem}: each node may pull a different version, and a rollback cannot go back to the old one. ` +
          'Pin a version tag (e.g. :1.27.3) or a digest (@sha256:…).',
        data: {
          container: container.name,
          containerPath: container.path,
          imagePath: [...container.path, 'image'],
          image,
          repository: reference.repository,
          tag: reference.tag,
        },
      });
    }
  },
});
