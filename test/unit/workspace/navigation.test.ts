import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';
import { fixturesDir } from '../helpers';

const root = path.join(fixturesDir, 'workspace', 'shop');
const service = createLanguageService();

function loadWorkspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    index.set(uriOf(path.relative(root, file)), parseManifest(fs.readFileSync(file, 'utf8')));
  }
  return index;
}

function uriOf(relative: string): string {
  return pathToFileURL(path.join(root, relative)).href;
}

/** The offset of the `nth` occurrence of `needle` in a fixture file (plus `into` characters). */
function offsetOf(index: WorkspaceIndex, relative: string, needle: string, nth = 1, into = 1): number {
  const text = index.fileOf(uriOf(relative))?.text ?? '';
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in ${relative}`);
  return at + into;
}

/** A location as `file:line:text`, the text being what the range covers. */
function brief(index: WorkspaceIndex, locations: readonly Location[]): string[] {
  return locations.map((l) => {
    const file = index.fileOf(l.uri);
    const start = file?.lineIndex.offsetAt(l.range.start) ?? 0;
    const end = file?.lineIndex.offsetAt(l.range.end) ?? 0;
    return `${path.relative(root, new URL(l.uri).pathname)}:${l.range.start.line + 1}:${file?.text.slice(start, end)}`;
  });
}

function editBrief(index: WorkspaceIndex, edit: WorkspaceEdit): string[] {
  return Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map((e) => `${brief(index, [{ uri, range: e.range }])[0]} -> ${e.newText}`));
}

describe('workspace navigation over test/fixtures/workspace/shop', () => {
  const index = loadWorkspace();

  it('goes to definition from a configMap name to its ConfigMap in another file, and from a Secret, a ServiceAccount, a subject', () => {
    assert.deepEqual(brief(index, service.definition(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'name: fluent-bit-config', 1, 8))), ['config/config.yaml:4:fluent-bit-config']);
    assert.deepEqual(brief(index, service.definition(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'name: web-env', 1, 8))), ['config/secrets.yaml:4:web-env']);
    assert.deepEqual(brief(index, service.definition(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'serviceAccountName: web', 1, 21))), ['rbac/web.yaml:4:web']);
    assert.deepEqual(brief(index, service.definition(index, uriOf('rbac/web.yaml'), offsetOf(index, 'rbac/web.yaml', 'name: web', 3, 7))), ['rbac/web.yaml:4:web']);
  });

  it('goes from a dangling reference nowhere, and from a Service targetPort to the sidecar port it sends to', () => {
    assert.deepEqual(service.definition(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'web-confg')), []);
    assert.deepEqual(brief(index, service.definition(index, uriOf('app/services.yaml'), offsetOf(index, 'app/services.yaml', 'targetPort: proxy', 1, 13))), ['app/web.yaml:21:proxy']);
    assert.deepEqual(brief(index, service.definition(index, uriOf('app/services.yaml'), offsetOf(index, 'app/services.yaml', 'targetPort: http', 1, 13))), ['app/web.yaml:33:http']);
  });

  it('finds references of a resource from its name, and the Services that target a container port', () => {
    assert.deepEqual(brief(index, service.references(index, uriOf('rbac/web.yaml'), offsetOf(index, 'rbac/web.yaml', 'name: web', 1, 7), true)), [
      'rbac/web.yaml:4:web',
      'app/web.yaml:15:web',
      'rbac/web.yaml:18:web',
    ]);
    assert.deepEqual(brief(index, service.references(index, uriOf('app/services.yaml'), offsetOf(index, 'app/services.yaml', 'name: web', 1, 7), false)), ['app/services.yaml:40:web']);
    assert.deepEqual(brief(index, service.references(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'name: proxy', 1, 7), false)), ['app/services.yaml:12:proxy']);
    assert.deepEqual(brief(index, service.references(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'containerPort: 8080', 1, 16), false)), ['app/services.yaml:25:http']);
  });

  it('renames a ConfigMap with every reference to it across files, in one WorkspaceEdit', () => {
    const result = service.rename(index, uriOf('config/config.yaml'), offsetOf(index, 'config/config.yaml', 'fluent-bit-config'), 'shipper-config');
    assert.ok('edit' in result, JSON.stringify(result));
    assert.deepEqual(editBrief(index, result.edit), ['config/config.yaml:4:fluent-bit-config -> shipper-config', 'app/web.yaml:47:fluent-bit-config -> shipper-config']);
  });

  it('renames a pod label with the selectors that select the pod, and refuses when a selector also selects other workloads', () => {
    const result = service.rename(index, uriOf('app/web.yaml'), offsetOf(index, 'app/web.yaml', 'app: web', 2, 6), 'storefront');
    assert.ok('edit' in result, JSON.stringify(result));
    assert.deepEqual(editBrief(index, result.edit), [
      'app/web.yaml:13:web -> storefront',
      'app/web.yaml:9:web -> storefront',
      'app/services.yaml:8:web -> storefront',
      'app/services.yaml:21:web -> storefront',
    ]);
    const refused = service.rename(index, uriOf('app/backend.yaml'), offsetOf(index, 'app/backend.yaml', 'tier: backend', 1, 7), 'services');
    assert.deepEqual(refused, {
      refused: 'Renaming label "tier" would change the selector of PodDisruptionBudget "backend", which also selects Deployment "worker": those pods would drop out of it. Rename the label on them too, by hand.',
    });
  });

  it('lists workspace symbols as kind/namespace/name, filtered by the query', () => {
    const symbols = service.workspaceSymbols(index, 'configmap/shop');
    assert.deepEqual(symbols.map((s) => s.name).sort(), ['ConfigMap/shop/fluent-bit-config', 'ConfigMap/shop/web-config']);
    assert.equal(service.workspaceSymbols(index, '').length, 13);
  });

  it('reports the cross-file findings of the workspace: the dangling ConfigMap and the Service that selects nothing', () => {
    const findings: string[] = [];
    for (const uri of index.uris()) {
      const file = index.fileOf(uri);
      if (!file) continue;
      for (const f of service.validate(file, defaultSettings(), undefined, uri, { workspace: index })) {
        if (['dangling-reference', 'selector-selects-nothing', 'target-port-not-declared'].includes(f.code)) {
          findings.push(`${brief(index, [{ uri, range: file.lineIndex.rangeOf(f.start, f.end) }])[0]} ${f.code}`);
        }
      }
    }
    assert.deepEqual(findings.sort(), ['app/backend.yaml:59:selector selector-selects-nothing', 'app/web.yaml:42:web-confg dangling-reference']);
  });

  it('outlines a file as document, pod and containers, and links resolved references', () => {
    const outline = service.documentSymbols(index.fileOf(uriOf('app/web.yaml')) ?? parseManifest(''));
    assert.deepEqual(
      outline.map((s) => [s.name, s.children?.map((p) => [p.name, p.children?.map((c) => `${c.name} (${c.detail})`)])]),
      [['Deployment web', [['pod template', ['envoy (native sidecar · proxy)', 'log-shipper (native sidecar · log-shipper)', 'web (app)']]]]],
    );
    // VS Code rejects a whole outline if one symbol's selectionRange is outside its range (seen in the real VS Code).
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    const walk = (symbols: typeof outline): void => {
      for (const symbol of symbols) {
        assert.ok(before(symbol.range.start, symbol.selectionRange.start) && before(symbol.selectionRange.end, symbol.range.end), `${symbol.name}: selection inside range`);
        walk(symbol.children ?? []);
      }
    };
    walk(outline);
    for (const fixture of ['logging-pod.yaml', 'native-sidecar-deployment.yaml', 'job-classic-sidecar.yaml', 'compose.yaml']) {
      walk(service.documentSymbols(parseManifest(fs.readFileSync(path.join(fixturesDir, 'topology', fixture), 'utf8'))));
    }
    const links = service.documentLinks(index, uriOf('app/web.yaml'));
    assert.deepEqual(
      links.map((l) => l.tooltip),
      ['Open ConfigMap/shop/fluent-bit-config', 'Open Secret/shop/web-env', 'Open ServiceAccount/shop/web'],
    );
    assert.match(links[0].target ?? '', /config\/config\.yaml#L4,9$/);
  });
});
