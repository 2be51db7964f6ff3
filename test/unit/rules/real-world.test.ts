import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { fixturesDir, readFixture } from '../helpers';
import { lint } from './rule-kit';

/**
 * Public real-world manifests (kubernetes/examples, kube-prometheus and cloud-sql-proxy, Apache-2.0; the kubernetes/website
 * tutorial, CC-BY-4.0),
 * each unchanged or with one mistake people make, and exactly what the API server would say: every error and
 * warning, its code, the underlined text and its line and column. The licence notice heads every file.
 */
const CASES: { file: string; expected: [code: string, text: string, line: number, column: number][]; hasSidecar?: boolean }[] = [
  // False-positive classes: a switch is no secret, an app container is no "sidecar".
  { file: 'mysql-statefulset.yaml', expected: [] },
  // The app stops its classic sidecar through /quitquitquit: job-classic-sidecar is info (asserted below).
  { file: 'cloudsql-job-quitquitquit.yaml', expected: [], hasSidecar: true },
  // Well kept (resources and securityContext on every container): nothing above info, see below.
  { file: 'kube-prometheus-blackbox-exporter.yaml', expected: [] },
  // Misses.
  { file: 'names-guestbook-frontend.yaml', expected: [['invalid-name', 'php_redis', 20, 15], ['invalid-name', 'http-frontend-web', 35, 17]] },
  { file: 'unknown-kind-guestbook-frontend.yaml', expected: [['unknown-kind', 'Deploymnet', 4, 7]] },
  { file: 'selector-mismatch-redis-master.yaml', expected: [['selector-mismatch', 'labels', 16, 7]] },
  { file: 'port-and-policy-redis-master.yaml', expected: [['invalid-port', '"6379"', 30, 19], ['invalid-restart-policy', 'OnFailure', 33, 22]] },
  { file: 'quantity-cassandra.yaml', expected: [['invalid-quantity', '1GB', 37, 21]] },
  { file: 'host-network-javaweb.yaml', expected: [['host-network-port', '8001', 25, 21]] },
  { file: 'ephemeral-javaweb.yaml', expected: [['ephemeral-containers-on-create', 'ephemeralContainers', 25, 3]] },
  {
    file: 'image-whitespace-mysql.yaml',
    expected: [['invalid-image-name', '"mysql:latest "', 13, 14], ['secret-in-env', '"mysql"', 18, 18], ['secret-in-env', '"supersecret"', 22, 18]],
  },
  { file: 'list-guestbook.yaml', expected: [['invalid-name', 'Master', 41, 17]] },
  // Minified JSON is validated (the nesting estimate closes brackets), with exact columns on the one line.
  { file: 'json-one-line-guestbook-frontend.yaml', expected: [['invalid-name', '"frontend_http"', 4, 464]] },
  // Aliases resolve: `name: *app` names the volume, `resources: *small` states the tomcat's resources.
  { file: 'aliases-javaweb.yaml', expected: [] },
  // --host=127.0.0.1 --port=5432 in a migration listed before the proxy that serves 5432.
  { file: 'init-before-sidecar-cloudsql.yaml', expected: [['init-container-before-sidecar', 'migrate', 18, 17]], hasSidecar: true },
];

/** The rules that weigh practice, not API validity: their counts are the noise measure (scripts/corpus-report.mjs). */
const PRACTICE = new Set(['missing-probes', 'missing-resources', 'image-tag', 'emptydir-size-limit']);

describe('real-world manifests: exactly what the API server says, nothing else', () => {
  it('every fixture in test/fixtures/real-world has a case and a licence notice', () => {
    const files = fs.readdirSync(path.join(fixturesDir, 'real-world')).filter((f) => f.endsWith('.yaml'));
    assert.deepEqual(files.sort(), CASES.map((c) => c.file).sort());
    for (const file of files) assert.match(readFixture('real-world', file).split('\n').slice(0, 3).map((line, i) => (i ? line.replace(/^# /, '') : line)).join(' '), /^# (From|Adapted from) .*(Apache-2\.0|CC-BY-4\.0),? © /, file);
  });

  it('a Job whose app calls the proxy\'s /quitquitquit gets job-classic-sidecar as info, naming the mechanism', () => {
    const text = readFixture('real-world', 'cloudsql-job-quitquitquit.yaml');
    const lines = parseManifest(text).lineIndex;
    const found = lint(text).filter((f) => f.code === 'job-classic-sidecar');
    assert.deepEqual(
      found.map((f) => [f.severity, text.slice(f.start, f.end), lines.positionAt(f.start).line + 1, lines.positionAt(f.start).character + 1]),
      [['info', 'cloud-sql-proxy', 61, 17]],
    );
    assert.match(found[0].message, /quitquitquit/);
  });

  it('aliases count as what they name: no undefined-volume, and the aliased resources satisfy missing-resources', () => {
    const text = readFixture('real-world', 'aliases-javaweb.yaml');
    assert.deepEqual(lint(text).filter((f) => ['undefined-volume', 'unused-volume', 'missing-resources', 'duplicate-container-name'].includes(f.code)), []);
  });

  it('a well-kept kube-prometheus workload gets no warning at all with default settings', () => {
    const text = readFixture('real-world', 'kube-prometheus-blackbox-exporter.yaml');
    assert.deepEqual(lint(text).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.code), []);
  });

  for (const { file, expected, hasSidecar } of CASES) {
    it(file, () => {
      const text = readFixture('real-world', file);
      const lines = parseManifest(text).lineIndex;
      const found = lint(text)
        .filter((f) => !PRACTICE.has(f.code) && (f.severity === 'error' || f.severity === 'warning'))
        .map((f) => {
          const at = lines.positionAt(f.start);
          return [f.code, text.slice(f.start, f.end), at.line + 1, at.character + 1];
        })
        .sort((a, b) => Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]));
      assert.deepEqual(found, expected);
      // No container of these pods is a helper beside an app: no message may call one a sidecar.
      if (!hasSidecar) for (const finding of lint(text)) assert.doesNotMatch(finding.message, /[Ss]idecar "|keep sidecars/, `${file}: ${finding.message}`);
    });
  }
});
