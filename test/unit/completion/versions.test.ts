import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/core/features/completion';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret } from '../helpers';

const service = createLanguageService();

function at(textWithCaret: string, kubernetesVersion: string): CompletionList {
  const { text, offset } = caret(textWithCaret);
  return complete(service, parseManifest(text), offset, defaultSettings({ kubernetesVersion }), { snippets: false });
}
const labels = (list: CompletionList) => list.items.map((i) => i.label);
const detail = (list: CompletionList, label: string) => list.items.find((i) => i.label === label)?.detail;

const POD_SPEC = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  |\n  containers:\n    - name: app\n      image: nginx:1.27\n';
const CONTAINER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      |\n';

test('keys follow the target: no field the target lacks, gated ones marked', () => {
  assert.ok(!labels(at(POD_SPEC, '1.31')).includes('resources'), 'pod-level resources: added in 1.32');
  assert.match(detail(at(POD_SPEC, '1.32'), 'resources') ?? '', /alpha in 1\.32, off by default/);
  assert.doesNotMatch(detail(at(POD_SPEC, '1.34'), 'resources') ?? '', /off by default/);
  assert.match(detail(at(CONTAINER, '1.32'), 'resizePolicy') ?? '', /alpha in 1\.32, off by default/);
  assert.ok(!labels(at(CONTAINER, '1.33')).includes('restartPolicyRules'));
});

test('no app-container restartPolicy before ContainerRestartRules is on by default; no status at the top', () => {
  assert.ok(!labels(at(CONTAINER, '1.34')).includes('restartPolicy'));
  assert.ok(labels(at(CONTAINER, '1.35')).includes('restartPolicy'));
  assert.ok(!labels(at('apiVersion: v1\nkind: Pod\n|\n', '1.34')).includes('status'));
});

test('values fit the workload and the target', () => {
  const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: |\n      containers:\n        - name: a\n          image: busybox:1.36\n';
  assert.deepEqual(labels(at(job, '1.34')).sort(), ['Never', 'OnFailure']);
  const deployment = job.replace('batch/v1', 'apps/v1').replace('kind: Job', 'kind: Deployment');
  assert.deepEqual(labels(at(deployment, '1.34')), ['Always']);
  const init = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: i\n      image: busybox:1.36\n      restartPolicy: |\n  containers:\n    - name: a\n      image: busybox:1.36\n';
  assert.deepEqual(labels(at(init, '1.34')), ['Always']);
  assert.deepEqual(labels(at(init, '1.35')), ['Always', 'OnFailure', 'Never']);
  assert.deepEqual(labels(at(init, '1.27')), []);
});
