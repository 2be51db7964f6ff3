import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'missing-probes';

describe(id, () => {
  it('underlines long-running containers and native sidecars without readiness or liveness probes', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'info', text: 'proxy', line: 17 },
      { code: id, severity: 'info', text: 'web', line: 23 },
      // A native sidecar of a Job runs for the Job's whole life; the Job's own container is not asked for probes.
      { code: id, severity: 'info', text: 'proxy', line: 41 },
    ]);
    assert.match(found[0].message, /^Native sidecar "proxy" has no readinessProbe or livenessProbe: a hung sidecar is never restarted/);
    assert.deepEqual(found[0].data?.ports, [15000]);
    assert.equal(found[1].data?.hasStartupProbe, true);
    assert.equal(found[2].data?.hasStartupProbe, true);
  });

  it('is satisfied by either probe and skips init containers and Jobs', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
