import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { applyJsonPatch } from '../../../server/src/core/workspace/kustomize/json-patch';
import { Origins } from '../../../server/src/core/workspace/kustomize/origins';
import { fixturesDir, readFixture } from '../helpers';
import { diskHost } from './disk-host';

const service = createLanguageService();
const root = path.join(fixturesDir, 'kustomize');

/** Findings of a fixture file in the editor (kustomize context), as code → underlined text and line. */
function check(relative: string) {
  const text = readFixture('kustomize', relative);
  const parsed = parseManifest(text);
  return service.validate(parsed, defaultSettings(), { path: path.join(root, relative), root, host: diskHost() }).map((f) => ({ code: f.code, text: text.slice(f.start, f.end), line: parsed.lineIndex.positionAt(f.start).line + 1, severity: f.severity }));
}

/** `sidecar-lint DIR`'s findings, by file (relative to the fixture root). */
function overlay(relative: string) {
  const report = service.overlay(path.join(root, relative), diskHost(), defaultSettings());
  const result: Record<string, { code: string; text: string }[]> = {};
  for (const [file, findings] of report.files) {
    const text = diskHost().readFile(file) ?? '';
    result[path.relative(root, file)] = findings.map((f) => ({ code: f.code, text: text.slice(f.start, f.end) }));
  }
  return result;
}

const deployment = () => ({ spec: { template: { spec: { containers: [{ name: 'app', image: 'a:1' }] } } } });
const origin = () => ({ file: '/ops.yaml', doc: 0, path: [] });

describe('JSON 6902 patches', () => {
  it('applies add (with -), replace, remove, move, copy and test as RFC 6902 says', () => {
    const resource = deployment() as Record<string, unknown>;
    const problem = applyJsonPatch(
      resource,
      [
        { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'proxy', image: 'p:1' } },
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'a:2' },
        { op: 'test', path: '/spec/template/spec/containers/1/name', value: 'proxy' },
        { op: 'copy', from: '/spec/template/spec/containers/0/image', path: '/spec/template/spec/containers/1/args' },
        { op: 'move', from: '/spec/template/spec/containers/1/args', path: '/spec/template/spec/containers/1/command' },
        { op: 'remove', path: '/spec/template/spec/containers/1/command' },
      ],
      new Origins(),
      () => origin(),
    );
    assert.equal(problem, undefined);
    assert.deepEqual(resource, { spec: { template: { spec: { containers: [{ name: 'app', image: 'a:2' }, { name: 'proxy', image: 'p:1' }] } } } });
  });

  const failing: [string, unknown, { index: number; field: string | undefined; message: RegExp }][] = [
    ['a path that matches nothing (replace)', { op: 'replace', path: '/spec/template/spec/containers/5/image', value: 'x' }, { index: 0, field: 'path', message: /replace operation does not apply/ }],
    ['add below a missing parent', { op: 'add', path: '/spec/strategy/type', value: 'Recreate' }, { index: 0, field: 'path', message: /missing path \/spec\/strategy\/type/ }],
    ['an unknown op', { op: 'merge', path: '/spec' }, { index: 0, field: 'op', message: /one of add, remove, replace, move, copy, test/ }],
    ['add without value', { op: 'add', path: '/spec/replicas' }, { index: 0, field: undefined, message: /needs a `value`/ }],
    ['a path that is no JSON pointer', { op: 'remove', path: 'spec/replicas' }, { index: 0, field: 'path', message: /starts with "\/"/ }],
    ['move from nothing', { op: 'move', from: '/spec/none', path: '/spec/x' }, { index: 0, field: 'from', message: /nothing at \/spec\/none/ }],
    ['a failing test', { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'web' }, { index: 0, field: 'value', message: /test operation failed/ }],
  ];
  for (const [name, operation, expected] of failing) {
    it(`reports ${name} on that operation`, () => {
      const problem = applyJsonPatch(deployment(), [operation], new Origins(), () => origin());
      assert.ok(problem, 'a problem');
      assert.equal(problem.index, expected.index);
      assert.equal(problem.field, expected.field);
      assert.match(problem.message, expected.message);
    });
  }

  it('a JSON patch file in the editor: what its operation adds is checked in the merged pod, on the operation value', () => {
    const found = check('json6902/overlay/add-proxy.yaml');
    assert.deepEqual(
      found.filter((f) => f.code === 'undefined-volume').map((f) => [f.text, f.line]),
      [['proxy-cache', 13]],
    );
    // The base's volume `tmp` counts; its probe and resources are the base's; no required-field error on a list.
    assert.ok(!found.some((f) => f.code === 'missing-required-field' || f.code === 'kustomize-patch-operation' || f.code === 'kustomize-not-resolved'), JSON.stringify(found));
    assert.ok(found.some((f) => f.code === 'missing-probes' && f.text === 'auth-proxy'), JSON.stringify(found));
  });

  it('kustomize-patch-operation: an operation whose path matches nothing, on its path; a JSON patch without target, on the entry', () => {
    assert.deepEqual(
      check('json6902/bad-overlay/ops.yaml').filter((f) => f.code === 'kustomize-patch-operation').map((f) => [f.text, f.line, f.severity]),
      [['/spec/template/spec/containers/5/image', 2, 'error']],
    );
    const report = overlay('json6902/bad-overlay');
    assert.deepEqual(report['json6902/bad-overlay/ops.yaml'], [{ code: 'kustomize-patch-operation', text: '/spec/template/spec/containers/5/image' }]);
    assert.deepEqual(report['json6902/bad-overlay/kustomization.yaml']?.map((f) => f.code), ['kustomize-patch-operation']);
    assert.equal(overlay('json6902/overlay')['json6902/overlay/add-proxy.yaml']?.some((f) => f.code === 'kustomize-patch-operation'), false);
  });

  it('kustomize-patch-no-match on the patch name, kustomize-target-no-match on the target', () => {
    assert.deepEqual(
      check('no-match/bad-overlay/replicas.yaml').filter((f) => f.code.startsWith('kustomize-')).map((f) => [f.code, f.text, f.severity]),
      [['kustomize-patch-no-match', 'ap', 'error']],
    );
    assert.deepEqual(overlay('no-match/bad-overlay')['no-match/bad-overlay/kustomization.yaml'], [{ code: 'kustomize-target-no-match', text: 'target' }]);
    for (const good of ['log-shipper/overlay', 'directives/overlay', 'json6902/overlay']) {
      const codes = Object.values(overlay(good)).flat().map((f) => f.code);
      assert.ok(!codes.includes('kustomize-patch-no-match') && !codes.includes('kustomize-target-no-match'), `${good}: ${codes.join()}`);
    }
  });
});
