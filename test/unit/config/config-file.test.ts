import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findConfigFile } from '../../../server/src/config-lookup';
import { configFileFindings, isConfigFile, mergeConfig, parseConfigFile } from '../../../server/src/core/config-file';
import { DEFAULT_MESHES, MESH_SETTING_VALUES } from '../../../server/src/core/model/injectors';
import { defaultSettings, DEFAULT_KUBERNETES_VERSION, normalizeSettings } from '../../../server/src/core/settings';
import { slice, toCrlf } from '../helpers';

describe('.sidecarlint.yaml parsing', () => {
  it('reads the version and rule levels', () => {
    const { settings, problems } = parseConfigFile('kubernetesVersion: "1.33"\nrules:\n  port-conflict: off\n  probe-port-not-exposed: error\n  proxy-start-order: Warning\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { kubernetesVersion: '1.33', rules: { 'port-conflict': 'off', 'probe-port-not-exposed': 'error', 'proxy-start-order': 'warning' } });
  });

  it('reads an unquoted version by its source text (1.30 is not 1.3) and v-prefixed patch versions', () => {
    assert.equal(parseConfigFile('kubernetesVersion: 1.30\n').settings.kubernetesVersion, '1.30');
    assert.equal(parseConfigFile('kubernetesVersion: v1.29.4\n').settings.kubernetesVersion, '1.29');
  });

  it('accepts schema problem codes as rule ids, and `information`/`warn`/false spellings', () => {
    const { settings, problems } = parseConfigFile('rules:\n  unknown-field: warning\n  duplicate-container-name: information\n  port-conflict: warn\n  probe-port-not-exposed: false\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.rules, { 'unknown-field': 'warning', 'duplicate-container-name': 'info', 'port-conflict': 'warning', 'probe-port-not-exposed': 'off' });
  });

  it('reports each mistake at its span and keeps the rest', () => {
    const text = 'kubernetesVersion: "1.20"\nrule:\n  x: off\nrules:\n  port-conflct: off\n  duplicate-container-name: loud\n  proxy-start-order: hint\n';
    const { settings, problems } = parseConfigFile(text);
    assert.deepEqual(
      problems.map((p) => [p.severity, slice(text, p), p.message.split(':')[0]]),
      [
        ['error', '"1.20"', 'Unsupported kubernetesVersion "1.20"'],
        ['warning', 'rule', 'Unknown setting "rule"'],
        ['warning', 'port-conflct', 'Unknown rule "port-conflct"'],
        ['error', 'loud', 'Bad severity "loud" for rule "duplicate-container-name"'],
      ],
    );
    assert.match(problems[1].message, /did you mean "rules"\?/);
    assert.match(problems[2].message, /did you mean "port-conflict"\?/);
    assert.equal(settings.kubernetesVersion, undefined);
    // An unknown id is applied anyway (a newer tool may know it); a bad level is not.
    assert.deepEqual(settings.rules, { 'port-conflct': 'off', 'proxy-start-order': 'hint' });
  });

  it('never throws on bad input', () => {
    for (const text of ['', '# only a comment\n', '- a\n- b\n', 'rules: [\n', 'rules: 3\n', 'rules:\n  - a\n', '"just a string"', ': :\n', '\t\tbad', 'rules: {a: {b: c}}\n', toCrlf('kubernetesVersion: "1.31"\nrules:\n  port-conflict: off\n')]) {
      const result = parseConfigFile(text);
      assert.ok(Array.isArray(result.problems), text);
      for (const p of result.problems) assert.ok(p.start >= 0 && p.end >= p.start && p.end <= Math.max(1, text.length), `${JSON.stringify(text)}: ${JSON.stringify(p)}`);
    }
    assert.equal(parseConfigFile(toCrlf('kubernetesVersion: "1.31"\n')).settings.kubernetesVersion, '1.31');
    assert.equal(parseConfigFile('- a\n').problems.length, 1);
  });
});

describe('finding the config file', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecarlint-'));
  const workspace = path.join(root, 'workspace');
  const deep = path.join(workspace, 'apps', 'web', 'k8s');
  fs.mkdirSync(deep, { recursive: true });
  const exists = (file: string) => fs.existsSync(file);

  it('takes the nearest file walking up, and stops at the workspace folder', () => {
    assert.equal(findConfigFile(deep, exists, workspace), undefined);
    fs.writeFileSync(path.join(root, '.sidecarlint.yaml'), 'rules: {}\n');
    assert.equal(findConfigFile(deep, exists, workspace), undefined, 'a file above the workspace folder is not used');
    assert.equal(findConfigFile(deep, exists), path.join(root, '.sidecarlint.yaml'), 'without a workspace folder the search goes up');
    fs.writeFileSync(path.join(workspace, '.sidecarlint.yaml'), 'rules: {}\n');
    assert.equal(findConfigFile(deep, exists, workspace), path.join(workspace, '.sidecarlint.yaml'));
    fs.writeFileSync(path.join(workspace, 'apps', '.sidecarlint.yml'), 'rules: {}\n');
    assert.equal(findConfigFile(deep, exists, workspace), path.join(workspace, 'apps', '.sidecarlint.yml'));
  });
});

describe('merging editor settings and the config file', () => {
  const file = { kubernetesVersion: '1.30', rules: { 'port-conflict': 'off' as const, 'proxy-start-order': 'warning' as const } };

  it('lets the file override editor defaults', () => {
    const merged = mergeConfig(defaultSettings(), file, DEFAULT_KUBERNETES_VERSION);
    assert.equal(merged.kubernetesVersion, '1.30');
    assert.deepEqual(merged.rules, file.rules);
  });

  it('lets explicit editor values win, rule by rule', () => {
    const editor = defaultSettings({ kubernetesVersion: '1.36', rules: { 'port-conflict': 'error' } });
    const merged = mergeConfig(editor, file, DEFAULT_KUBERNETES_VERSION);
    assert.equal(merged.kubernetesVersion, '1.36');
    assert.deepEqual(merged.rules, { 'port-conflict': 'error', 'proxy-start-order': 'warning' });
  });

  it('keeps the editor version when the file has none', () => {
    assert.equal(mergeConfig(defaultSettings(), { rules: {} }, DEFAULT_KUBERNETES_VERSION).kubernetesVersion, DEFAULT_KUBERNETES_VERSION);
  });
});

describe('meshes in the config file (the editor\'s sidecar.meshes.* settings)', () => {
  it('reads the settings package.json declares, with the same names and values', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { type: string; enum?: string[]; default: unknown }> } | { properties: Record<string, { type: string; enum?: string[]; default: unknown }> }[] };
    };
    const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    const editor: Record<string, { values: unknown[]; default: unknown }> = {};
    for (const section of sections) {
      for (const [key, spec] of Object.entries(section.properties)) {
        const name = /^sidecar\.meshes\.(\w+)\.(\w+)$/.exec(key);
        if (name) editor[`${name[1]}.${name[2]}`] = { values: spec.type === 'boolean' ? [true, false] : (spec.enum ?? []), default: spec.default };
      }
    }
    const config: Record<string, { values: unknown[]; default: unknown }> = {};
    for (const [mesh, settings] of Object.entries(MESH_SETTING_VALUES)) {
      for (const [name, values] of Object.entries(settings)) config[`${mesh}.${name}`] = { values: [...(values ?? [])], default: (DEFAULT_MESHES as unknown as Record<string, Record<string, unknown>>)[mesh][name] };
    }
    assert.deepEqual(config, editor);
  });

  it('reads nested mesh settings, flow style and block style', () => {
    const text = 'meshes:\n  istio:\n    enabled: true\n    defaultMode: native\n  linkerd: {enabled: false}\n  vault:\n    enabled: false\n';
    const { settings, problems } = parseConfigFile(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.meshes, { istio: { enabled: true, defaultMode: 'native' }, linkerd: { enabled: false }, vault: { enabled: false } });
    // The CLI reads the file's values over the defaults as normalizeSettings reads the editor's.
    const cli = normalizeSettings(settings);
    assert.deepEqual(cli.meshes, { istio: { enabled: true, defaultMode: 'native' }, linkerd: { enabled: false, defaultMode: 'auto' }, vault: { enabled: false, defaultMode: 'classic' } });
  });

  it('reports each mistake at its span, with the allowed names and values, and keeps the rest', () => {
    const text = [
      'meshs: {}',
      'meshes:',
      '  istoi: {enabled: false}',
      '  istio:',
      '    defaultMod: native',
      '    enabled: "false"',
      '  linkerd:',
      '    defaultMode: Native',
      '    enabled: false',
      '  vault:',
      '    defaultMode: native',
      '  consul: {}',
      '',
    ].join('\n');
    const { settings, problems } = parseConfigFile(text);
    assert.deepEqual(
      problems.map((p) => [p.severity, slice(text, p), p.message]),
      [
        ['warning', 'meshs', 'Unknown setting "meshs": did you mean "meshes"?'],
        ['warning', 'istoi', 'Unknown mesh "istoi": did you mean "istio"?'],
        ['warning', 'defaultMod', 'Unknown setting "defaultMod" of meshes.istio: did you mean "defaultMode"?'],
        ['error', '"false"', 'Bad value "false" for meshes.istio.enabled: use true or false (unquoted).'],
        ['error', 'Native', 'Bad value "Native" for meshes.linkerd.defaultMode: use auto or classic or native.'],
        ['warning', 'defaultMode', '`defaultMode` is not a setting of vault: only istio and linkerd have it (the Vault injector adds a regular container; it has no native mode).'],
        ['warning', 'consul', 'Unknown mesh "consul"; the meshes are istio, linkerd, vault.'],
      ],
    );
    assert.deepEqual(settings.meshes, { istio: {}, linkerd: { enabled: false }, vault: {} });
  });

  it('a non-map is an error, never a crash', () => {
    for (const text of ['meshes: 3\n', 'meshes: [istio]\n', 'meshes:\n  istio: native\n', 'meshes:\n  istio: [a]\n', 'meshes:\n  istio:\n    enabled: {a: 1}\n']) {
      const { problems } = parseConfigFile(text);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0].severity, 'error', text);
    }
    assert.deepEqual(parseConfigFile('meshes:\n').problems, [], 'an empty key configures nothing');
    assert.deepEqual(parseConfigFile('meshes:\n  istio:\n').settings.meshes, {});
  });

  it('merges like kubernetesVersion: the file wins where the editor has the default, setting by setting', () => {
    const file = parseConfigFile('meshes:\n  istio: {defaultMode: native, enabled: false}\n  linkerd: {defaultMode: native}\n').settings;
    const merged = mergeConfig(defaultSettings(), file, DEFAULT_KUBERNETES_VERSION);
    assert.deepEqual(merged.meshes, { istio: { enabled: false, defaultMode: 'native' }, linkerd: { enabled: true, defaultMode: 'native' }, vault: DEFAULT_MESHES.vault });
    const editor = defaultSettings({ meshes: { ...DEFAULT_MESHES, linkerd: { enabled: false, defaultMode: 'auto' } } });
    assert.deepEqual(mergeConfig(editor, file, DEFAULT_KUBERNETES_VERSION).meshes.linkerd, { enabled: false, defaultMode: 'native' }, 'the editor\'s non-default enabled stays; the file\'s mode applies');
    assert.equal(mergeConfig(defaultSettings(), {}, DEFAULT_KUBERNETES_VERSION).meshes, DEFAULT_MESHES);
    const classicEditor = defaultSettings({ meshes: { ...DEFAULT_MESHES, istio: { enabled: true, defaultMode: 'classic' } } });
    assert.equal(mergeConfig(classicEditor, file, DEFAULT_KUBERNETES_VERSION).meshes.istio.defaultMode, 'classic', 'classic is no longer the default: the editor\'s choice stays');
  });
});

describe('config file diagnostics', () => {
  it('recognises config file names in paths and URIs', () => {
    assert.ok(isConfigFile('file:///repo/.sidecarlint.yaml'));
    assert.ok(isConfigFile('C:\\repo\\.sidecarlint.yml'));
    assert.ok(!isConfigFile('file:///repo/my.sidecarlint.yaml'));
    assert.ok(!isConfigFile('file:///repo/pod.yaml'));
  });

  it('turns problems into findings with the config-file code', () => {
    const text = 'rules:\n  port-conflict: loud\n';
    assert.deepEqual(
      configFileFindings(text).map((f) => [f.code, f.severity, slice(text, f)]),
      [['config-file', 'error', 'loud']],
    );
  });
});
