import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../helpers';
import { fixed } from '../rules/api-kit';
import { brief, underlines } from '../rules/rule-kit';

const id = 'unknown-kind';

describe(id, () => {
  it('reports kinds a built-in apiVersion does not serve, with a did-you-mean or the serving apiVersion', () => {
    const found = underlines(readFixture('codes', id, 'bad.yaml'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: 'Deploymnet', line: 3 },
      { code: id, severity: 'error', text: 'pod', line: 8 },
      { code: id, severity: 'error', text: 'apps/v1', line: 12 },
      { code: id, severity: 'error', text: 'PodSecurityPolicy', line: 18 },
    ]);
    assert.equal(found[0].message, 'no matches for kind "Deploymnet" in version "apps/v1": did you mean Deployment?');
    assert.equal(found[1].message, 'no matches for kind "pod" in version "v1": did you mean Pod?');
    assert.equal(found[2].message, 'no matches for kind "CronJob" in version "apps/v1": CronJob is served by batch/v1.');
    assert.match(found[3].message, /^no matches for kind "PodSecurityPolicy" in version "policy\/v1": the last apiVersion of PodSecurityPolicy, policy\/v1beta1, was removed in Kubernetes 1\.25\./);
  });

  it('accepts List kinds, custom resources and versions the schemas do not list in full', () => {
    assert.deepEqual(underlines(readFixture('codes', id, 'good.yaml'), id), []);
  });

  it('fixes the kind, and the apiVersion with it', () => {
    const text = readFixture('codes', id, 'bad.yaml');
    assert.match(fixed(text, id, /Change kind to Deployment/), /^kind: Deployment$/m);
    assert.match(fixed(text, id, /Change to batch\/v1 CronJob/, 2), /^apiVersion: batch\/v1\nkind: CronJob$/m);
  });
});
