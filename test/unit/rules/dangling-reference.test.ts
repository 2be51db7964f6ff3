import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'dangling-reference';

describe(id, () => {
  it('warns at a name the namespace does not define, with the closest defined name; optional is info', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'web-credentials', line: 23 },
      { code: id, severity: 'info', text: 'extras', line: 37 },
      { code: id, severity: 'warning', text: 'fluent-bit-confg', line: 34 },
    ].sort((a, b) => a.line - b.line));
    assert.match(found[0].message, /Secret "web-credentials" is not defined in namespace "shop" of the workspace, which defines Secret "db-credentials" there\. Did you mean "db-credentials"\?/);
    assert.equal(found[1].data?.suggestion, 'fluent-bit-config');
    assert.match(found[2].message, /optional: the pod starts without it/);
  });

  it('is silent for kinds the workspace does not define, and in other namespaces', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  containers: [{name: c, image: i, envFrom: [{configMapRef: {name: x}}]}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: y, namespace: b}\n';
    assert.deepEqual(underlines(text, id), []);
  });

  it('checks an Ingress backend port against the Service ports', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: htp}}}}
          - {path: /a, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /b, pathType: Prefix, backend: {service: {name: wbe, port: {number: 80}}}}
`;
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'htp', line: 15 },
      { code: id, severity: 'warning', text: 'wbe', line: 17 },
    ]);
    assert.match(found[0].message, /^Service "web" has no port named "htp"; its ports are 80 \("http"\)\. Did you mean "http"\?/);
  });

  it('resolves HPA targets by their kind, and cluster-scoped PriorityClasses across namespaces', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      priorityClassName: hihg
      containers: [{name: web, image: web}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: webb}
  maxReplicas: 3
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
`;
    assert.deepEqual(brief(underlines(text, id)), [
      { code: id, severity: 'warning', text: 'hihg', line: 9 },
      { code: id, severity: 'warning', text: 'webb', line: 16 },
    ]);
    assert.match(underlines(text, id)[0].message, /PriorityClass "hihg" is not defined in the cluster/);
  });

  it('never flags objects every cluster has: bootstrap ClusterRoles, system PriorityClasses, the default ServiceAccount', () => {
    const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: delegator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}
subjects: [{kind: ServiceAccount, name: default, namespace: default}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: mine}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: other}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  priorityClassName: system-node-critical
  containers: [{name: c, image: i}]
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: 1
`;
    assert.deepEqual(underlines(text, id), []);
    assert.deepEqual(underlines(text.replace('system:auth-delegator', 'viewer'), id).map((f) => f.text), ['viewer']);
  });

  it('honours a suppression comment and a level from the settings', () => {
    const text = ruleFixture(id, 'bad').replace('            name: fluent-bit-confg', '            name: fluent-bit-confg # sidecar-lint-disable-line dangling-reference');
    assert.deepEqual(underlines(text, id).map((f) => f.text), ['web-credentials', 'extras']);
    assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { rules: { [id]: 'error' } }).map((f) => f.severity), ['error', 'error', 'error']);
    assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { rules: { [id]: 'off' } }), []);
  });
});
