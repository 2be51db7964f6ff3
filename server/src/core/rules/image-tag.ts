import type { Rule } from './types';
import { describeContainer, everyContainer } from './support/containers';

/** Where an image reference pins (or does not pin) its version. */
export interface ImageReference {
  /** Everything before the tag and digest: `localhost:5000/team/app`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits an image reference the way container runtimes do: a digest follows `@`; a tag is the part after the
 * last `:` of the last path component only, so the `:5000` of `localhost:5000/app` is a registry port, not a tag.
 */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon < 0) return { repository: name, digest };
  return { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
}

/** `${IMAGE}`, `$(TAG)`, `{{ .Values.image }}`: filled in later by a tool, nothing to judge yet. */
const PLACEHOLDER = /\$\{|\$\(|\{\{|<[^>]*>/;

export const rule: Rule = {
  id: 'image-tag',
  defaultSeverity: 'warning',
  summary: 'An image with no tag or the `latest` tag: every pull may bring a different version; pin a version tag or a digest.',
  check(pod, context) {
    for (const container of everyContainer(pod)) {
      const image = container.image?.trim();
      if (!image || !container.imageNode || PLACEHOLDER.test(image)) continue;
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
};
