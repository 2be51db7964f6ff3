import snippetData from '../../../../snippets/sidecars.json';

/**
 * The sidecar snippets: one table (snippets/sidecars.json, bundled), used three ways. Completion offers the container snippets inside
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

interface SnippetData {
  securityContext: string[];
  appContainer: string[];
  jobContainer: string[];
  appVolumes: { name: string; body: string[] }[];
  containers: {
    id: string;
    label: string;
    description: string;
    native: boolean;
    container: string[];
    volumes: { name: string; body: string[] }[];
    extraDocuments?: string[];
  }[];
}

const data: SnippetData = snippetData;

/** A body from the data file: its lines joined, the `@securityContext` line replaced by the shared block. */
function body(lines: readonly string[]): string {
  return lines.flatMap((line) => (line === '@securityContext' ? data.securityContext : [line])).join('\n');
}

export const CONTAINER_SNIPPETS: readonly ContainerSnippet[] = data.containers.map((c) => ({
  id: c.id,
  label: c.label,
  description: c.description,
  native: c.native,
  container: body(c.container),
  volumes: c.volumes.map((v) => ({ name: v.name, body: body(v.body) })),
  ...(c.extraDocuments ? { extraDocuments: body(c.extraDocuments) } : {}),
}));

const APP_CONTAINER = body(data.appContainer);
const JOB_APP = body(data.jobContainer);
const APP_VOLUMES = data.appVolumes.map((v) => ({ name: v.name, body: body(v.body) }));

function indent(text: string, by: number): string {
  const pad = ' '.repeat(by);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

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
