/**
 * The sidecar snippets: one table, used three ways. Completion offers the container snippets inside
 * `containers`/`initContainers` (adding the volumes they need to the pod) and the manifests at the top of an
 * empty document; `scripts/generate-snippets.mjs` writes `snippets/kubernetes-sidecars.code-snippets` from it
 * (a test checks the file matches). Bodies are written with 2-space indentation and indented lists; completion
 * re-indents them to the file's style. Every placeholder has a default, and the defaults make a manifest that
 * the validator accepts with no error or warning (pinned tags, resources, probes, read-only mounts, sizeLimit).
 */

export interface ContainerSnippet {
  id: string;
  label: string;
  description: string;
  /** The container map, without the leading `- `. Tab stops start at 1. */
  container: string;
  /** Pod volumes the container mounts (list items without the leading `- `), added when missing. */
  volumes: { name: string; body: string }[];
  /** Other documents the sidecar needs (a ConfigMap), appended by the whole-manifest variant. */
  extraDocuments?: string;
  /** Runs as a native sidecar (in initContainers with restartPolicy: Always) by default. */
  native: boolean;
}

export interface ManifestSnippet {
  id: string;
  label: string;
  description: string;
  body: string;
}

const SECURITY = `securityContext:
  runAsNonRoot: true
  runAsUser: 65532
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop:
      - ALL`;

function indent(text: string, by: number): string {
  const pad = ' '.repeat(by);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

const LOG_VOLUME = { name: 'app-logs', body: 'name: app-logs\nemptyDir:\n  sizeLimit: 256Mi' };

export const CONTAINER_SNIPPETS: readonly ContainerSnippet[] = [
  {
    id: 'fluent-bit',
    label: 'Logging sidecar (Fluent Bit)',
    description: 'Fluent Bit tails the app logs from a shared emptyDir (read-only) and forwards them; config from a ConfigMap.',
    native: true,
    container: `name: \${1:log-shipper}
image: \${2:fluent/fluent-bit:4.0.3}
args:
  - --config=/fluent-bit/etc/fluent-bit.yaml
ports:
  - name: fb-metrics
    containerPort: 2020
livenessProbe:
  httpGet:
    path: /
    port: fb-metrics
readinessProbe:
  httpGet:
    path: /api/v1/health
    port: fb-metrics
resources:
  requests:
    cpu: 50m
    memory: 64Mi
  limits:
    memory: 128Mi
volumeMounts:
  - name: app-logs
    mountPath: /var/log/app
    readOnly: true
  - name: fluent-bit-config
    mountPath: /fluent-bit/etc
    readOnly: true
${SECURITY}`,
    volumes: [LOG_VOLUME, { name: 'fluent-bit-config', body: 'name: fluent-bit-config\nconfigMap:\n  name: fluent-bit-config' }],
    extraDocuments: `apiVersion: v1
kind: ConfigMap
metadata:
  name: fluent-bit-config
data:
  fluent-bit.yaml: |
    service:
      http_server: on
      http_port: 2020
      health_check: on
    pipeline:
      inputs:
        - name: tail
          path: /var/log/app/*.log
      outputs:
        - name: stdout
          match: '*'`,
  },
  {
    id: 'fluentd',
    label: 'Logging sidecar (Fluentd)',
    description: 'Fluentd reads the app logs from a shared emptyDir (read-only); config from a ConfigMap.',
    native: true,
    container: `name: \${1:fluentd}
image: \${2:fluent/fluentd:v1.18.0-1.0}
env:
  - name: FLUENTD_CONF
    value: fluent.conf
ports:
  - name: fluentd-health
    containerPort: 24220
livenessProbe:
  tcpSocket:
    port: fluentd-health
readinessProbe:
  tcpSocket:
    port: fluentd-health
resources:
  requests:
    cpu: 100m
    memory: 128Mi
  limits:
    memory: 256Mi
volumeMounts:
  - name: app-logs
    mountPath: /var/log/app
    readOnly: true
  - name: fluentd-config
    mountPath: /fluentd/etc
    readOnly: true
${SECURITY}`,
    volumes: [LOG_VOLUME, { name: 'fluentd-config', body: 'name: fluentd-config\nconfigMap:\n  name: fluentd-config' }],
    extraDocuments: `apiVersion: v1
kind: ConfigMap
metadata:
  name: fluentd-config
data:
  fluent.conf: |
    <source>
      @type monitor_agent
      port 24220
    </source>
    <source>
      @type tail
      path /var/log/app/*.log
      pos_file /tmp/app.log.pos
      tag app
      <parse>
        @type none
      </parse>
    </source>
    <match app>
      @type stdout
    </match>`,
  },
  {
    id: 'filebeat',
    label: 'Logging sidecar (Filebeat)',
    description: 'Filebeat ships the app log files from a shared emptyDir (read-only).',
    native: true,
    container: `name: \${1:filebeat}
image: \${2:docker.elastic.co/beats/filebeat:8.18.3}
args:
  - -e
  - -c
  - /etc/filebeat/filebeat.yml
ports:
  - name: beat-http
    containerPort: 5066
livenessProbe:
  httpGet:
    path: /
    port: beat-http
readinessProbe:
  httpGet:
    path: /
    port: beat-http
resources:
  requests:
    cpu: 50m
    memory: 100Mi
  limits:
    memory: 200Mi
volumeMounts:
  - name: app-logs
    mountPath: /var/log/app
    readOnly: true
  - name: filebeat-config
    mountPath: /etc/filebeat
    readOnly: true
${SECURITY}`,
    volumes: [LOG_VOLUME, { name: 'filebeat-config', body: 'name: filebeat-config\nconfigMap:\n  name: filebeat-config' }],
    extraDocuments: `apiVersion: v1
kind: ConfigMap
metadata:
  name: filebeat-config
data:
  filebeat.yml: |
    http.enabled: true
    http.host: 0.0.0.0
    filebeat.inputs:
      - type: filestream
        id: app-logs
        paths:
          - /var/log/app/*.log
    output.console:
      enabled: true`,
  },
  {
    id: 'prometheus-exporter',
    label: 'Metrics exporter sidecar (Prometheus)',
    description: 'A Prometheus exporter next to the app, scraped on its own metrics port.',
    native: true,
    container: `name: \${1:metrics-exporter}
image: \${2:nginx/nginx-prometheus-exporter:1.4.2}
args:
  - --nginx.scrape-uri=\${3:http://localhost:8080/stub_status}
ports:
  - name: metrics
    containerPort: 9113
livenessProbe:
  httpGet:
    path: /metrics
    port: metrics
readinessProbe:
  httpGet:
    path: /metrics
    port: metrics
resources:
  requests:
    cpu: 20m
    memory: 32Mi
  limits:
    memory: 64Mi
${SECURITY}`,
    volumes: [],
  },
  {
    id: 'envoy',
    label: 'Proxy sidecar (Envoy)',
    description: 'Envoy in front of the app (TLS, retries, traffic policy), started and ready before the app.',
    native: true,
    container: `name: \${1:envoy}
image: \${2:envoyproxy/envoy:v1.34.1}
args:
  - --config-path
  - /etc/envoy/envoy.yaml
ports:
  - name: proxy
    containerPort: 10000
  - name: envoy-admin
    containerPort: 9901
startupProbe:
  httpGet:
    path: /ready
    port: envoy-admin
  periodSeconds: 2
  failureThreshold: 30
readinessProbe:
  httpGet:
    path: /ready
    port: envoy-admin
livenessProbe:
  tcpSocket:
    port: proxy
resources:
  requests:
    cpu: 100m
    memory: 64Mi
  limits:
    memory: 256Mi
volumeMounts:
  - name: envoy-config
    mountPath: /etc/envoy
    readOnly: true
${SECURITY}`,
    volumes: [{ name: 'envoy-config', body: 'name: envoy-config\nconfigMap:\n  name: envoy-config' }],
    extraDocuments: `apiVersion: v1
kind: ConfigMap
metadata:
  name: envoy-config
data:
  envoy.yaml: |
    admin:
      address:
        socket_address: { address: 0.0.0.0, port_value: 9901 }
    static_resources:
      listeners:
        - name: ingress
          address:
            socket_address: { address: 0.0.0.0, port_value: 10000 }
          filter_chains:
            - filters:
                - name: envoy.filters.network.tcp_proxy
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
                    stat_prefix: app
                    cluster: app
      clusters:
        - name: app
          type: STATIC
          load_assignment:
            cluster_name: app
            endpoints:
              - lb_endpoints:
                  - endpoint:
                      address:
                        socket_address: { address: 127.0.0.1, port_value: 8080 }`,
  },
  {
    id: 'oauth2-proxy',
    label: 'Auth sidecar (oauth2-proxy)',
    description: 'oauth2-proxy authenticates users (OIDC) before requests reach the app; client secret from a Secret.',
    native: true,
    container: `name: \${1:oauth2-proxy}
image: \${2:quay.io/oauth2-proxy/oauth2-proxy:v7.9.0}
args:
  - --http-address=0.0.0.0:4180
  - --upstream=http://127.0.0.1:8080
  - --provider=oidc
  - --oidc-issuer-url=\${3:https://issuer.example.com}
  - --email-domain=*
env:
  - name: OAUTH2_PROXY_CLIENT_ID
    value: \${4:my-app}
  - name: OAUTH2_PROXY_CLIENT_SECRET
    valueFrom:
      secretKeyRef:
        name: \${5:oauth2-proxy}
        key: client-secret
  - name: OAUTH2_PROXY_COOKIE_SECRET
    valueFrom:
      secretKeyRef:
        name: \${5:oauth2-proxy}
        key: cookie-secret
ports:
  - name: auth-http
    containerPort: 4180
startupProbe:
  httpGet:
    path: /ping
    port: auth-http
  periodSeconds: 2
  failureThreshold: 30
readinessProbe:
  httpGet:
    path: /ready
    port: auth-http
livenessProbe:
  httpGet:
    path: /ping
    port: auth-http
resources:
  requests:
    cpu: 50m
    memory: 64Mi
  limits:
    memory: 128Mi
${SECURITY}`,
    volumes: [],
  },
  {
    id: 'vault-agent',
    label: 'Secrets sidecar (Vault agent)',
    description: 'Vault agent authenticates with the pod identity and renders secrets into a shared in-memory volume.',
    native: true,
    container: `name: \${1:vault-agent}
image: \${2:hashicorp/vault:1.19.5}
args:
  - agent
  - -config=/etc/vault/agent.hcl
env:
  - name: VAULT_ADDR
    value: \${3:https://vault.example.com:8200}
startupProbe:
  exec:
    command:
      - test
      - -f
      - /vault/secrets/.ready
  periodSeconds: 2
  failureThreshold: 30
livenessProbe:
  exec:
    command:
      - test
      - -d
      - /vault/secrets
resources:
  requests:
    cpu: 50m
    memory: 64Mi
  limits:
    memory: 128Mi
volumeMounts:
  - name: vault-secrets
    mountPath: /vault/secrets
  - name: vault-agent-config
    mountPath: /etc/vault
    readOnly: true
${SECURITY}`,
    volumes: [
      { name: 'vault-secrets', body: 'name: vault-secrets\nemptyDir:\n  medium: Memory\n  sizeLimit: 16Mi' },
      { name: 'vault-agent-config', body: 'name: vault-agent-config\nconfigMap:\n  name: vault-agent-config' },
    ],
    extraDocuments: `apiVersion: v1
kind: ConfigMap
metadata:
  name: vault-agent-config
data:
  agent.hcl: |
    auto_auth {
      method "kubernetes" {
        config = { role = "my-app" }
      }
    }
    template {
      contents    = "{{ with secret \\"secret/data/my-app\\" }}{{ .Data.data.password }}{{ end }}"
      destination = "/vault/secrets/password"
    }
    template {
      contents    = "ready"
      destination = "/vault/secrets/.ready"
    }`,
  },
  {
    id: 'git-sync',
    label: 'Content sidecar (git-sync)',
    description: 'git-sync keeps a Git checkout up to date in a shared volume the app reads.',
    native: true,
    container: `name: \${1:git-sync}
image: \${2:registry.k8s.io/git-sync/git-sync:v4.4.1}
args:
  - --repo=\${3:https://github.com/kubernetes/git-sync}
  - --ref=\${4:HEAD}
  - --root=/git
  - --period=60s
  - --http-bind=:2112
ports:
  - name: git-sync-http
    containerPort: 2112
livenessProbe:
  httpGet:
    path: /
    port: git-sync-http
readinessProbe:
  httpGet:
    path: /
    port: git-sync-http
resources:
  requests:
    cpu: 20m
    memory: 32Mi
  limits:
    memory: 128Mi
volumeMounts:
  - name: git-content
    mountPath: /git
${SECURITY}`,
    volumes: [{ name: 'git-content', body: 'name: git-content\nemptyDir:\n  sizeLimit: 512Mi' }],
  },
  {
    id: 'cloud-sql-proxy',
    label: 'Database proxy sidecar (cloud-sql-proxy)',
    description: 'Cloud SQL Auth Proxy: the app connects to 127.0.0.1, the proxy handles IAM and TLS; ready before the app.',
    native: true,
    container: `name: \${1:cloud-sql-proxy}
image: \${2:gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.17.1}
args:
  - --structured-logs
  - --port=5432
  - --http-address=0.0.0.0
  - --health-check
  - \${3:my-project:europe-west1:my-instance}
ports:
  - name: sql-health
    containerPort: 9090
startupProbe:
  httpGet:
    path: /startup
    port: sql-health
  periodSeconds: 2
  failureThreshold: 30
readinessProbe:
  httpGet:
    path: /readiness
    port: sql-health
livenessProbe:
  httpGet:
    path: /liveness
    port: sql-health
resources:
  requests:
    cpu: 100m
    memory: 64Mi
  limits:
    memory: 256Mi
${SECURITY}`,
    volumes: [],
  },
];

const APP_CONTAINER = `name: app
image: nginx:1.27.5
ports:
  - name: http
    containerPort: 8080
readinessProbe:
  httpGet:
    path: /
    port: http
livenessProbe:
  httpGet:
    path: /
    port: http
resources:
  requests:
    cpu: 100m
    memory: 128Mi
  limits:
    memory: 256Mi
volumeMounts:
  - name: app-logs
    mountPath: /var/log/app
  - name: nginx-tmp
    mountPath: /tmp
${SECURITY}`;

const APP_VOLUMES = [LOG_VOLUME, { name: 'nginx-tmp', body: 'name: nginx-tmp\nemptyDir:\n  sizeLimit: 64Mi' }];

function listItem(body: string, column: number): string {
  const lines = body.split('\n');
  return lines.map((line, i) => (i === 0 ? `${' '.repeat(column)}- ${line}` : line ? `${' '.repeat(column + 2)}${line}` : line)).join('\n');
}

/** The container as a native sidecar: `restartPolicy: Always` right after the image. */
export function nativeVariant(container: string): string {
  const lines = container.split('\n');
  const image = lines.findIndex((line) => line.startsWith('image:'));
  lines.splice(image + 1, 0, 'restartPolicy: Always');
  return lines.join('\n');
}

/** A pod spec (2-space, at column 0) holding the app, the given native sidecars, and every volume they use. */
function podSpec(sidecars: readonly ContainerSnippet[], jobApp?: string): string {
  const volumes = new Map<string, string>();
  for (const v of APP_VOLUMES) volumes.set(v.name, v.body);
  for (const s of sidecars) for (const v of s.volumes) volumes.set(v.name, v.body);
  const app = jobApp ?? APP_CONTAINER;
  const parts: string[] = [];
  if (jobApp) parts.push('restartPolicy: Never');
  if (sidecars.length) parts.push('initContainers:', ...sidecars.map((s) => listItem(nativeVariant(s.container), 2)));
  parts.push('containers:', listItem(app, 2));
  parts.push('volumes:', ...[...volumes.values()].map((v) => listItem(v, 2)));
  return parts.join('\n');
}

/** Renumbers a body's tab stops so that several snippet bodies can share one snippet. */
function shiftTabStops(body: string, by: number): string {
  return body.replace(/\$\{(\d+)([:|])/g, (_, n: string, sep: string) => `\${${Number(n) + by}${sep}`).replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);
}

function highestTabStop(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\$\{?(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function withShiftedStops(sidecars: readonly ContainerSnippet[]): ContainerSnippet[] {
  let offset = 0;
  return sidecars.map((s) => {
    const shifted = { ...s, container: shiftTabStops(s.container, offset) };
    offset += highestTabStop(s.container);
    return shifted;
  });
}

function podManifest(name: string, sidecars: readonly ContainerSnippet[]): string {
  const shifted = withShiftedStops(sidecars);
  const extra = sidecars.map((s) => s.extraDocuments).filter((d): d is string => !!d);
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
${indent(podSpec(shifted), 2)}`;
  return [pod, ...extra].join('\n---\n');
}

const JOB_APP = `name: job
image: busybox:1.37.0
command:
  - sh
  - -c
  - echo "work done" >> /var/log/app/job.log
resources:
  requests:
    cpu: 100m
    memory: 64Mi
  limits:
    memory: 128Mi
volumeMounts:
  - name: app-logs
    mountPath: /var/log/app
  - name: nginx-tmp
    mountPath: /tmp
${SECURITY}`;

function byId(id: string): ContainerSnippet {
  const found = CONTAINER_SNIPPETS.find((s) => s.id === id);
  if (!found) throw new Error(`no container snippet ${id}`);
  return found;
}

const fluentBit = byId('fluent-bit');

export const MANIFEST_SNIPPETS: readonly ManifestSnippet[] = [
  {
    id: 'pod-native-sidecar',
    label: 'Pod with a native sidecar',
    description: 'A Pod whose log shipper is a native sidecar (initContainers + restartPolicy: Always): it starts before the app and stops after it.',
    body: podManifest('${10:my-app}', [fluentBit]),
  },
  {
    id: 'deployment-native-sidecar',
    label: 'Deployment with a native sidecar',
    description: 'A Deployment whose pods run a native log-shipper sidecar next to the app.',
    body: [
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: \${10:my-app}
spec:
  replicas: \${11:2}
  selector:
    matchLabels:
      app: \${10:my-app}
  template:
    metadata:
      labels:
        app: \${10:my-app}
    spec:
${indent(podSpec([fluentBit]), 6)}`,
      fluentBit.extraDocuments as string,
    ].join('\n---\n'),
  },
  {
    id: 'job-native-sidecar',
    label: 'Job with a native sidecar',
    description: 'A Job whose log shipper is a native sidecar: the Job completes when its main container finishes.',
    body: [
      `apiVersion: batch/v1
kind: Job
metadata:
  name: \${10:my-job}
spec:
  backoffLimit: \${11:3}
  template:
    spec:
${indent(podSpec([fluentBit], JOB_APP), 6)}`,
      fluentBit.extraDocuments as string,
    ].join('\n---\n'),
  },
  {
    id: 'multi-sidecar-pod',
    label: 'Pod with logging, monitoring and proxy sidecars',
    description: 'One app with three native sidecars: Fluent Bit (logging), a Prometheus exporter (monitoring) and Envoy (proxy).',
    body: podManifest('${20:web}', [byId('envoy'), fluentBit, byId('prometheus-exporter')]),
  },
];

/** Whole-pod manifests around each container snippet: what the static snippet file offers for them. */
export function containerSnippetManifest(snippet: ContainerSnippet): string {
  return podManifest(`\${20:${snippet.id}-demo}`, [snippet]);
}

/** Expands tab stops and choices to their defaults: what the user gets by pressing Tab through a snippet. */
export function expandSnippet(body: string): string {
  let previous: string;
  let text = body;
  do {
    previous = text;
    text = text
      .replace(/\$\{\d+:((?:[^${}\\]|\\.)*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)(?:,[^|]*)?\|\}/g, '$1')
      .replace(/\$\{?\d+\}?/g, '');
  } while (text !== previous);
  return text.replace(/\\([$}\\])/g, '$1');
}

/** The `.code-snippets` JSON object (VS Code snippet file) built from the tables. */
export function vscodeSnippetFile(): Record<string, { prefix: string[]; description: string; body: string[]; scope: string }> {
  const result: Record<string, { prefix: string[]; description: string; body: string[]; scope: string }> = {};
  for (const s of MANIFEST_SNIPPETS) {
    result[s.label] = { prefix: [`k8s-${s.id}`], description: s.description, body: s.body.split('\n'), scope: 'yaml' };
  }
  for (const s of CONTAINER_SNIPPETS) {
    result[`Pod with ${s.label.charAt(0).toLowerCase()}${s.label.slice(1)}`] = {
      prefix: [`k8s-sidecar-${s.id}`],
      description: s.description,
      body: containerSnippetManifest(s).split('\n'),
      scope: 'yaml',
    };
  }
  return result;
}

/** The exact text of `snippets/kubernetes-sidecars.code-snippets`. */
export function renderSnippetFile(): string {
  return `${JSON.stringify(vscodeSnippetFile(), null, 2)}\n`;
}
