import docs from './generated/docs.json';
import type { YamlPath } from '../parse/nodes';

/** Where a path's text comes from: `services.<name>.<key>` reads the `service` section, and so on. */
const SECTION_OF_TOP: Readonly<Record<string, string>> = { services: 'service', networks: 'network', volumes: 'volume', configs: 'config', secrets: 'secret' };

export interface ComposeFieldDoc {
  /** The Compose Specification's own words (spec.md), markdown. */
  text: string;
  /** The key's section on docs.docker.com, which renders the same specification. */
  href: string;
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * The specification's text for the key at `path` of a Compose file: top-level keys (`services`, `volumes`, …) and
 * the keys of one service, network or volume. Deeper keys (healthcheck.test) have no section of their own.
 */
export function composeFieldDoc(path: YamlPath): ComposeFieldDoc | undefined {
  const top = path[0];
  if (typeof top !== 'string') return undefined;
  if (path.length === 1) {
    const text = own(docs.top, top);
    const section = top === 'version' ? 'version' : own(SECTION_OF_TOP, top);
    const page = section ? own(docs.pages, section) : undefined;
    return text && page ? { text, href: page } : undefined;
  }
  const key = path[2];
  if (path.length !== 3 || typeof key !== 'string') return undefined;
  const section = own(SECTION_OF_TOP, top);
  if (!section) return undefined;
  const texts: Readonly<Record<string, string>> | undefined = own(docs.sections, section);
  const text = texts ? own(texts, key) : undefined;
  const page = own(docs.pages, section);
  return text && page ? { text, href: `${page}#${key}` } : undefined;
}

/** `restart:` values the specification lists (spec.md, "restart"); the schema types it as a plain string. */
export const RESTART_POLICIES: readonly { value: string; text: string }[] = [
  { value: 'no', text: 'The default restart policy. Does not restart a container under any circumstances.' },
  { value: 'always', text: 'The policy always restarts the container until its removal.' },
  { value: 'on-failure', text: 'The policy restarts a container if the exit code indicates an error.' },
  { value: 'unless-stopped', text: 'The policy restarts a container irrespective of the exit code but will stop restarting when the service is stopped or removed.' },
];

/** `network_mode:` values besides `service:<name>` (spec.md, "network_mode"; `bridge`: docs.docker.com/engine/network/drivers/bridge, Docker's default network). */
export const NETWORK_MODES: readonly { value: string; text: string }[] = [
  { value: 'none', text: 'Disables all container networking.' },
  { value: 'host', text: "Gives the container raw access to the host's network interface." },
  { value: 'bridge', text: "Docker's default network driver." },
];
