import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/core/features/completion';
import { CONTAINER_SNIPPETS, MANIFEST_SNIPPETS, containerSnippetManifest, expandSnippet, renderSnippetFile } from '../../../server/src/core/features/snippets';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret, repoRoot, toCrlf } from '../helpers';

const service = createLanguageService();
// The newest version every rule knows about: native sidecars are GA there.
const settings = defaultSettings({ kubernetesVersion: '1.36' });

/** Findings that would show as an error or a warning, as readable lines. */
function loudFindings(text: string): string[] {
  return service.validator
    .validate(parseManifest(text), settings)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code}: ${f.message} at ${JSON.stringify(text.slice(f.start, f.end))}`);
}

function apply(text: string, item: CompletionItem): string {
  const file = parseManifest(text);
  const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]
    .map((e) => ({ start: file.lineIndex.offsetAt(e.range.start), end: file.lineIndex.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of edits) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

test('the snippet file is generated from the snippet table (run scripts/generate-snippets.mjs)', () => {
  const file = fs.readFileSync(path.join(repoRoot, 'snippets', 'kubernetes-sidecars.code-snippets'), 'utf8');
  assert.equal(file, renderSnippetFile());
  const parsed = JSON.parse(file) as Record<string, { prefix: string[]; body: string[] }>;
  assert.equal(Object.keys(parsed).length, MANIFEST_SNIPPETS.length + CONTAINER_SNIPPETS.length);
});

test('the snippet file is contributed for YAML in package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { snippets?: { language: string; path: string }[] } };
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'yaml', path: './snippets/kubernetes-sidecars.code-snippets' }]);
});

test('the table covers the sidecar patterns of the guides', () => {
  const ids = CONTAINER_SNIPPETS.map((s) => s.id);
  for (const id of ['fluent-bit', 'fluentd', 'filebeat', 'prometheus-exporter', 'envoy', 'oauth2-proxy', 'vault-agent', 'git-sync', 'cloud-sql-proxy']) assert.ok(ids.includes(id), id);
  const manifests = MANIFEST_SNIPPETS.map((s) => s.id);
  for (const id of ['pod-native-sidecar', 'deployment-native-sidecar', 'job-native-sidecar', 'multi-sidecar-pod']) assert.ok(manifests.includes(id), id);
});

for (const snippet of MANIFEST_SNIPPETS) {
  test(`manifest snippet "${snippet.label}" inserted into an empty file has no error or warning`, () => {
    const { text, offset } = caret('|');
    const item = complete(service, parseManifest(text), offset, settings).items.find((i) => i.label === snippet.label);
    assert.ok(item, 'offered at the top of an empty document');
    const result = expandSnippet(apply(text, item));
    assert.deepEqual(loudFindings(result), []);
    assert.deepEqual(loudFindings(toCrlf(result)), []);
  });
}

for (const snippet of CONTAINER_SNIPPETS) {
  test(`"${snippet.label}" as a whole pod (the static snippet file) has no error or warning`, () => {
    assert.deepEqual(loudFindings(expandSnippet(containerSnippetManifest(snippet))), []);
  });
}

const APP = `    - name: app
      image: nginx:1.27.5
      ports:
        - name: http
          containerPort: 8080
      readinessProbe:
        httpGet:
          path: /
          port: http
      livenessProbe:
        httpGet:
          path: /
          port: http
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          memory: 256Mi
      securityContext:
        runAsNonRoot: true
        allowPrivilegeEscalation: false`;

/** Pods to insert into: a caret where the new container goes, with and without volumes, 2 and 4 spaces. */
const HOSTS: Record<string, string> = {
  'initContainers item': `apiVersion: v1
kind: Pod
metadata:
  name: host
spec:
  initContainers:
    - |
  containers:
${APP}
`,
  'containers item (classic sidecar)': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: host
spec:
  selector:
    matchLabels:
      app: host
  template:
    metadata:
      labels:
        app: host
    spec:
      containers:
${APP.replace(/^/gm, '    ')}
        |
      volumes:
        - name: scratch
          emptyDir:
            sizeLimit: 1Mi
      initContainers:
        - name: prepare
          image: busybox:1.37.0
          command: ["sh", "-c", "echo ok > /scratch/ok"]
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
            limits:
              memory: 16Mi
          volumeMounts:
            - name: scratch
              mountPath: /scratch
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
`,
  '4-space flush initContainers': `apiVersion: v1
kind: Pod
metadata:
    name: host
spec:
    containers:
    - name: app
      image: nginx:1.27.5
      ports:
      - name: http
        containerPort: 8080
      readinessProbe:
          httpGet:
              path: /
              port: http
      livenessProbe:
          httpGet:
              path: /
              port: http
      resources:
          requests:
              cpu: 100m
              memory: 128Mi
          limits:
              memory: 256Mi
      securityContext:
          runAsNonRoot: true
          allowPrivilegeEscalation: false
    initContainers:
    - |
`,
};

for (const [host, template] of Object.entries(HOSTS)) {
  test(`host pod "${host}" is clean before insertion`, () => {
    const { text } = caret(template);
    const cleaned = text.replace(/^\s*- ?\n/m, '').replace(/^ +\n/m, '');
    const problems = loudFindings(cleaned).filter((p) => !p.startsWith('yaml-syntax'));
    assert.deepEqual(problems, []);
  });
  for (const snippet of CONTAINER_SNIPPETS) {
    test(`container snippet "${snippet.label}" completed into ${host} has no error or warning`, () => {
      const { text, offset } = caret(template);
      const item = complete(service, parseManifest(text), offset, settings).items.find((i) => i.label === snippet.label);
      assert.ok(item, 'offered in the containers list');
      const result = expandSnippet(apply(text, item));
      assert.equal(parseManifest(result).slots[0].document.problems.length, 0, result);
      assert.deepEqual(loudFindings(result), [], result);
    });
  }
}

const FOUR_SPACE_FILE = `apiVersion: v1
kind: ConfigMap
metadata:
    name: settings
    labels:
        team: web
data:
    mode: fast
---
|`;

for (const snippet of MANIFEST_SNIPPETS) {
  test(`manifest snippet "${snippet.label}" in a 4-space file follows its style and has no error or warning`, () => {
    const { text, offset } = caret(FOUR_SPACE_FILE);
    const item = complete(service, parseManifest(text), offset, settings).items.find((i) => i.label === snippet.label);
    assert.ok(item);
    const result = expandSnippet(apply(text, item));
    assert.match(result, /\nmetadata:\n {4}name: /);
    assert.deepEqual(loudFindings(result), [], result);
  });
}
