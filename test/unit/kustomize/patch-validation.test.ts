import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { fixturesDir, readFixture } from '../helpers';
import { diskHost } from './disk-host';

const service = createLanguageService();
const root = path.join(fixturesDir, 'kustomize');

/** Findings of a fixture file as the editor sees it (with the kustomize context), as code → underlined text. */
function check(relative: string, buffers: Record<string, string> = {}) {
  const file = path.join(root, relative);
  const text = buffers[file] ?? readFixture('kustomize', relative);
  const parsed = parseManifest(text);
  const findings = service.validate(parsed, defaultSettings(), { path: file, root, host: diskHost(buffers) });
  return findings.map((finding) => ({ code: finding.code, text: text.slice(finding.start, finding.end), line: parsed.lineIndex.positionAt(finding.start).line + 1 }));
}

const codes = (found: { code: string }[]) => found.map((finding) => finding.code);

describe('patch files are validated as patches, through the merged pod', () => {
  it('a plain check of the patch alone still reports the fragment (what the editor did before)', () => {
    const text = readFixture('kustomize', 'log-shipper/overlay/log-shipper.yaml');
    const alone = codes(service.validate(parseManifest(text), defaultSettings()));
    assert.ok(alone.includes('missing-required-field'), alone.join());
    assert.ok(alone.includes('undefined-volume'), alone.join());
  });

  it('a log shipper mounting the base volume: no required-field error, no undefined-volume for it, probes and resources of the base count', () => {
    const found = check('log-shipper/overlay/log-shipper.yaml');
    assert.ok(!codes(found).includes('missing-required-field'), JSON.stringify(found));
    const undefinedVolumes = found.filter((finding) => finding.code === 'undefined-volume');
    // `buffer` is defined nowhere, in the patch or the base: that one is real and lands on the patch's mount.
    assert.deepEqual(undefinedVolumes.map((finding) => finding.text), ['buffer']);
    // The base's app container has probes and resources; nothing about it is reported in the patch.
    assert.ok(!found.some((finding) => finding.text === 'app'), JSON.stringify(found));
  });

  it('a classic sidecar added to a Job by a patch gets job-classic-sidecar in the patch file, on its name', () => {
    const found = check('job-sidecar/overlay/cloud-sql-proxy.yaml');
    const sidecar = found.filter((finding) => finding.code === 'job-classic-sidecar');
    assert.deepEqual(sidecar, [{ code: 'job-classic-sidecar', text: 'cloud-sql-proxy', line: 9 }]);
    // The base's `migrate` container lacks resources too, but that finding belongs to the base file.
    assert.ok(!found.some((finding) => finding.text === 'migrate'), JSON.stringify(found));
    assert.ok(found.some((finding) => finding.code === 'missing-resources' && finding.text === 'cloud-sql-proxy'), JSON.stringify(found));
  });

  it('accepts the directives and reports no required field', () => {
    const found = check('directives/overlay/directives.yaml');
    assert.ok(!found.some((finding) => finding.code === 'unknown-field' || finding.code === 'missing-required-field'), JSON.stringify(found));
  });

  it('still reports unknown fields and wrong types in a patch', () => {
    const file = path.join(root, 'log-shipper/overlay/log-shipper.yaml');
    const text = readFixture('kustomize', 'log-shipper/overlay/log-shipper.yaml').replace('readOnly: true', 'readOnly: true\n              mountPropagaton: None').replace('image: fluent', 'imagePullPolicy: [Always]\n          image: fluent');
    const found = check('log-shipper/overlay/log-shipper.yaml', { [file]: text });
    assert.ok(found.some((finding) => finding.code === 'unknown-field' && finding.text === 'mountPropagaton'), JSON.stringify(found));
    assert.ok(found.some((finding) => finding.code === 'invalid-type' || finding.code === 'invalid-enum'), JSON.stringify(found));
    assert.ok(!codes(found).includes('missing-required-field'));
  });

  it('the open buffer wins over the disk: a base edited in the editor changes the patch findings', () => {
    const base = path.join(root, 'log-shipper/base/deployment.yaml');
    const withBuffer = readFixture('kustomize', 'log-shipper/base/deployment.yaml').replace('- name: logs\n          emptyDir', '- name: buffer\n          emptyDir: {}\n        - name: logs\n          emptyDir');
    const found = check('log-shipper/overlay/log-shipper.yaml', { [base]: withBuffer });
    assert.ok(!codes(found).includes('undefined-volume'), JSON.stringify(found));
  });

  it('a file no kustomization lists is checked as before', () => {
    const found = check('log-shipper/base/deployment.yaml');
    assert.ok(!codes(found).includes('missing-required-field'));
    const text = readFixture('kustomize', 'log-shipper/base/deployment.yaml');
    assert.deepEqual(codes(service.validate(parseManifest(text), defaultSettings())), codes(found));
  });
});

describe('kustomize-not-resolved', () => {
  it('says once, as info, what the kustomization asks for that is not rendered here', () => {
    const text = readFixture('kustomize', 'remote-base/prod/shipper.yaml');
    const file = path.join(root, 'remote-base/prod/shipper.yaml');
    const docsBaseUrl = 'file:///docs/rules/';
    const findings = service.validate(parseManifest(text), defaultSettings({ docsBaseUrl }), { path: file, root, host: diskHost() });
    const notes = findings.filter((finding) => finding.code === 'kustomize-not-resolved');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, 'info');
    assert.equal(notes[0].href, 'file:///docs/codes/kustomize-not-resolved.md');
    assert.match(notes[0].message, /Remote base "https:\/\/github\.com\/example\/platform\/\/base\?ref=v1\.2\.0"/);
    assert.match(notes[0].message, /configMapGenerator/);
    // The local base is still merged: the shipper's `logs` mount is defined there.
    assert.deepEqual(findings.filter((finding) => finding.code === 'undefined-volume').map((finding) => text.slice(finding.start, finding.end)), ['buffer']);
    assert.ok(!findings.some((finding) => finding.severity === 'error' && finding.code !== 'undefined-volume'), JSON.stringify(findings));
  });

  it('is absent when everything is local', () => {
    assert.ok(!codes(check('log-shipper/overlay/log-shipper.yaml')).includes('kustomize-not-resolved'));
  });
});
