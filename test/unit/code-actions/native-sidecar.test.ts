import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { codeActions } from '../../../server/src/core/features/code-actions';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { caret, readFixture } from '../helpers';
import { URI, actionsFor, applyAction, assertCommentsSurvive, assertRevalidatesClean, diagnosticsOf, pick, service, settingsFor } from './harness';
import { diagnosticsAt } from '../../../server/src/lsp/code-actions';
import { ClientCommands } from '../../../server/src/protocol';

/** The refactorings offered with the cursor at `|`. */
function refactoringsAt(textWithCaret: string, only?: string[]) {
  const { text, offset } = caret(textWithCaret);
  const file = parseManifest(text);
  return { text, actions: codeActions(service(), file, { start: offset, end: offset }, [], settingsFor(), { uri: URI, only }).actions };
}

describe('convert to native sidecar', () => {
  it("turns the Kubernetes docs' legacy Job into the docs' native Job", () => {
    const legacy = readFixture('k8s-docs', 'job-legacy.yaml');
    const run = actionsFor(legacy, 'job-classic-sidecar');
    const action = pick(run.actions, /Convert "logshipper" to a native sidecar/);
    assert.equal(action.isPreferred, true);
    const output = applyAction(legacy, action);
    assert.equal(output, readFixture('code-actions', 'expected', 'k8s-docs-job--native.yaml'));
    // Same object as the docs' own native version (which lists initContainers after containers).
    assert.deepEqual(parse(output), parse(readFixture('k8s-docs', 'job-native.yaml')));
    const after = assertRevalidatesClean(run, output);
    assert.ok(!after.some((d) => d.code === 'job-classic-sidecar'));
  });

  it('puts the sidecar before the first regular init container that reads what it writes', () => {
    const input = readFixture('code-actions', 'pod-secrets-agent.yaml');
    const run = actionsFor(input, 'proxy-start-order');
    const output = applyAction(input, pick(run.actions, /native sidecar/));
    assert.equal(output, readFixture('code-actions', 'expected', 'pod-secrets-agent--native-vault.yaml'));
    const names = (parse(output) as { spec: { initContainers: { name: string }[] } }).spec.initContainers.map((c) => c.name);
    assert.deepEqual(names, ['setup', 'vault-agent', 'fetch-report']);
    assertRevalidatesClean(run, output);
    assertCommentsSurvive(input, output);
  });

  it('fills an empty flow list `initContainers: []`', () => {
    const input = readFixture('code-actions', 'init-empty-list.yaml');
    const run = actionsFor(input, 'job-classic-sidecar');
    const output = applyAction(input, pick(run.actions, /native sidecar/));
    assert.equal(output, readFixture('code-actions', 'expected', 'init-empty-list--native-proxy.yaml'));
    assertRevalidatesClean(run, output);
  });

  it('is not offered where the cluster has no native sidecars', () => {
    const run = actionsFor(readFixture('k8s-docs', 'job-legacy.yaml'), 'job-classic-sidecar', settingsFor({ kubernetesVersion: '1.27' }));
    assert.deepEqual(run.actions.filter((a) => /native sidecar/.test(a.title)), []);
    const gated = actionsFor(readFixture('k8s-docs', 'job-legacy.yaml'), 'job-classic-sidecar', settingsFor({ kubernetesVersion: '1.28' }));
    assert.match(pick(gated.actions, /native sidecar/).title, /SidecarContainers feature gate/);
  });

  it('is a refactoring on any extra container, never on the first or only one', () => {
    const pod = (at: 'first' | 'second') =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: ${at === 'first' ? 'a|pp' : 'app'}\n      image: app:1.0.0\n    - name: ${at === 'second' ? 'help|er' : 'helper'}\n      image: helper:1.0.0\n`;
    const second = refactoringsAt(pod('second'));
    const action = pick(second.actions, /Convert "helper" to a native sidecar/);
    assert.equal(action.kind, 'refactor.rewrite');
    assert.equal(action.diagnostics, undefined);
    assert.equal(
      applyAction(second.text, action),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: helper\n      image: helper:1.0.0\n      restartPolicy: Always\n  containers:\n    - name: app\n      image: app:1.0.0\n',
    );
    assert.ok(!refactoringsAt(pod('first')).actions.some((a) => /native sidecar/.test(a.title)));
    const only = refactoringsAt('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a|pp\n      image: app:1.0.0\n');
    assert.ok(!only.actions.some((a) => /native sidecar/.test(a.title)));
  });

  it('honours the kinds the client asks for', () => {
    const text = readFixture('code-actions', 'multi-document.yaml');
    const file = parseManifest(text);
    const diagnostics = diagnosticsOf(file, settingsFor()).filter((d) => d.code === 'job-classic-sidecar');
    const offset = file.lineIndex.offsetAt(diagnostics[0].range.start);
    const ask = (only?: string[]) =>
      codeActions(service(), file, { start: offset, end: offset }, diagnosticsAt(file.lineIndex, diagnostics), settingsFor(), { uri: URI, only, sharedVolumeCommand: ClientCommands.addSharedVolume }).actions.map((a) => a.kind);
    assert.deepEqual([...new Set(ask(['quickfix']))], ['quickfix']);
    assert.deepEqual([...new Set(ask(['refactor']))], ['refactor.rewrite']);
    assert.deepEqual([...new Set(ask())].sort(), ['quickfix', 'refactor.rewrite']);
  });
});

describe('convert to classic sidecar', () => {
  it('undoes the native conversion exactly, comments included', () => {
    const input = readFixture('code-actions', 'multi-document.yaml');
    const run = actionsFor(input, 'job-classic-sidecar');
    const native = applyAction(input, pick(run.actions, /native sidecar/));
    const at = native.indexOf('name: logshipper') + 'name: log'.length;
    const back = refactoringsAt(native.slice(0, at) + '|' + native.slice(at));
    const action = pick(back.actions, /Convert "logshipper" to a classic sidecar/);
    assert.equal(action.kind, 'refactor.rewrite');
    assert.equal(applyAction(native, action), input);
  });

  it('is the fix for a native sidecar on a cluster that predates them, and removes the emptied initContainers', () => {
    const native = readFixture('k8s-docs', 'job-native.yaml');
    const settings = settingsFor({ kubernetesVersion: '1.27' });
    const run = actionsFor(native, 'native-sidecar-unsupported-version', settings);
    const output = applyAction(native, pick(run.actions, /classic sidecar/));
    assert.equal(output, readFixture('code-actions', 'expected', 'k8s-docs-job--classic.yaml'));
    assert.ok(!output.includes('initContainers') && !output.includes('restartPolicy: Always'));
    assertRevalidatesClean(run, output, settings);
  });
});
