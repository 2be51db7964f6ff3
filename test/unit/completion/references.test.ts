import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appPod, completeAt, labels, pod, sorted } from './harness';

/* Values that name something declared elsewhere: the pod's volumes, named ports, ConfigMaps/Secrets and their keys, images. */

test('volumeMounts name offers the volumes of the same pod', () => {
  const { list } = completeAt(appPod(`      volumeMounts:
        - name: |
  volumes:
    - name: logs
      emptyDir: {}
    - name: config
      configMap:
        name: app-config
---
apiVersion: v1
kind: Pod
metadata:
  name: other
spec:
  containers:
    - name: app
      image: nginx:1.27.5
  volumes:
    - name: elsewhere
      emptyDir: {}
`));
  assert.deepEqual(labels(list), ['logs', 'config']);
});

test('a probe port offers the container named ports', () => {
  const { list } = completeAt(appPod(`      ports:
        - name: http
          containerPort: 8080
        - name: admin
          containerPort: 9000
      livenessProbe:
        httpGet:
          path: /
          port: |
`));
  assert.deepEqual(labels(list), ['http', 'admin']);
});

test('configMapKeyRef name offers ConfigMaps of other documents only', () => {
  const { list } = completeAt(`apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  mode: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: |
`);
  assert.deepEqual(labels(list), ['app-settings']);
  const none = completeAt(appPod(`      env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: |
`)).list;
  assert.deepEqual(labels(none), []);
});

test('configMapKeyRef key offers the data keys of the ConfigMap it names', () => {
  const { list } = completeAt(appPod(`      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: app-settings
              key: |
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  mode: fast
  level: info
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
data:
  unrelated: x
`));
  assert.deepEqual(labels(list), ['mode', 'level']);
});

test('image of a container named like a log shipper suggests pinned log-shipper images first', () => {
  const { list } = completeAt(pod(`  initContainers:
    - name: log-shipper
      image: |
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:1.27.5
`));
  const first = sorted(list)[0];
  assert.match(first, /^fluent\/fluent-bit:\d+\.\d+\.\d+$/);
  assert.ok(labels(list).some((l) => l.startsWith('envoyproxy/envoy:v1.')));
  const proxy = completeAt(pod(`  containers:
    - name: auth
      image: |
`)).list;
  assert.match(sorted(proxy)[0], /^quay\.io\/oauth2-proxy\/oauth2-proxy:v7\./);
});

test('an exporter image follows the server next to it', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: mysql
      image: mysql:8.4.5
    - name: metrics-exporter
      image: |
`);
  assert.match(sorted(list)[0], /^prom\/mysqld-exporter:v/);
});
