import type { PublishedPort } from './ports';

/**
 * What the Compose rules know of a service when they judge another one: plain data, no nodes. A rule's findings
 * about a service come from that service's own nodes and these facts of the others (compose/check.ts), so after
 * an edit of one service the findings of every other service are kept as long as the facts read the same.
 */
export interface ServiceFacts {
  name: string;
  /** A recognised helper (log shipper, proxy, exporter…). */
  sidecar: boolean;
  /** `network_mode: service:<x>` or `container:<x>`. */
  joinsContainer: boolean;
  /** Its `volumes:` entries: the kind of mount (compose/model.ts ServiceMount) and the named volume or host path. */
  mounts: readonly { type: 'volume' | 'bind' | 'tmpfs' | 'other'; source?: string }[];
  profiles: readonly string[];
  ports: readonly Omit<PublishedPort, 'node'>[];
  /** No `healthcheck:` at all, one that is disabled (`disable: true`, `test: ["NONE"]`, not a map), or one that runs. */
  healthcheck: 'none' | 'off' | 'on';
  /** `restart:` as written: undefined without the key, null when its value is not a scalar. */
  restart: string | null | undefined;
  /** The facts as one string, to tell whether an edit changed them. */
  key: string;
}

/** The facts of every service of a file, in the file's order, and of its top level. */
export interface ComposeFacts {
  services: readonly ServiceFacts[];
  /** By name; with a name given twice (a duplicate key), the later service. */
  byName: ReadonlyMap<string, ServiceFacts>;
  names: readonly string[];
  /** Names under the top-level `volumes:`, in the file's order. */
  declaredVolumes: ReadonlySet<string>;
  /** Services or volumes may come from other files (an override file, `include:`): references are not checked. */
  partial: boolean;
}

export function serviceFacts(facts: Omit<ServiceFacts, 'key'>): ServiceFacts {
  return { ...facts, key: JSON.stringify(facts) };
}

/**
 * The facts of a file: `previous` itself when nothing in them changed (the services at the same places with facts
 * that read the same, the same declared volumes, the same partial-ness), so that findings kept for `previous`
 * hold (compose/check.ts compares facts by identity).
 */
export function composeFacts(services: readonly ServiceFacts[], declaredVolumes: ReadonlySet<string>, partial: boolean, previous: ComposeFacts | undefined): ComposeFacts {
  if (previous && previous.partial === partial && previous.declaredVolumes === declaredVolumes && previous.services.length === services.length) {
    let same = true;
    for (let i = 0; i < services.length && same; i++) same = services[i] === previous.services[i] || services[i].key === previous.services[i].key;
    if (same) return previous;
  }
  return { services, byName: new Map(services.map((s) => [s.name, s])), names: services.map((s) => s.name), declaredVolumes, partial };
}
