import type { SidecarKind } from './known-sidecars';

/**
 * Pinned images of well-known sidecars, offered when completing `image:`. Tags are pinned on purpose: a
 * floating tag (`latest`) changes what runs without a change to the manifest, and the image-tag rule flags it.
 * Bump these with the projects' releases.
 */
export interface SidecarImage {
  image: string;
  kind: Exclude<SidecarKind, 'unknown'>;
  /** One line for the completion list. */
  description: string;
}

export const SIDECAR_IMAGES: readonly SidecarImage[] = [
  { image: 'fluent/fluent-bit:4.0.3', kind: 'log-shipper', description: 'Fluent Bit: lightweight log processor and forwarder' },
  { image: 'fluent/fluentd:v1.18.0-1.0', kind: 'log-shipper', description: 'Fluentd: log collector with a large plugin ecosystem' },
  { image: 'docker.elastic.co/beats/filebeat:8.18.3', kind: 'log-shipper', description: 'Filebeat: ships log files to Elasticsearch or Logstash' },
  { image: 'timberio/vector:0.47.0-distroless-libc', kind: 'log-shipper', description: 'Vector: observability data pipeline' },
  { image: 'envoyproxy/envoy:v1.34.1', kind: 'proxy', description: 'Envoy: L7 proxy for TLS, retries and traffic policy' },
  { image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.9.0', kind: 'auth-proxy', description: 'oauth2-proxy: OIDC/OAuth2 authentication in front of the app' },
  { image: 'hashicorp/vault:1.19.5', kind: 'secrets-agent', description: 'Vault (run as `vault agent`): renders secrets to a shared volume' },
  { image: 'registry.k8s.io/git-sync/git-sync:v4.4.1', kind: 'git-sync', description: 'git-sync: keeps a Git checkout in a shared volume up to date' },
  { image: 'prom/statsd-exporter:v0.28.0', kind: 'metrics-exporter', description: 'StatsD exporter: StatsD metrics as Prometheus metrics' },
  { image: 'nginx/nginx-prometheus-exporter:1.4.2', kind: 'metrics-exporter', description: 'NGINX Prometheus exporter' },
  { image: 'prom/mysqld-exporter:v0.17.2', kind: 'metrics-exporter', description: 'MySQL server exporter' },
  { image: 'prometheuscommunity/postgres-exporter:v0.17.1', kind: 'metrics-exporter', description: 'PostgreSQL server exporter' },
  { image: 'oliver006/redis_exporter:v1.74.0', kind: 'metrics-exporter', description: 'Redis exporter' },
  { image: 'prom/blackbox-exporter:v0.27.0', kind: 'metrics-exporter', description: 'Blackbox exporter: probes endpoints over HTTP, TCP, ICMP' },
  { image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.17.1', kind: 'db-proxy', description: 'Cloud SQL Auth Proxy: IAM-authorized connections to Cloud SQL' },
  { image: 'otel/opentelemetry-collector:0.128.0', kind: 'collector', description: 'OpenTelemetry Collector (core distribution)' },
  { image: 'otel/opentelemetry-collector-contrib:0.128.0', kind: 'collector', description: 'OpenTelemetry Collector (contrib distribution)' },
];

/** Words in a container's name, command, mounts or env that point at a kind of sidecar. */
const HINTS: readonly { kind: Exclude<SidecarKind, 'unknown'>; words: RegExp }[] = [
  { kind: 'log-shipper', words: /log|fluent|filebeat|vector|shipper|promtail/ },
  { kind: 'proxy', words: /envoy|proxy|mesh|tls|ingress/ },
  { kind: 'auth-proxy', words: /oauth|auth|oidc|sso|login/ },
  { kind: 'secrets-agent', words: /vault|secret/ },
  { kind: 'git-sync', words: /git|repo|sync|content/ },
  { kind: 'metrics-exporter', words: /exporter|metric|prometheus|statsd|monitor/ },
  { kind: 'db-proxy', words: /sql|cloudsql|database|\bdb\b|postgres|mysql/ },
  { kind: 'collector', words: /otel|telemetry|collector|trac/ },
];

/**
 * Images to offer for a container, best first: those whose kind the hints suggest (name weighs most), then
 * the rest of the table so a user who knows what they want still finds it.
 */
export function suggestSidecarImages(hints: { name?: string; context?: string; neighbourImages?: string[] }): { image: SidecarImage; suggested: boolean }[] {
  const name = (hints.name ?? '').toLowerCase();
  const context = (hints.context ?? '').toLowerCase();
  const score = new Map<SidecarKind, number>();
  for (const { kind, words } of HINTS) {
    let value = 0;
    if (words.test(name)) value += 2;
    if (words.test(context)) value += 1;
    if (value) score.set(kind, value);
  }
  // "auth-proxy" and "cloud-sql-proxy" also match the generic proxy hint: the specific kind wins.
  if ((score.get('auth-proxy') ?? 0) >= (score.get('proxy') ?? 0) && score.has('auth-proxy')) score.delete('proxy');
  if ((score.get('db-proxy') ?? 0) >= (score.get('proxy') ?? 0) && score.has('db-proxy')) score.delete('proxy');
  // An exporter is for the server next to it: nginx, MySQL, PostgreSQL, Redis neighbours pick their exporter.
  const neighbours = (hints.neighbourImages ?? []).join(' ').toLowerCase();
  const servedBy = (image: SidecarImage): number => {
    if (image.kind !== 'metrics-exporter' || !score.has('metrics-exporter')) return 0;
    const server = /(nginx|mysql|postgres|redis)/.exec(image.image)?.[1];
    return server && neighbours.includes(server) ? 1 : 0;
  };
  return SIDECAR_IMAGES.map((image, order) => ({ image, order, value: (score.get(image.kind) ?? 0) * 2 + servedBy(image) }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map(({ image, value }) => ({ image, suggested: value > 0 }));
}
