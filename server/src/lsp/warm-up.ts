import { toDiagnostic, type Finding } from '../core/findings';
import type { LanguageService } from '../core/language-service';
import { ManifestParser } from '../core/parse/manifest';
import { defaultSettings } from '../core/settings';
import type { KustomizeContext } from '../core/features/kustomize/patch-validation';
import type { KustomizeHost } from '../core/workspace/kustomize/host';
import { KustomizeCache } from '../core/features/kustomize/cache';

/**
 * What the validation thread checks once when it starts, before any file of the editor: a workload manifest, a
 * Compose file and a kustomize patch (an overlay held in memory), each parsed, edited once (the incremental parse)
 * and checked. The first check of a real file then finds the schemas of the common kinds loaded and the parser, the
 * rules and the renderer compiled, instead of paying for all of it on the first open. The findings are dropped.
 */
interface WarmUpCase {
  uri: string;
  text: string;
  /** Where one character is typed for the second parse (an image tag). */
  edit: string;
  /** The patch's overlay for this version of its text (through a cache, as the editor's edits go). */
  kustomize?: (text: string) => KustomizeContext;
}

const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: warm-up
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
          volumeMounts:
            - name: logs
              mountPath: /var/log/web
        - name: log-shipper
          image: fluent/fluent-bit:3.1.9
          volumeMounts:
            - name: logs
              mountPath: /var/log/web
              readOnly: true
      volumes:
        - name: logs
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: warm-up
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: warm-up
data:
  LOG_LEVEL: info
`;

const COMPOSE = `services:
  app:
    image: registry.example.com/app:1.0.0
    ports:
      - "8080:8080"
    volumes:
      - logs:/var/log/app
    healthcheck:
      test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/healthz"]
    restart: unless-stopped
  shipper:
    image: fluent/fluent-bit:3.2.2
    volumes:
      - logs:/var/log/app:ro
    depends_on:
      app:
        condition: service_healthy
  proxy:
    image: envoyproxy/envoy:v1.32.3
    network_mode: "service:app"
volumes:
  logs:
`;

const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: warm-up
spec:
  template:
    spec:
      containers:
        - name: proxy
          image: envoyproxy/envoy:v1.32.3
          volumeMounts:
            - name: logs
              mountPath: /var/log/web
              readOnly: true
`;

/** A folder tree in memory: the kustomize code reads it like the disk. */
function memoryHost(files: Record<string, string>): KustomizeHost {
  const isDirectory = (path: string) => Object.keys(files).some((file) => file.startsWith(`${path}/`));
  return {
    readFile: (path) => files[path],
    isDirectory,
    subfolders: (path) => [...new Set(Object.keys(files).filter((file) => file.startsWith(`${path}/`)).map((file) => file.slice(path.length + 1).split('/')[0]).filter((name) => isDirectory(`${path}/${name}`)))],
  };
}

const ROOT = '/sidecar-warm-up';
const PATCH_PATH = `${ROOT}/overlay/proxy.yaml`;
const OVERLAY = {
  [`${ROOT}/base/kustomization.yaml`]: 'resources:\n  - deployment.yaml\n',
  [`${ROOT}/base/deployment.yaml`]: WORKLOAD.split('---\n')[0],
  [`${ROOT}/overlay/kustomization.yaml`]: 'resources:\n  - ../base\nnamespace: prod\npatches:\n  - path: proxy.yaml\n',
};

function patchContext(cache: KustomizeCache, text: string): KustomizeContext {
  cache.invalidate(PATCH_PATH);
  return { path: PATCH_PATH, root: ROOT, host: memoryHost({ ...OVERLAY, [PATCH_PATH]: text }), cache };
}

function cases(): WarmUpCase[] {
  const cache = new KustomizeCache();
  return [
    { uri: 'untitled:sidecar-warm-up/manifest.yaml', text: WORKLOAD, edit: 'web:1.0.0' },
    { uri: 'untitled:sidecar-warm-up/compose.yaml', text: COMPOSE, edit: 'app:1.0.0' },
    { uri: `file://${PATCH_PATH}`, text: PATCH, edit: 'envoy:v1.32.3', kustomize: (text) => patchContext(cache, text) },
  ];
}

/**
 * Runs the cases one per turn of the event loop (`next` schedules a turn), so a check the editor asks for meanwhile
 * goes first instead of waiting for the whole warm-up. `checked` hears each check's findings (for the tests).
 */
export function warmUp(service: LanguageService, next: (step: () => void) => void = setImmediate, checked: (uri: string, findings: readonly Finding[]) => void = () => undefined): void {
  const settings = defaultSettings();
  const all = cases();
  const run = (index: number) => {
    const current = all[index];
    if (!current) return;
    const parser = new ManifestParser();
    const at = current.text.indexOf(current.edit) + current.edit.length;
    for (const text of [current.text, `${current.text.slice(0, at)}1${current.text.slice(at)}`]) {
      const file = parser.parse(text);
      const findings = service.validate(file, settings, current.kustomize?.(text), current.uri);
      for (const finding of findings) toDiagnostic(finding, file.lineIndex);
      checked(current.uri, findings);
    }
    next(() => run(index + 1));
  };
  next(() => run(0));
}
