/**
 * Each quick fix applied to a commented fixture: which diagnostic (code, nth occurrence), which action (by
 * title), and the file with the exact text expected after the edit (under fixtures/code-actions/expected/).
 */
export interface FixCase {
  fixture: string;
  code: string;
  nth?: number;
  title: RegExp;
  expected: string;
  preferred?: boolean;
  /** Comments that go away on purpose with what the fix removes. */
  removedComments?: RegExp[];
}

export const FIX_CASES: readonly FixCase[] = [
  // A reference the workspace (here: the file) defines under a close name: its suggestion, quotes kept.
  { fixture: 'workspace-commented.yaml', code: 'dangling-reference', title: /Change to "web-config"/, expected: 'workspace-commented--web-config.yaml', preferred: true },
  // Native sidecars: appended to an existing initContainers (2 spaces, indented sequences)…
  { fixture: 'deployment-commented.yaml', code: 'proxy-start-order', title: /native sidecar/, expected: 'deployment-commented--native-envoy.yaml', preferred: true },
  // …created above `containers:` in a 4-space file with flush sequences, restartPolicy already there…
  { fixture: 'pod-flush-4space.yaml', code: 'restart-policy-on-app-container', title: /native sidecar/, expected: 'pod-flush-4space--native-shipper.yaml', preferred: true },
  { fixture: 'pod-flush-4space.yaml', code: 'restart-policy-on-app-container', title: /^Remove restartPolicy/, expected: 'pod-flush-4space--drop-restart-policy.yaml', removedComments: [/wrong place/] },
  // …and in the second document of three.
  { fixture: 'multi-document.yaml', code: 'job-classic-sidecar', title: /native sidecar/, expected: 'multi-document--native-logshipper.yaml', preferred: true },
  { fixture: 'multi-document.yaml', code: 'shipper-mount-read-only', title: /read-only/, expected: 'multi-document--read-only.yaml', preferred: true },
  { fixture: 'pod-flush-4space.yaml', code: 'missing-resources', nth: 1, title: /sidecar-sized/, expected: 'pod-flush-4space--resources-shipper.yaml', preferred: true },
  { fixture: 'pod-flush-4space.yaml', code: 'missing-probes', title: /HTTP/, expected: 'pod-flush-4space--probes-web.yaml', preferred: true },
  { fixture: 'deployment-commented.yaml', code: 'missing-probes', nth: 1, title: /TCP/, expected: 'deployment-commented--probes-envoy.yaml', preferred: true },
  { fixture: 'deployment-commented.yaml', code: 'missing-resources', title: /placeholder/, expected: 'deployment-commented--resources-migrate.yaml', preferred: true },
  { fixture: 'volumes-commented.yaml', code: 'undefined-volume', title: /Change to volume "contents"/, expected: 'volumes-commented--rename-mount.yaml', preferred: true },
  { fixture: 'volumes-commented.yaml', code: 'undefined-volume', nth: 1, title: /emptyDir volume "cache"/, expected: 'volumes-commented--add-cache.yaml', preferred: true },
  { fixture: 'volumes-commented.yaml', code: 'unused-volume', nth: 1, title: /Remove unused volume "old-config"/, expected: 'volumes-commented--remove-old-config.yaml', preferred: true, removedComments: [/never mounted/, /legacy/] },
  { fixture: 'volumes-commented.yaml', code: 'unused-volume', nth: 2, title: /Remove unused volume "scratch"/, expected: 'volumes-commented--remove-scratch.yaml', preferred: true, removedComments: [/last volume/] },
  { fixture: 'hygiene-commented.yaml', code: 'image-tag', title: /Pin python:3\.12/, expected: 'hygiene-commented--pin-python.yaml', preferred: true },
  { fixture: 'hygiene-commented.yaml', code: 'image-tag', nth: 1, title: /placeholder/, expected: 'hygiene-commented--placeholder-proxy.yaml' },
  { fixture: 'hygiene-commented.yaml', code: 'secret-in-env', title: /Secret "billing-secrets"/, expected: 'hygiene-commented--secret-ref.yaml', preferred: true },
  { fixture: 'hygiene-commented.yaml', code: 'duplicate-container-name', title: /api-2/, expected: 'hygiene-commented--rename-api.yaml', preferred: true },
  { fixture: 'hygiene-commented.yaml', code: 'port-conflict', title: /8001/, expected: 'hygiene-commented--port-8001.yaml' },
  { fixture: 'hygiene-commented.yaml', code: 'probe-port-not-exposed', title: /port "http"/, expected: 'hygiene-commented--probe-port.yaml', preferred: true },
  { fixture: 'hygiene-commented.yaml', code: 'missing-resources', title: /placeholder/, expected: 'hygiene-commented--resources-proxy.yaml', preferred: true },
  { fixture: 'init-commented.yaml', code: 'init-restart-policy-value', title: /^Remove restartPolicy/, expected: 'init-commented--drop-restart-policy.yaml', preferred: true, removedComments: [/not allowed here/] },
  { fixture: 'init-commented.yaml', code: 'init-restart-policy-value', title: /Set restartPolicy: Always/, expected: 'init-commented--restart-always.yaml' },
  { fixture: 'init-commented.yaml', code: 'probe-on-init-container', title: /native sidecar/, expected: 'init-commented--vault-native.yaml', preferred: true },
  { fixture: 'init-commented.yaml', code: 'probe-on-init-container', title: /Remove readinessProbe/, expected: 'init-commented--remove-probe.yaml', removedComments: [/not allowed on a plain/] },
  { fixture: 'schema-typo.yaml', code: 'unknown-field', title: /Rename to "volumeMounts"/, expected: 'schema-typo--rename-key.yaml', preferred: true },
  { fixture: 'security-commented.yaml', code: 'invalid-enum', title: /Change to "Always"/, expected: 'security-commented--pull-policy.yaml', preferred: true },
  { fixture: 'security-commented.yaml', code: 'native-sidecar-startup-probe', title: /startupProbe on port admin/, expected: 'security-commented--startup-probe.yaml', preferred: true },
  { fixture: 'security-commented.yaml', code: 'emptydir-size-limit', title: /sizeLimit: 500Mi/, expected: 'security-commented--size-limit-flow.yaml', preferred: true },
  { fixture: 'security-commented.yaml', code: 'emptydir-size-limit', nth: 1, title: /sizeLimit: 64Mi/, expected: 'security-commented--size-limit-memory.yaml', preferred: true },
  { fixture: 'security-commented.yaml', code: 'privileged-container', title: /privileged: false/, expected: 'security-commented--not-privileged.yaml' },
  { fixture: 'security-commented.yaml', code: 'privilege-escalation', title: /allowPrivilegeEscalation: false/, expected: 'security-commented--no-escalation.yaml' },
  { fixture: 'security-commented.yaml', code: 'privilege-escalation', nth: 1, title: /Do not add SYS_ADMIN/, expected: 'security-commented--drop-sys-admin.yaml', removedComments: [/too much/] },
  { fixture: 'old-api.yaml', code: 'removed-api-version', title: /apps\/v1 with the selector/, expected: 'old-api--apps-v1.yaml' },
  { fixture: 'resources-partial.yaml', code: 'missing-resources', title: /placeholder/, expected: 'resources-partial--memory-limit.yaml', preferred: true },
  { fixture: 'mounts-duplicate.yaml', code: 'duplicate-mount-path', title: /Remove the second mount on \/data\//, expected: 'mounts-duplicate--remove-second.yaml', removedComments: [/mounted again/, /same path/] },
  { fixture: 'probe-named-port.yaml', code: 'probe-port-not-exposed', title: /Name port 8080 "http"/, expected: 'probe-named-port--name-port.yaml', preferred: true },
];

export function caseName(c: FixCase): string {
  return `${c.code}${c.nth ? ` #${c.nth + 1}` : ''} in ${c.fixture}: ${c.title.source}`;
}
