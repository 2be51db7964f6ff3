import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { servedEdges } from '../../../server/src/core/kubernetes/api-versions';
import { FEATURE_GATES, gateAt, gateIntroduced, gateOnByDefaultFrom } from '../../../server/src/core/kubernetes/feature-gates';
import { fieldAt, fieldRows } from '../../../server/src/core/kubernetes/fields';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/core/settings';
import { lint } from '../rules/rule-kit';
import { ruleFixture } from '../rules/rule-kit';
import { actionsFor, applyAction, pick, settingsFor } from '../code-actions/harness';

const MINORS = SUPPORTED_KUBERNETES_VERSIONS.map((v) => Number(v.split('.')[1]));
const VERSION_CODES = ['field-not-in-version', 'field-behind-feature-gate', 'removed-api-version', 'api-version-not-served-yet'];

function pod(spec: string, container = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}  containers:\n    - name: app\n      image: nginx:1.27\n${container}`;
}

/** One manifest per gated field that no rule owns; the key that must be underlined. */
const SAMPLES: Record<string, { text: string; key: string }> = {
  ContainerRestartRules: {
    text: pod('  restartPolicy: Never\n', '      restartPolicyRules:\n        - action: Restart\n          exitCodes:\n            operator: In\n            values: [42]\n'),
    key: 'restartPolicyRules',
  },
  ContainerStopSignals: { text: pod('', '      lifecycle:\n        stopSignal: SIGUSR1\n'), key: 'stopSignal' },
  EnvFiles: {
    text: pod('', '      env:\n        - name: A\n          valueFrom:\n            fileKeyRef:\n              path: a.env\n              key: A\n              volumeName: v\n'),
    key: 'fileKeyRef',
  },
  HostnameOverride: { text: pod('  hostnameOverride: box\n'), key: 'hostnameOverride' },
  ImageVolume: { text: pod('  volumes:\n    - name: v\n      image:\n        reference: quay.io/a/b:1\n'), key: 'image' },
  InPlacePodVerticalScaling: { text: pod('', '      resizePolicy:\n        - resourceName: cpu\n          restartPolicy: NotRequired\n'), key: 'resizePolicy' },
  PodCertificateRequest: {
    text: pod('  volumes:\n    - name: v\n      projected:\n        sources:\n          - podCertificate:\n              signerName: example.com/x\n              keyType: ED25519\n              credentialBundlePath: c.pem\n'),
    key: 'podCertificate',
  },
  PodLevelResources: { text: pod('  resources:\n    limits:\n      cpu: "1"\n'), key: 'resources' },
  PodLifecycleSleepAction: { text: pod('', '      lifecycle:\n        preStop:\n          sleep:\n            seconds: 5\n'), key: 'sleep' },
  RecursiveReadOnlyMounts: {
    text: pod('  volumes:\n    - name: v\n      emptyDir: {}\n', '      volumeMounts:\n        - name: v\n          mountPath: /v\n          readOnly: true\n          recursiveReadOnly: Enabled\n'),
    key: 'recursiveReadOnly',
  },
  SupplementalGroupsPolicy: { text: pod('  securityContext:\n    supplementalGroupsPolicy: Strict\n'), key: 'supplementalGroupsPolicy' },
  UserNamespacesSupport: { text: pod('  hostUsers: false\n'), key: 'hostUsers' },
};

function versionFindings(text: string, minor: number) {
  return lint(text, { kubernetesVersion: `1.${minor}` })
    .filter((f) => VERSION_CODES.includes(f.code))
    .map((f) => ({ code: f.code, text: text.slice(f.start, f.end) }));
}

/** What the tables say about a gated field at a minor: the code expected, or none. */
function expected(gate: (typeof FEATURE_GATES)[number], minor: number): string | undefined {
  const field = gate.fields.find((f) => !f.checkedBy)!;
  const availability = fieldAt(field.definition, field.field, minor, { value: field.value });
  if (availability.status === 'absent') return 'field-not-in-version';
  const state = gateAt(gate, minor);
  return state && !state.onByDefault && availability.status === 'present' ? 'field-behind-feature-gate' : undefined;
}

describe('feature gates: every gated field, at every target', () => {
  for (const gate of FEATURE_GATES.filter((g) => g.fields.some((f) => !f.checkedBy))) {
    it(`${gate.gate}`, () => {
      const sample = SAMPLES[gate.gate];
      assert.ok(sample, `add a sample manifest for ${gate.gate}`);
      for (const minor of MINORS) {
        const code = expected(gate, minor);
        assert.deepEqual(versionFindings(sample.text, minor), code ? [{ code, text: sample.key }] : [], `${gate.gate} at 1.${minor}`);
      }
      const on = gateOnByDefaultFrom(gate);
      if (on !== undefined && MINORS.includes(on) && MINORS.includes(on - 1)) {
        assert.deepEqual(versionFindings(sample.text, on), [], `clean at 1.${on}`);
        assert.equal(versionFindings(sample.text, on - 1).length, 1, `flagged at 1.${on - 1}`);
      }
    });
  }

  it('gates agree with the generated history: a gated field exists from the first stage of its gate', () => {
    const rows = new Map(fieldRows().map((r) => [`${r.definition}.${r.field}`, r]));
    for (const gate of FEATURE_GATES) {
      for (const field of gate.fields) {
        const row = rows.get(`${field.definition}.${field.field}`);
        const introduced = gateIntroduced(gate);
        if (!row) assert.ok(introduced <= 27 || field.definition === 'core.v1.Container', `${gate.gate}: ${field.field} is in 1.27 already, gate starts 1.${introduced}`);
        else if (field.field !== 'restartPolicy') assert.ok(introduced > row.lastWithout && introduced <= row.firstWith, `${gate.gate}: ${field.field} history ${row.lastWithout}→${row.firstWith}, gate from 1.${introduced}`);
      }
    }
  });
});

describe('served apiVersions: every edge inside 1.27–1.36', () => {
  for (const edge of servedEdges()) {
    const text = `apiVersion: ${edge.apiVersion}\nkind: ${edge.kind}\nmetadata:\n  name: x\n`;
    if (edge.lastServed !== undefined && MINORS.includes(edge.lastServed + 1)) {
      it(`${edge.apiVersion} ${edge.kind}: served at 1.${edge.lastServed}, removed at 1.${edge.lastServed + 1}`, () => {
        if (MINORS.includes(edge.lastServed!)) assert.deepEqual(versionFindings(text, edge.lastServed!), []);
        assert.deepEqual(versionFindings(text, edge.lastServed! + 1).map((f) => f.code), ['removed-api-version']);
      });
    }
    if (edge.firstServed !== undefined && MINORS.includes(edge.firstServed - 1)) {
      it(`${edge.apiVersion} ${edge.kind}: not yet at 1.${edge.firstServed - 1}, served from 1.${edge.firstServed}`, () => {
        assert.deepEqual(versionFindings(text, edge.firstServed!), []);
        assert.deepEqual(versionFindings(text, edge.firstServed! - 1).map((f) => f.code), ['api-version-not-served-yet']);
      });
    }
  }

  it('names the older apiVersion that the target serves, for the quick fix', () => {
    const text = 'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata:\n  name: x\n';
    const [finding] = lint(text, { kubernetesVersion: '1.28' }).filter((f) => f.code === 'api-version-not-served-yet');
    assert.equal(finding.data?.replacement, 'flowcontrol.apiserver.k8s.io/v1beta3');
    assert.match(finding.message, /not served by Kubernetes 1\.28 \(served from 1\.29\)/);
  });
});

describe('rules that follow a gate', () => {
  const cases = [
    { rule: 'restart-policy-on-app-container', gate: 'ContainerRestartRules', text: ruleFixture('restart-policy-on-app-container', 'bad') },
    { rule: 'init-restart-policy-value', gate: 'ContainerRestartRules', text: pod('  restartPolicy: Never\n  initContainers:\n    - name: once\n      image: busybox:1.36\n      restartPolicy: Never\n') },
    { rule: 'native-sidecar-unsupported-version', gate: 'SidecarContainers', text: ruleFixture('native-sidecar-unsupported-version', 'bad') },
  ];
  for (const { rule, gate, text } of cases) {
    it(`${rule} is clean from the minor ${gate} is on by default and reports the one before`, () => {
      const on = gateOnByDefaultFrom(FEATURE_GATES.find((g) => g.gate === gate)!)!;
      const of = (minor: number) => lint(text, { kubernetesVersion: `1.${minor}` }).filter((f) => f.code === rule);
      assert.deepEqual(of(on), []);
      assert.equal(of(on - 1).length, 1);
      assert.deepEqual(lint(text, { kubernetesVersion: `1.${on}` }).filter((f) => VERSION_CODES.includes(f.code)), []);
    });
  }
});

describe('quick fixes of the version codes', () => {
  it('removes a field the target lacks, keeping the rest of the file', () => {
    const text = SAMPLES.PodLevelResources.text;
    const settings = settingsFor({ kubernetesVersion: '1.31' });
    const run = actionsFor(text, 'field-not-in-version', settings);
    const fixed = applyAction(text, pick(run.actions, /Remove `resources`/));
    assert.equal(fixed, text.replace('  resources:\n    limits:\n      cpu: "1"\n', ''));
    assert.deepEqual(versionFindings(fixed, 31), []);
  });

  it('replaces an apiVersion the target does not serve yet with the one it serves', () => {
    const text = 'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata:\n  name: x\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n';
    const run = actionsFor(text, 'api-version-not-served-yet', settingsFor({ kubernetesVersion: '1.28' }));
    const fixed = applyAction(text, pick(run.actions, /flowcontrol\.apiserver\.k8s\.io\/v1beta3/));
    assert.ok(fixed.startsWith('apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\n'));
    assert.deepEqual(versionFindings(fixed, 28), []);
  });
});

describe('set the target version', () => {
  const cases = [
    { text: SAMPLES.PodLevelResources.text, code: 'field-not-in-version', at: '1.31', to: '1.34' },
    { text: SAMPLES.InPlacePodVerticalScaling.text, code: 'field-behind-feature-gate', at: '1.30', to: '1.33' },
    { text: 'apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  name: x\n', code: 'api-version-not-served-yet', at: '1.32', to: '1.33' },
  ];
  for (const { text, code, at, to } of cases) {
    it(`${code} at ${at} offers the client command with ${to}, where the manifest is clean`, () => {
      const run = actionsFor(text, code, settingsFor({ kubernetesVersion: at }), 0, { setVersionCommand: 'sidecar.setKubernetesVersion' });
      const action = pick(run.actions, new RegExp(`Set the target Kubernetes version to ${to.replace('.', '\\.')}$`));
      assert.deepEqual(action.command, { title: action.title, command: 'sidecar.setKubernetesVersion', arguments: [to] });
      assert.deepEqual(versionFindings(text, Number(to.split('.')[1])), []);
    });
  }
});
