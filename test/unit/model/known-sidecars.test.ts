import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import type { ContainerModel } from '../../../server/src/core/model/pod';
import { classifySidecar, commandLine } from '../../../server/src/core/model/known-sidecars';
import { imageRepository } from '../../../server/src/core/model/images';
import { podsOf } from '../../../server/src/core/model/pod';

/** The first container of a one-container pod written as YAML lines under `- `. */
function container(lines: string): ContainerModel {
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n${lines
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n`;
  const found = podsOf(parseManifest(text).slots[0].document)[0]?.containers[0];
  assert.ok(found, text);
  return found;
}

describe('imageRepository', () => {
  it('strips registry, tag, digest and library/', () => {
    assert.equal(imageRepository('docker.io/fluent/fluent-bit:3.1@sha256:abc'), 'fluent/fluent-bit');
    assert.equal(imageRepository('localhost:5000/team/envoy:v1'), 'team/envoy');
    assert.equal(imageRepository('library/alpine:3.20'), 'alpine');
    assert.equal(imageRepository('gcr.io/cloud-sql-connectors/cloud-sql-proxy'), 'cloud-sql-connectors/cloud-sql-proxy');
    assert.equal(imageRepository('Envoyproxy/Envoy'), 'envoyproxy/envoy');
  });
});

describe('classifySidecar', () => {
  const kind = (lines: string) => {
    const found = classifySidecar(container(lines));
    return found && `${found.kind}${found.longRunning ? '' : ' (one-shot)'}`;
  };

  it('knows helper images whatever the registry and tag', () => {
    assert.equal(kind('image: cr.fluentbit.io/fluent/fluent-bit:3.1'), 'log-shipper');
    assert.equal(kind('image: docker.elastic.co/beats/filebeat:8.14.0'), 'log-shipper');
    assert.equal(kind('image: timberio/vector:0.39.0-alpine'), 'log-shipper');
    assert.equal(kind('image: istio/proxyv2:1.22.0'), 'proxy');
    assert.equal(kind('image: envoyproxy/envoy:v1.30.1'), 'proxy');
    assert.equal(kind('image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0'), 'auth-proxy');
    assert.equal(kind('image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0'), 'db-proxy');
    assert.equal(kind('image: registry.k8s.io/git-sync/git-sync:v4.2.1'), 'git-sync');
    assert.equal(kind('image: otel/opentelemetry-collector-contrib:0.104.0'), 'collector');
    assert.equal(kind('image: prom/statsd-exporter:v0.26.0'), 'metrics-exporter');
    assert.equal(kind('image: oliver006/redis_exporter:v1.62.0'), 'metrics-exporter');
  });

  it('tells vault agent from vault server, and one-shot modes from long-running ones', () => {
    assert.equal(kind('image: hashicorp/vault:1.17\nargs: ["server"]'), undefined);
    assert.equal(kind('image: hashicorp/vault:1.17\nargs: ["agent", "-config=/etc/agent.hcl"]'), 'secrets-agent');
    assert.equal(kind('image: hashicorp/vault:1.17\nargs: ["agent", "-config=/etc/agent.hcl", "-exit-after-auth"]'), 'secrets-agent (one-shot)');
    assert.equal(kind('image: registry.k8s.io/git-sync/git-sync:v4.2.1\nargs: ["--one-time"]'), 'git-sync (one-shot)');
    assert.equal(kind('image: registry.k8s.io/git-sync/git-sync:v4.2.1\nenv:\n  - name: GITSYNC_ONE_TIME\n    value: "true"'), 'git-sync (one-shot)');
  });

  it('recognises never-ending commands, and not ordinary ones', () => {
    assert.equal(kind('image: alpine:3.20\ncommand: ["sh", "-c", "tail -F /opt/logs.txt"]'), 'unknown');
    assert.equal(kind('image: busybox:1.36\nargs:\n  - /bin/sh\n  - -c\n  - |\n    while true; do date; sleep 5; done'), 'unknown');
    assert.equal(kind('image: busybox:1.36\ncommand: ["sleep", "infinity"]'), 'unknown');
    assert.equal(kind('image: busybox:1.36\ncommand: ["sh", "-c", "tail -n 20 /var/log/x"]'), undefined);
    assert.equal(kind('image: busybox:1.36\ncommand: ["sleep", "30"]'), undefined);
  });

  it('does not call the usual main workloads sidecars', () => {
    for (const image of ['nginx:1.27', 'haproxy:2.9', 'redis:7', 'postgres:16', 'example/vectorizer:1.0', 'example/envoy-config-builder:1.0']) {
      assert.equal(kind(`image: ${image}`), undefined, image);
    }
  });

  it('reads command and args as one line, lists and scalars alike', () => {
    assert.equal(commandLine(container('image: a\ncommand: ["sh", "-c"]\nargs: "echo hi"')), 'sh -c echo hi');
  });
});
