import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { compileKindSchema, type CustomKindSource } from '../../../server/src/core/schema/index';
import { defaultSettings } from '../../../server/src/core/settings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';
import { caret, readFixture, slice } from '../helpers';
import { actionsFor, applyAction, pick } from '../code-actions/harness';

const folder = (name: string) => readFixture('custom-resources', 'crd-folder', name);
const settings = defaultSettings();

/** code, underlined text and message of a file's findings. */
function brief(service: ReturnType<typeof createLanguageService>, text: string, index?: WorkspaceIndex, uri?: string): [string, string, string][] {
  const file = index && uri ? index.fileOf(uri) : parseManifest(text);
  assert.ok(file);
  return service.validate(file, settings, undefined, uri, { workspace: index }).map((f) => [f.code, slice(file.text, f), f.message]);
}

/** The documents (comments dropped) as the items of a List, each indented under `items:`. */
function asList(apiVersion: string, kind: string, documents: string[]): string {
  const items = documents.map((text) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    return lines.map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)).join('\n');
  });
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nitems:\n${items.join('\n')}\n`;
}

function workspace(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.set(uri, parseManifest(text));
  return index;
}

describe('a custom resource of a CRD defined in the same folder is validated by it', () => {
  const service = createLanguageService();

  it('the bad resource: unknown fields with suggestions, types, enums, required fields, a version not served', () => {
    const index = workspace({ 'crd.yaml': folder('crd.yaml'), 'bad.yaml': folder('backup-bad.yaml') });
    assert.deepEqual(brief(service, '', index, 'bad.yaml'), [
      ['unknown-field', 'lables', 'Unknown field "lables" in ObjectMeta. Did you mean "labels"?'],
      ['unknown-field', 'schedul', 'Unknown field "schedul" in Backup.spec. Did you mean "schedule"?'],
      ['invalid-type', '"4"', 'keepLast must be an integer, got the string "4"'],
      ['missing-required-field', 'target', 'Missing required field "name" in Backup.spec.target.'],
      ['invalid-enum', 'Volume', 'Invalid value "Volume" for kind. Allowed values: PersistentVolumeClaim, Database.'],
      ['missing-required-field', 'command', 'Missing required field "name" in Backup.spec.hooks[0].'],
      ['missing-required-field', 'jobTemplate', 'Missing required field "apiVersion" in Backup.spec.jobTemplate.'],
      ['missing-required-field', 'jobTemplate', 'Missing required field "kind" in Backup.spec.jobTemplate.'],
      [
        'unknown-kind',
        'storage.example.com/v1alpha1',
        'no matches for kind "Backup" in version "storage.example.com/v1alpha1": the CustomResourceDefinition backups.storage.example.com serves storage.example.com/v1.',
      ],
    ]);
  });

  it('the good resource is clean: null in a nullable field, int-or-string, preserved and embedded objects, maps', () => {
    const index = workspace({ 'crd.yaml': folder('crd.yaml'), 'good.yaml': folder('backup-good.yaml') });
    assert.deepEqual(brief(service, '', index, 'good.yaml'), []);
  });

  it('a CRD in the same file checks the resources after it and before it', () => {
    const text = `${folder('backup-bad.yaml').split('---')[0]}---\n${folder('crd.yaml')}`;
    assert.deepEqual(brief(service, text).map((f) => f[0]).slice(0, 2), ['unknown-field', 'unknown-field']);
  });

  it('without the CRD the resources stay silent, as before', () => {
    assert.deepEqual(brief(service, folder('backup-bad.yaml')), []);
  });

  it('an edit of the CRD checks the resource again (same parsed resource, new CRD)', () => {
    const index = workspace({ 'crd.yaml': folder('crd.yaml'), 'bad.yaml': folder('backup-bad.yaml') });
    assert.ok(brief(service, '', index, 'bad.yaml').some((f) => f[0] === 'invalid-type'));
    index.set('crd.yaml', parseManifest(folder('crd.yaml').replace(/keepLast:\n(\s+)type: integer/, 'keepLast:\n$1type: string')));
    assert.ok(!brief(service, '', index, 'bad.yaml').some((f) => f[0] === 'invalid-type'));
    index.delete('crd.yaml');
    assert.deepEqual(brief(service, '', index, 'bad.yaml'), []);
  });

  it('a CRD of the workspace wins over a bundled schema of the same group and kind, also for a version it does not serve', () => {
    const acceptAll = compileKindSchema({ root: 'Backup', definitions: { Backup: { type: 'object' } } }, { origin: 'bundled' });
    const bundled: CustomKindSource = { lookup: (_apiVersion, kind) => (kind === 'Backup' ? acceptAll : undefined), kinds: () => [] };
    const withBundled = createLanguageService({ bundledKinds: bundled });
    assert.deepEqual(brief(withBundled, folder('backup-bad.yaml')), []);
    const index = workspace({ 'crd.yaml': folder('crd.yaml'), 'bad.yaml': folder('backup-bad.yaml') });
    const codes = brief(withBundled, '', index, 'bad.yaml').map((f) => f[0]);
    assert.equal(codes.length, 9);
    assert.equal(codes[8], 'unknown-kind');
  });

  it('a version not served has a quick fix to the CRD\'s stored version, and the result is checked by its schema', () => {
    const text = `${folder('crd.yaml')}---\napiVersion: storage.example.com/v1alpha1\nkind: Backup\nmetadata:\n  name: old\nspec:\n  schedule: "@daily"\n  target: {kind: Database, name: db}\n`;
    const run = actionsFor(text, 'unknown-kind');
    const fixed = applyAction(text, pick(run.actions, /Change to storage\.example\.com\/v1 Backup/));
    assert.match(fixed, /apiVersion: storage\.example\.com\/v1\nkind: Backup/);
    assert.deepEqual(brief(service, fixed), []);
  });

  it('the items of a kind: List are checked by the CRD, and again when it changes', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: storage.example.com/v1\n    kind: Backup\n    metadata: {name: a}\n    spec: {schedule: "@daily", target: {kind: Database, name: db}, suspend: "no"}\n';
    const index = workspace({ 'crd.yaml': folder('crd.yaml'), 'list.yaml': list });
    assert.deepEqual(brief(service, '', index, 'list.yaml').map((f) => [f[0], f[1]]), [['invalid-type', '"no"']]);
    index.set('crd.yaml', parseManifest(folder('crd.yaml').replace(/suspend:\n(\s+)type: boolean/, 'suspend:\n$1type: string')));
    assert.deepEqual(brief(service, '', index, 'list.yaml'), []);
  });

  it('a CRD inside a kind: List (v1 List or CustomResourceDefinitionList) is read as a CRD: in the file and in the workspace', () => {
    const bad = folder('backup-bad.yaml');
    const expected = brief(service, '', workspace({ 'crd.yaml': folder('crd.yaml'), 'bad.yaml': bad }), 'bad.yaml');
    assert.ok(expected.length > 5);
    for (const [apiVersion, kind] of [['v1', 'List'], ['apiextensions.k8s.io/v1', 'CustomResourceDefinitionList']]) {
      const list = asList(apiVersion, kind, [folder('crd.yaml')]);
      assert.deepEqual(brief(service, list), [], `${kind}: the list itself is clean`);
      assert.deepEqual(brief(service, '', workspace({ 'crds.yaml': list, 'bad.yaml': bad }), 'bad.yaml'), expected, `${kind} in the workspace`);
      // In the same file: the List and the resources after it.
      const same = `${list}---\n${bad}`;
      const offset = list.length + 4;
      assert.deepEqual(brief(service, same).map(([code, text, message]) => [code, text, message]), expected, `${kind} in the same file`);
      assert.ok(service.validate(parseManifest(same), settings).every((f) => f.start >= offset), 'every finding is in the resource');
    }
    // A List holding both the CRD and a resource of it, and an unrelated CRD alongside.
    const other = folder('crd.yaml').replace(/backups/g, 'snapshots').replace(/kind: Backup/, 'kind: Snapshot');
    const mixed = asList('v1', 'List', [other, folder('crd.yaml'), 'apiVersion: storage.example.com/v1\nkind: Backup\nmetadata: {name: b}\nspec: {schedul: "@daily", target: {kind: Database, name: db}}\n']);
    assert.deepEqual(brief(service, mixed).map((f) => [f[0], f[1]]), [['unknown-field', 'schedul']]);
  });

  it('a List whose items are broken or not CRDs defines nothing and never throws', () => {
    for (const text of ['apiVersion: v1\nkind: List\nitems: 3\n', 'apiVersion: v1\nkind: List\nitems:\n  - 1\n  - [a]\n  - {kind: CustomResourceDefinition}\n', 'apiVersion: v1\nkind: List\n']) {
      const index = workspace({ 'crds.yaml': text, 'bad.yaml': folder('backup-bad.yaml') });
      assert.deepEqual(brief(service, '', index, 'bad.yaml'), [], text);
    }
  });

  it('completes the kinds and versions the CRDs serve', () => {
    const { text, offset } = caret('apiVersion: storage.example.com/v1\nkind: |\n');
    const index = workspace({ 'crd.yaml': folder('crd.yaml'), 'new.yaml': text });
    const file = index.fileOf('new.yaml');
    assert.ok(file);
    const items = service.complete(file, offset, settings, { workspace: index }).items;
    assert.deepEqual(items.map((item) => item.label), ['Backup']);
  });

  it('a deprecated version is a warning with a quick fix to the version the warning names', () => {
    const text = readFixture('codes', 'crd-version-deprecated', 'bad.yaml');
    assert.deepEqual(brief(service, text), [['crd-version-deprecated', 'storage.example.com/v1beta1', 'storage.example.com/v1beta1 Backup is deprecated; use storage.example.com/v1 Backup']]);
    const run = actionsFor(text, 'crd-version-deprecated');
    assert.equal(run.target.severity, 2);
    const fixed = applyAction(text, pick(run.actions, /Change apiVersion to storage\.example\.com\/v1$/));
    assert.deepEqual(brief(service, fixed), []);
  });
});

