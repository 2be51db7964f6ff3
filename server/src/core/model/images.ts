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
 * The one image parser of the core: rules, sidecar classification and fixes all read images through it.
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

/**
 * "docker.io/fluent/fluent-bit:3.1@sha256:…" -> "fluent/fluent-bit"; lower case: the repository path without
 * registry host, tag, digest or Docker Hub's `library/`, for matching images against known ones.
 */
export function imageRepository(image: string): string {
  const segments = parseImageReference(image.trim().toLowerCase()).repository.split('/');
  // A first segment with a dot or a port, or "localhost", is a registry host, not part of the repository.
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0])) segments.shift();
  if (segments[0] === 'library' && segments.length > 1) segments.shift();
  return segments.join('/');
}
