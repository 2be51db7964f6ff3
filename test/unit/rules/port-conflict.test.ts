import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'port-conflict';

const pod = (initContainers: string, containers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
${initContainers}
  containers:
${containers}
`;

describe(id, () => {
  it('underlines the second declaration of a port a native sidecar already holds', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: '9102', line: 17 }]);
    assert.match(found[0].message, /"metrics" and "web" both declare port 9102\/TCP/);
    assert.equal(found[0].data?.otherContainer, 'metrics');
  });

  it('lets regular init containers reuse ports of later containers, and protocols differ', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('flags a regular init container that reuses the port of a native sidecar started before it', () => {
    const text = pod(
      `    - name: proxy
      image: envoyproxy/envoy:v1.30.1
      restartPolicy: Always
      ports:
        - containerPort: 15001
    - name: check
      image: busybox:1.36
      ports:
        - containerPort: 15001`,
      `    - name: app
      image: example/app:1.0`,
    );
    assert.deepEqual(brief(underlines(text, id)), [{ code: id, severity: 'error', text: '15001', line: 15 }]);
  });

  it('does not pair two regular init containers, nor an init container with a sidecar started after it', () => {
    const text = pod(
      `    - name: one
      image: busybox:1.36
      ports:
        - containerPort: 80
    - name: two
      image: busybox:1.36
      ports:
        - containerPort: 80
    - name: proxy
      image: envoyproxy/envoy:v1.30.1
      restartPolicy: Always
      ports:
        - containerPort: 80`,
      `    - name: app
      image: example/app:1.0`,
    );
    assert.deepEqual(underlines(text, id), []);
  });

  it('treats a missing protocol as TCP and reports duplicate host ports', () => {
    const text = pod(
      `    - name: proxy
      image: envoyproxy/envoy:v1.30.1
      restartPolicy: Always
      ports:
        - containerPort: 8443
          hostPort: 443`,
      `    - name: app
      image: example/app:1.0
      ports:
        - containerPort: 8443
          protocol: TCP
        - containerPort: 9443
          hostPort: 443`,
    );
    assert.deepEqual(brief(underlines(text, id)), [
      { code: id, severity: 'error', text: '8443', line: 17 },
      { code: id, severity: 'error', text: '443', line: 20 },
    ]);
  });
});
