import { asMap, getMap, getPair, keyText, type MapNode } from '../parse/nodes';

/** compose.yaml, compose.yml, docker-compose.yaml, docker-compose.override.yml, compose.prod.yaml… */
const COMPOSE_FILE_NAME = /(^|[/\\])(docker-)?compose([.-][\w.-]*)?\.ya?ml$/i;

/** The top-level keys of the Compose Specification; `x-…` extensions are allowed beside them. */
export const COMPOSE_TOP_LEVEL_KEYS: readonly string[] = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

/** Whether a URI or path names a Compose file (`compose.yaml`, `docker-compose.*.yml`…). */
export function isComposeFileName(fileName: string | undefined): boolean {
  if (!fileName) return false;
  return COMPOSE_FILE_NAME.test(fileName.replace(/[?#].*$/, ''));
}

/**
 * A Compose document: a map with no Kubernetes `apiVersion`/`kind`. A Compose file name settles it (so a
 * misspelt `servics:` there is reported, not ignored). Without one, the content must say so on its own: a
 * top-level `services:` map with at least one service that has an `image` or a `build`, and nothing at the
 * top level that Compose does not know. That keeps CI files out: GitLab's `services:` is a list, Woodpecker's
 * sits beside `steps:`, GitHub's `services:` lives under a job.
 */
export function isComposeDocument(root: MapNode | undefined, fileName: string | undefined): boolean {
  if (!root || getPair(root, 'apiVersion') || getPair(root, 'kind')) return false;
  if (isComposeFileName(fileName)) return true;
  const services = getMap(root, 'services');
  if (!services) return false;
  const onlyComposeKeys = root.items.every((pair) => {
    const key = keyText(pair);
    return key !== undefined && (COMPOSE_TOP_LEVEL_KEYS.includes(key) || key.startsWith('x-'));
  });
  if (!onlyComposeKeys) return false;
  return services.items.some((pair) => {
    const service = asMap(pair.value);
    return !!getPair(service, 'image') || !!getPair(service, 'build');
  });
}

/**
 * Whether a parsed document is checked as Compose: by content and name as above, or, while it does not parse,
 * by a Compose file name alone when nothing in it looks like Kubernetes.
 */
export function isCompose(document: { root: MapNode | undefined; hasSyntaxErrors: boolean; looksLikeKubernetes: boolean }, fileName: string | undefined): boolean {
  if (isComposeDocument(document.root, fileName)) return true;
  return document.hasSyntaxErrors && isComposeFileName(fileName) && !document.looksLikeKubernetes;
}

/** Names declared under a top-level map of a Compose file (`services:`, `volumes:`, `networks:` …), in order. */
export function topLevelNames(root: MapNode | undefined, top: string): string[] {
  const map = getMap(root, top);
  return map ? map.items.map(keyText).filter((name): name is string => !!name) : [];
}
