import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesIn } from '../../../server/src/core/rules';
import { readFixture } from '../helpers';
import { brief, lint, underlines } from './rule-kit';

// Realistic manifests of common sidecar setups (Cloud SQL proxy, Istio, Vault injector, Contour, PgBouncer,
// git-sync): the sidecar rules must say exactly this and nothing else — these are the false-positive traps.
const sidecarRuleIds = rulesIn('native-sidecars', 'network', 'identity').map((rule) => rule.id);

const expected: Record<string, { code: string; severity: string; text: string; line: number }[]> = {
  'cloudsql-legacy': [{ code: 'proxy-start-order', severity: 'info', text: 'cloud-sql-proxy', line: 26 }],
  'cloudsql-native': [],
  // istio-init runs the proxyv2 image once (istio-iptables): not a long-running init container.
  'istio-injected-job': [{ code: 'job-classic-sidecar', severity: 'warning', text: 'istio-proxy', line: 24 }],
  'istio-native-sidecar': [],
  // vault-agent-init pre-populates the secrets, so the classic vault-agent beside the app is not a start-order risk.
  'vault-injected': [],
  // envoy is the workload of the "envoy" DaemonSet, not a sidecar of shutdown-manager.
  'contour-envoy': [],
  // pgbouncer and its exporter: no app container.
  pgbouncer: [],
  'git-sync-init': [{ code: 'long-running-init-container', severity: 'warning', text: 'git-sync', line: 16 }],
};

describe('common sidecar setups', () => {
  for (const [name, findings] of Object.entries(expected)) {
    it(`${name}: ${findings.length ? findings.map((f) => f.code).join(', ') : 'no sidecar finding'}, no error`, () => {
      const text = readFixture('sidecar-patterns', `${name}.yaml`);
      assert.deepEqual(brief(underlines(text, sidecarRuleIds)), findings);
      assert.deepEqual(lint(text).filter((f) => f.severity === 'error').map((f) => f.code), []);
    });
  }
});
