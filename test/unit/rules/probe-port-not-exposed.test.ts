import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'probe-port-not-exposed';

describe(id, () => {
  it('underlines a probe port name the container does not declare, with the declared names as data', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'htp', line: 17 }]);
    assert.match(found[0].message, /Did you mean "http"\?/);
    assert.deepEqual(found[0].data?.declaredPorts, ['http', 'admin']);
    assert.equal(found[0].data?.suggestion, 'http');
  });

  it('accepts declared names, numbers and digit strings', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('checks lifecycle hooks and native sidecars, against their own ports', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30.1
      restartPolicy: Always
      startupProbe:
        tcpSocket:
          port: http
  containers:
    - name: web
      image: example/web:1.0
      ports:
        - name: http
          containerPort: 8080
      lifecycle:
        preStop:
          httpGet:
            path: /drain
            port: admin
`;
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'http', line: 12 },
      { code: id, severity: 'warning', text: 'admin', line: 23 },
    ]);
    assert.match(found[0].message, /declares no named ports/);
  });
});
