import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/core/features/hover';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret } from '../helpers';

const service = createLanguageService();

function hoverAt(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const file = parseManifest(text);
  const result = hover(service, file, offset, defaultSettings());
  const range = result?.range && { start: file.lineIndex.offsetAt(result.range.start), end: file.lineIndex.offsetAt(result.range.end) };
  return { markdown: result ? (result.contents as MarkupContent).value : '', text, range };
}

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    proxy.istio.io/config: '{}'
spec:
  template:
    metadata:
      labels:
        sidecar.istio.io/inject: "true"
      annotations:
        vault.hashicorp.com/agent-inject-secret-db: database/creds/migrate
        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"
        proxy.istio.io/config: '{"holdApplicationUntilProxyStarts": true}'
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: ghcr.io/example/migrate:3.2.0
`;

test('hover on an injector label: the reference sentence, values and source, over the key', () => {
  const { markdown, text, range } = hoverAt(JOB.replace('sidecar.istio.io/inject: "true"', 'sidecar.istio|.io/inject: "true"'));
  assert.match(markdown, /\*\*`sidecar\.istio\.io\/inject`\*\* — Istio label/);
  assert.match(markdown, /Specifies whether or not an Envoy sidecar should be automatically injected/);
  assert.match(markdown, /Values: `"true"`, `"false"`/);
  assert.match(markdown, /\[Source\]\(https:\/\/github\.com\/istio\/api\/blob\/[0-9a-f]{40}\/label\/labels\.yaml\)/);
  assert.doesNotMatch(markdown, /Checked against Kubernetes/, 'no schema `string` hover on top');
  assert.equal(text.slice(range?.start, range?.end), 'sidecar.istio.io/inject');
});

test('a prefix annotation names its row; a deprecated one says what replaces it; hover on the value works too', () => {
  const secret = hoverAt(JOB.replace('agent-inject-secret-db:', 'agent-inject-secret-d|b:')).markdown;
  assert.match(secret, /`vault\.hashicorp\.com\/agent-inject-secret-<name>`/);
  assert.match(secret, /The value is the path in Vault where the secret is located/);
  const native = hoverAt(JOB.replace('proxy-enable-native-sidecar: "true"', 'proxy-enable-native-sidecar: "tr|ue"'));
  assert.match(native.markdown, /\*\*Deprecated\*\*: deprecated in favour of `config\.linkerd\.io\/proxy-enable-native-sidecar`/);
  assert.match(native.markdown, /Since Linkerd 2\.15/);
  assert.equal(native.text.slice(native.range?.start, native.range?.end), '"true"');
});

test('not on the workload\'s own metadata (the injector reads the pod template), nor on an unknown key', () => {
  assert.doesNotMatch(hoverAt(JOB.replace("    proxy.istio.io/config: '{}'", "    proxy.istio|.io/config: '{}'")).markdown, /Istio annotation/);
  assert.doesNotMatch(hoverAt(JOB.replace('sidecar.istio.io/inject: "true"', 'sidecar.istio.io/inj|ect-typo: "true"')).markdown, /Istio/);
});

test('hover on a Namespace’s injection label and Linkerd annotation; none on a pod-only key there', () => {
  const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n  annotations:\n    linkerd.io/inject: enabled\n    vault.hashicorp.com/agent-inject: "true"\n';
  const istio = hoverAt(namespace.replace('istio-injection:', 'istio-inj|ection:')).markdown;
  assert.match(istio, /\*\*`istio-injection`\*\* — Istio label/);
  assert.match(istio, /explicitly marks it as not needing injection/);
  assert.match(istio, /mutatingwebhook\.yaml/);
  const linkerd = hoverAt(namespace.replace('linkerd.io/inject:', 'linkerd.io/inj|ect:')).markdown;
  assert.match(linkerd, /Linkerd annotation/);
  assert.match(linkerd, /Also read on a Namespace, for the pods in it/);
  assert.doesNotMatch(hoverAt(namespace.replace('vault.hashicorp.com/agent-inject:', 'vault.hashicorp.com/agent-inj|ect:')).markdown, /Vault/);
});
