import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../helpers';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'proxy-start-order';

describe(id, () => {
  it('underlines the name of a proxy that starts alongside the app', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.31' });
    assert.deepEqual(brief(found), [{ code: id, severity: 'info', text: 'envoy', line: 17 }]);
    assert.match(found[0].message, /On Kubernetes 1\.31 a native sidecar/);
    assert.equal(found[0].data?.sidecarKind, 'proxy');
  });

  it('applies only where native sidecars are on (1.29+)', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.28' }), []);
    assert.equal(underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.29' }).length, 1);
  });

  it('is silent for native proxies and for an auth proxy in front of the app', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('is silent for Jobs (job-classic-sidecar speaks there)', () => {
    const text = ruleFixture(id, 'bad').replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: batch/v1\nkind: Job');
    assert.deepEqual(underlines(text, id), []);
  });

  it('is silent where the proxy is the workload\'s product (Contour\'s envoy, an ingress gateway, Envoy Gateway)', () => {
    assert.deepEqual(underlines(readFixture('rules', id, 'proxy-is-the-product.yaml'), id), []);
    // The same envoy beside an app still gets the advice.
    assert.equal(underlines(ruleFixture(id, 'bad'), id).length, 1);
  });
});
