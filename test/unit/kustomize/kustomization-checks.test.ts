import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../server/src/core/findings';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { diagnosticsAt } from '../../../server/src/lsp/code-actions';
import { KUSTOMIZATION_FIELDS } from '../../../server/src/core/features/kustomize/kustomization-checks';
import { fixturesDir, readFixture } from '../helpers';
import { diskHost } from './disk-host';
import { kubectlAvailable, kubectlKustomizeError, skipWithoutKubectl } from './kubectl';
import { KUSTOMIZE_STOPS } from '../../../server/src/core/workspace/kustomize/render';

const service = createLanguageService();
const root = path.join(fixturesDir, 'kustomize');
const settings = defaultSettings();

function check(relative: string, text = readFixture('kustomize', relative)) {
  const file = parseManifest(text);
  const findings = service.validate(file, settings, { path: path.join(root, relative), root, host: diskHost({ [path.join(root, relative)]: text }) });
  return { file, findings, placed: findings.map((f) => [f.code, text.slice(f.start, f.end)]) };
}

describe('kustomization files are checked as kustomize reads them', () => {
  it('unknown fields, wrong types, missing paths and deprecated fields, each on its node', () => {
    assert.deepEqual(check('checks/bad/kustomization.yaml').placed, [
      ['kustomize-deprecated-field', 'bases'],
      ['kustomize-missing-path', 'missing.yaml'],
      ['unknown-field', 'nameprefx'],
      ['invalid-type', '[prod]'],
      ['kustomize-deprecated-field', 'commonLabels'],
      ['kustomize-deprecated-field', 'patchesStrategicMerge'],
    ]);
    const unknown = check('checks/bad/kustomization.yaml').findings.find((f) => f.code === 'unknown-field');
    assert.match(unknown?.message ?? '', /did you mean "namePrefix"/);
  });

  it('the current forms raise nothing', () => {
    assert.deepEqual(check('checks/good/kustomization.yaml').placed, []);
    for (const overlay of ['log-shipper/overlay', 'json6902/overlay', 'directives/overlay', 'shared-component/overlays/prod']) {
      const codes = check(`${overlay}/kustomization.yaml`).placed.map(([code]) => code);
      assert.ok(!codes.some((code) => code === 'unknown-field' || code === 'invalid-type' || code === 'kustomize-missing-path'), `${overlay}: ${codes.join()}`);
    }
  });

  it('the quick fix writes the current form; the result has no deprecated field and renders the same pods', () => {
    let text = readFixture('kustomize', 'checks/bad/kustomization.yaml');
    for (let round = 0; round < 3; round++) {
      const { file, findings } = check('checks/bad/kustomization.yaml', text);
      const target = findings.find((f) => f.code === 'kustomize-deprecated-field');
      assert.ok(target, `round ${round}`);
      const diagnostic = toDiagnostic(target, file.lineIndex);
      const uri = 'file:///kustomization.yaml';
      const { actions } = service.codeActions(file, { start: target.start, end: target.end }, diagnosticsAt(file.lineIndex, [diagnostic]), settings, { uri });
      const action = actions.find((a) => a.title.startsWith('Use '));
      assert.ok(action?.edit?.changes?.[uri], JSON.stringify(actions.map((a) => a.title)));
      text = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), action.edit.changes[uri]);
    }
    assert.ok(!check('checks/bad/kustomization.yaml', text).findings.some((f) => f.code === 'kustomize-deprecated-field'), text);
    assert.match(text, /resources:\n {2}- missing\.yaml\n {2}- \.\.\/\.\.\/log-shipper\/base\n/);
    assert.match(text, /labels:\n {2}- pairs:\n {6}team: payments\n {4}includeSelectors: true/);
    assert.match(text, /patches:\n {2}- path: shipper\.yaml/);
  });

  it('every field of the table is one kubectl kustomize accepts (no "unknown field")', { skip: skipWithoutKubectl }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-kustomization-'));
    try {
      const empty = { string: '"x"', list: '[]', map: '{}' } as const;
      for (const [field, type] of Object.entries(KUSTOMIZATION_FIELDS)) {
        if (field === 'apiVersion' || field === 'kind') continue;
        fs.writeFileSync(path.join(dir, 'kustomization.yaml'), `${field}: ${empty[type]}\n`);
        let stderr = '';
        try {
          execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
          stderr = String((error as { stderr?: string }).stderr ?? '');
        }
        assert.doesNotMatch(stderr, /unknown field/, field);
      }
      // Go's encoding/json matches names regardless of case: NAMEPREFIX is namePrefix; a typo is refused.
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'NAMEPREFIX: x\nresources: []\n');
      assert.doesNotThrow(() => execFileSync('kubectl', ['kustomize', dir], { stdio: 'ignore' }));
      assert.deepEqual(check('checks/good/kustomization.yaml', 'NAMEPREFIX: x\nresources: []\n').placed, []);
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'nameprefx: x\n');
      assert.throws(() => execFileSync('kubectl', ['kustomize', dir], { stdio: 'ignore' }), 'a field outside the table is refused');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a base or component folder by an absolute path is refused in kustomize\'s words; an absolute file inside is not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-kustomization-'));
    try {
      const base = path.join(dir, 'base');
      const overlay = path.join(dir, 'overlay');
      fs.mkdirSync(base);
      fs.mkdirSync(overlay);
      fs.copyFileSync(path.join(root, 'log-shipper/base/deployment.yaml'), path.join(base, 'deployment.yaml'));
      fs.writeFileSync(path.join(base, 'kustomization.yaml'), 'resources:\n  - deployment.yaml\n');
      fs.copyFileSync(path.join(root, 'log-shipper/overlay/log-shipper.yaml'), path.join(overlay, 'log-shipper.yaml'));
      const own = `resources:\n  - ${base}\npatches:\n  - path: ${path.join(overlay, 'log-shipper.yaml')}\n`;
      fs.writeFileSync(path.join(overlay, 'kustomization.yaml'), own);
      const file = path.join(overlay, 'kustomization.yaml');
      const findings = service.validate(parseManifest(own), settings, { path: file, root: dir, host: diskHost() }).filter((f) => f.code === 'kustomize-load-restriction');
      assert.deepEqual(findings.map((f) => own.slice(f.start, f.end)), [base]);
      assert.equal(findings[0].severity, 'error');
      if (kubectlAvailable) {
        const error = kubectlKustomizeError(overlay) ?? '';
        assert.ok(error.includes(findings[0].message.slice(0, findings[0].message.indexOf(KUSTOMIZE_STOPS))), error);
        // With the base by a relative path, the absolute patch path inside the overlay's folder is read.
        fs.writeFileSync(file, own.replace(base, '../base'));
        assert.equal(kubectlKustomizeError(overlay), undefined);
      }
      const relative = own.replace(base, '../base');
      assert.deepEqual(service.validate(parseManifest(relative), settings, { path: file, root: dir, host: diskHost({ [file]: relative }) }).filter((f) => f.code.startsWith('kustomize-')).map((f) => f.code), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
