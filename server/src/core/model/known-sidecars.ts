import { asMap, asSeq, getPair, getString, scalarText } from '../parse/nodes';
import { imageRepository } from './images';
import type { ContainerModel } from './pod';

/** What a helper container does for the pod; rules and completion pick their advice by it. */
export type SidecarKind =
  | 'log-shipper'
  | 'proxy'
  | 'auth-proxy'
  | 'secrets-agent'
  | 'metrics-exporter'
  | 'git-sync'
  | 'db-proxy'
  | 'collector'
  | 'unknown';

export interface SidecarClassification {
  kind: SidecarKind;
  /** Keeps running until it is killed (so a Job with it in `containers` never completes). */
  longRunning: boolean;
  /** Human words for messages: "image fluent/fluent-bit", "command tail -F". */
  reason: string;
}

interface ImagePattern {
  kind: Exclude<SidecarKind, 'unknown'>;
  /** Matched against the repository path without registry, tag and digest (e.g. "fluent/fluent-bit"). */
  repository: RegExp;
}

// Only images that are helpers in practically every pod they appear in; nginx or haproxy are as often the
// main workload, so they are left out on purpose (a false "sidecar" would make rules flag the app itself).
const IMAGE_PATTERNS: readonly ImagePattern[] = [
  { kind: 'log-shipper', repository: /(^|\/)(fluent-?bit|fluentd(-[\w-]+)?|filebeat|vector|promtail|logspout|stackdriver-logging-agent)$/ },
  { kind: 'log-shipper', repository: /(^|\/)(timberio\/vector|grafana\/promtail|elastic\/filebeat)/ },
  { kind: 'proxy', repository: /(^|\/)(envoy|envoy-alpine|envoy-distroless|proxyv2|istio-proxy|linkerd2?-proxy|consul-dataplane)$/ },
  { kind: 'proxy', repository: /(^|\/)linkerd\/proxy$/ },
  { kind: 'auth-proxy', repository: /(^|\/)(oauth2-proxy|kube-rbac-proxy|keycloak-gatekeeper|louketo-proxy|pomerium)$/ },
  { kind: 'db-proxy', repository: /(^|\/)(cloud-sql-proxy|cloudsql-proxy|gce-proxy|alloydb-auth-proxy|pgbouncer)$/ },
  { kind: 'git-sync', repository: /(^|\/)git-sync$/ },
  { kind: 'collector', repository: /(^|\/)(opentelemetry-collector(-[\w-]+)?|otelcol(-[\w-]+)?|jaeger-agent|datadog\/agent|grafana\/alloy)$/ },
  { kind: 'secrets-agent', repository: /(^|\/)(vault-agent|vault-k8s-agent|secrets-agent)$/ },
  { kind: 'metrics-exporter', repository: /(^|\/)[\w.-]*[-_]exporter$/ },
];

/**
 * `tail -f`, `tail -F`, `tail -qf`, `tail --follow`: a streamer of log files. The option's letters are matched in
 * one pass (a lookahead for the f, then the whole run of letters): `-[a-zA-Z]*[fF][a-zA-Z]*\b` backtracks through
 * every split of a long run of letters (quadratic).
 */
export const TAIL_FOLLOW = /\btail\s+(?:-(?=[a-zA-Z]*[fF])[a-zA-Z]+(?!\w)|--follow\b)/;

/** Commands that keep a container alive forever: the classic hand-written helper. */
const LONG_RUNNING_COMMANDS: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: TAIL_FOLLOW, reason: 'tail -f' },
  { pattern: /\bsleep\s+(infinity|inf)\b/, reason: 'sleep infinity' },
  // `\s*(?:;\s*)?do`, not `\s*;?\s*do`: two adjacent `\s*` split a run of spaces every way (quadratic).
  { pattern: /\bwhile\s+(true|:|\[\s*1\s*\])\s*(?:;\s*)?do\b/, reason: 'a while-true loop' },
];

/** `command` and `args` of a container as one line of text (scalars and lists alike). */
export function commandLine(container: ContainerModel): string {
  const parts: string[] = [];
  for (const key of ['command', 'args']) {
    const value = getPair(container.node, key)?.value;
    const seq = asSeq(value);
    if (seq) {
      for (const item of seq.items) {
        const text = scalarText(item);
        if (text !== undefined) parts.push(text);
      }
    } else {
      const text = scalarText(value);
      if (text !== undefined) parts.push(text);
    }
  }
  return parts.join(' ');
}

/**
 * Tells whether a container looks like a helper (log shipper, proxy, secrets agent…) by its image repository
 * and its command; undefined when nothing marks it as one. Shared by the sidecar rules, completion and topology.
 */
export function classifySidecar(container: ContainerModel): SidecarClassification | undefined {
  // Several rules ask about the same container; a parsed container never changes, so the answer is kept with it.
  const known = classified.get(container);
  if (known !== undefined) return known ?? undefined;
  const result = classify(container);
  classified.set(container, result ?? null);
  return result;
}

const classified = new WeakMap<ContainerModel, SidecarClassification | null>();

function classify(container: ContainerModel): SidecarClassification | undefined {
  const repository = container.image ? imageRepository(container.image) : '';
  const command = commandLine(container);
  if (repository) {
    // The vault image is a server unless it runs `vault agent`; an agent that exits after auth is a one-shot.
    if (/(^|\/)vault$/.test(repository)) {
      if (!/(^|\s)agent(\s|$)/.test(command)) return undefined;
      return { kind: 'secrets-agent', longRunning: !exitsAfterAuth(command, container), reason: `image ${repository} running \`vault agent\`` };
    }
    // Istio's proxyv2 image also runs the one-shot `istio-iptables` init step; the proxy itself runs `proxy …`.
    if (/(^|\/)proxyv2$/.test(repository) && command && !/(^|\s)proxy(\s|$)/.test(command)) return undefined;
    for (const { kind, repository: pattern } of IMAGE_PATTERNS) {
      if (!pattern.test(repository)) continue;
      let longRunning = true;
      if (kind === 'git-sync') longRunning = !gitSyncIsOneTime(command, container);
      if (kind === 'secrets-agent') longRunning = !exitsAfterAuth(command, container);
      return { kind, longRunning, reason: `image ${repository}` };
    }
  }
  for (const { pattern, reason } of LONG_RUNNING_COMMANDS) {
    if (pattern.test(command)) return { kind: 'unknown', longRunning: true, reason: `command \`${reason}\`` };
  }
  return undefined;
}

function gitSyncIsOneTime(command: string, container: ContainerModel): boolean {
  return /--one-?time(=true)?(\s|$)/.test(command) || envFlag(container, /^(GIT_SYNC_ONE_TIME|GITSYNC_ONE_TIME)$/);
}

function exitsAfterAuth(command: string, container: ContainerModel): boolean {
  return /-exit-after-auth(=true)?(\s|$)/.test(command) || envFlag(container, /^VAULT_EXIT_AFTER_AUTH$/);
}

function envFlag(container: ContainerModel, name: RegExp): boolean {
  const env = asSeq(getPair(container.node, 'env')?.value);
  if (!env) return false;
  return env.items.some((item) => {
    const entry = asMap(item);
    const variable = getString(entry, 'name');
    return !!variable && name.test(variable) && getString(entry, 'value')?.toLowerCase() === 'true';
  });
}
