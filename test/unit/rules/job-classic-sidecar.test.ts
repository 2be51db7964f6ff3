import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../helpers';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'job-classic-sidecar';

const pod = (containers: string, restartPolicy = 'Never') => `apiVersion: v1
kind: Pod
metadata:
  name: task
spec:
  restartPolicy: ${restartPolicy}
  containers:
${containers}`;

describe(id, () => {
  it('points at the long-running helper of a CronJob, by its name', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'cloud-sql-proxy', line: 16 }]);
    assert.match(found[0].message, /never completes/);
    assert.match(found[0].message, /initContainers` with `restartPolicy: Always`/);
    assert.equal(found[0].data?.sidecarKind, 'db-proxy');
    assert.deepEqual(found[0].data?.containerPath, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 1]);
  });

  it('is silent when the helper is a native sidecar and the other containers finish', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('flags command-based helpers in a run-to-completion Pod', () => {
    const text = pod(`    - name: work
      image: example/work:1.0
    - name: tailer
      image: busybox:1.36
      command: ["sh", "-c", "tail -f /var/log/work.log"]
`);
    assert.deepEqual(brief(underlines(text, id)), [{ code: id, severity: 'warning', text: 'tailer', line: 10 }]);
  });

  it('never flags the only container, nor a pod where every container looks long-running', () => {
    assert.deepEqual(underlines(pod(`    - name: shipper
      image: fluent/fluent-bit:3.1
`), id), []);
    assert.deepEqual(underlines(pod(`    - name: a
      image: busybox:1.36
      command: ["sh", "-c", "while true; do date; sleep 1; done"]
    - name: b
      image: fluent/fluent-bit:3.1
`), id), []);
  });

  it('ignores long-running pods and one-shot helpers', () => {
    const helpers = `    - name: work
      image: example/work:1.0
    - name: shipper
      image: fluent/fluent-bit:3.1
`;
    assert.deepEqual(underlines(pod(helpers, 'Always'), id), []);
    assert.deepEqual(underlines(pod(`    - name: work
      image: example/work:1.0
    - name: sync
      image: registry.k8s.io/git-sync/git-sync:v4.2.1
      args: ["--one-time"]
`), id), []);
  });

  it('suggests something else than native sidecars on clusters without them', () => {
    const [finding] = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.27' });
    assert.match(finding.message, /from Kubernetes 1\.29/);
  });

  it('reports a helper the app stops itself (/quitquitquit, shared process namespace) as info, naming the mechanism', () => {
    const found = underlines(readFixture('rules', id, 'stopped-by-app.yaml'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'info', text: 'cloud-sql-proxy', line: 15 },
      { code: id, severity: 'info', text: 'shipper', line: 32 },
      // cloud-sql-proxy serves /quitquitquit only with --quitquitquit: this Job never completes.
      { code: id, severity: 'warning', text: 'cloud-sql-proxy', line: 47 },
    ]);
    assert.match(found[0].message, /completes only because the app calls its `\/quitquitquit` endpoint/);
    assert.match(found[1].message, /`shareProcessNamespace: true` and the app kills it/);
    assert.equal(found[1].data?.stopMechanism, '`shareProcessNamespace: true` and the app kills it');
    assert.match(found[2].message, /never completes/);
  });
});
