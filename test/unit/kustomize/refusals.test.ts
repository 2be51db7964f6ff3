import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { defaultSettings } from '../../../server/src/core/settings';
import { KUSTOMIZE_STOPS } from '../../../server/src/core/workspace/kustomize/render';
import { diskHost } from './disk-host';
import { fixtureOverlays, kustomizeFixtures, refusedOverlays } from './fixture-overlays';
import { kubectlKustomizeError, skipWithoutKubectl } from './kubectl';

const service = createLanguageService();

/** The codes for what kustomize refuses to build, whose messages start with kustomize's own words. */
const REFUSAL_CODES = new Set(['kustomize-invalid-selector', 'kustomize-load-restriction', 'kustomize-patch-no-match']);

/** Each refused fixture overlay: the one finding it must raise (code, file relative to the overlay, underlined text). */
const EXPECTED: Record<string, [code: string, file: string, text: string]> = {
  'selectors/refused/label-unclosed': ['kustomize-invalid-selector', 'kustomization.yaml', '"tier in (backend"'],
  'selectors/refused/annotation-no-parens': ['kustomize-invalid-selector', 'kustomization.yaml', '"mesh.example.com/inject in true"'],
  'load-restrictor/refused/resource-file': ['kustomize-load-restriction', 'kustomization.yaml', '../../shared/service.yaml'],
  'load-restrictor/refused/patch-path': ['kustomize-load-restriction', 'kustomization.yaml', '../../shared/log-shipper.yaml'],
  'load-restrictor/refused/patches-strategic-merge': ['kustomize-load-restriction', 'kustomization.yaml', '../../shared/log-shipper.yaml'],
  'load-restrictor/refused/json6902-path': ['kustomize-load-restriction', 'kustomization.yaml', '../../shared/replicas.json'],
  'load-restrictor/refused/crds': ['kustomize-load-restriction', 'kustomization.yaml', '../../shared/service.yaml'],
  'load-restrictor/refused/generator-file': ['kustomize-load-restriction', 'kustomization.yaml', 'level=../../shared/log-level.env'],
  'load-restrictor/refused/generator-envs': ['kustomize-load-restriction', 'kustomization.yaml', '../../shared/log-level.env'],
  'original-names/refused/output-without-namespace': ['kustomize-patch-no-match', 'log-shipper.yaml', 'base-web'],
  'original-names/refused/own-prefixed-name': ['kustomize-patch-no-match', 'log-shipper.yaml', 'prod-base-web'],
  'original-names/refused/other-api-version': ['kustomize-patch-no-match', 'log-shipper.yaml', 'web'],
  'load-restrictor/refused/component-patch': ['kustomize-load-restriction', '../../components/reaching-out/kustomization.yaml', '../../shared/log-shipper.yaml'],
};

/** `sidecar-lint DIR`'s findings of refusal codes: code, file relative to DIR, underlined text, message. */
function refusals(dir: string) {
  const report = service.overlay(dir, diskHost(), defaultSettings());
  return [...report.files].flatMap(([file, findings]) => {
    const text = diskHost().readFile(file) ?? '';
    return findings.filter((f) => REFUSAL_CODES.has(f.code)).map((f) => ({ code: f.code, severity: f.severity, file: path.relative(dir, file), text: text.slice(f.start, f.end), message: f.message }));
  });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('what kubectl kustomize refuses to build is an error, in its words, at its cause', () => {
  it('has a table row for every refused fixture overlay', () => {
    assert.deepEqual(refusedOverlays.map((dir) => path.relative(kustomizeFixtures, dir)).sort(), Object.keys(EXPECTED).sort());
  });
  for (const dir of refusedOverlays) {
    const name = path.relative(kustomizeFixtures, dir);
    it(`${name}: the expected error`, () => {
      const found = refusals(dir);
      assert.deepEqual(found.map(({ code, file, text }) => [code, file, text]), [EXPECTED[name]]);
      assert.equal(found[0].severity, 'error');
    });
    it(`${name}: kubectl kustomize refuses it with the same words`, { skip: skipWithoutKubectl }, () => {
      const error = kubectlKustomizeError(dir);
      assert.ok(error !== undefined, `kubectl kustomize builds ${name}`);
      for (const finding of refusals(dir)) {
        const own = finding.message.slice(0, finding.message.indexOf(KUSTOMIZE_STOPS));
        assert.ok(finding.message.includes(KUSTOMIZE_STOPS) && own.length > 10, finding.message);
        assert.ok(words(error).includes(words(own)), `kubectl says:\n${error}\nwe say:\n${own}`);
      }
    });
  }
  // Accept what kubectl accepts: no refusal on an overlay it builds (the oracle test compares their pods).
  for (const dir of fixtureOverlays) {
    it(`${path.relative(kustomizeFixtures, dir)}: built by kubectl, refused by nothing here`, () => assert.deepEqual(refusals(dir), []));
  }
});
