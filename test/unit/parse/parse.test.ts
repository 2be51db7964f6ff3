import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core/parse/line-index';
import { ManifestParser, parseManifest } from '../../../server/src/core/parse/manifest';
import { splitDocuments } from '../../../server/src/core/parse/split';
import { getPair, keySpan, pathAt, resolvePath, valueSpan } from '../../../server/src/core/parse/nodes';
import { readFixture, slice, toCrlf } from '../helpers';
import { podsOf } from '../../../server/src/core/model/pod';

describe('splitDocuments', () => {
  it('cuts at --- lines only, keeping the marker with the document it starts', () => {
    const text = '# head\n---\na: 1\n--- # second\nb: "---"\nc: |\n  --- not a marker? it is\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(
      chunks.map((c) => c.text),
      ['# head\n---\na: 1\n', '--- # second\nb: "---"\nc: |\n  --- not a marker? it is\n'],
    );
    assert.equal(chunks[1].start, text.indexOf('--- # second'));
  });

  it('keeps content before the first marker as its own document', () => {
    assert.equal(splitDocuments('a: 1\n---\nb: 2\n').length, 2);
    assert.equal(splitDocuments('').length, 1);
  });
});

describe('LineIndex', () => {
  it('maps offsets to positions with LF, CRLF and CR line breaks', () => {
    const index = new LineIndex('ab\r\ncd\nef\rgh');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }); // between \r and \n
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.lineText(1), 'cd');
  });
});

describe('ManifestParser', () => {
  it('reuses the parse of documents an edit did not touch', () => {
    const parser = new ManifestParser();
    const before = parser.parse('a: 1\n---\nb: 2\n---\nc: 3\n');
    const after = parser.parse('a: 1\n---\nb: 22\n---\nc: 3\n');
    assert.equal(after.slots[0].document, before.slots[0].document);
    assert.notEqual(after.slots[1].document, before.slots[1].document);
    assert.equal(after.slots[2].document, before.slots[2].document);
    assert.equal(after.slots[2].start, before.slots[2].start + 1);
  });

  it('finds the document that holds an offset', () => {
    const file = parseManifest('a: 1\n---\nb: 2\n');
    assert.equal(file.slotAt(0)?.index, 0);
    assert.equal(file.slotAt(6)?.index, 1);
    assert.equal(file.slotAt(file.text.length)?.index, 1);
  });

  it('recognises Kubernetes objects by apiVersion and kind, trimming stray spaces', () => {
    const file = parseManifest('apiVersion: "v1 "\nkind:  Pod  \n---\nname: ci\non: push\n');
    assert.equal(file.slots[0].document.isKubernetes, true);
    assert.equal(file.slots[0].document.kind, 'Pod');
    assert.equal(file.slots[0].document.apiVersion, 'v1');
    assert.equal(file.slots[1].document.isKubernetes, false);
    assert.equal(file.slots[1].document.looksLikeKubernetes, false);
  });

  it('reports duplicate keys and syntax errors with exact spans', () => {
    const text = 'apiVersion: v1\nkind: Pod\nkind: Pod\nspec: [a,\n';
    const document = parseManifest(text).slots[0].document;
    const duplicate = document.problems.find((p) => p.code === 'duplicate-key');
    assert.ok(duplicate);
    assert.equal(slice(text, duplicate), 'kind');
    assert.equal(text.slice(0, duplicate.start).split('\n').length, 3);
    assert.ok(document.problems.some((p) => p.code === 'yaml-syntax'));
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const document = parseManifest(lines.join('\n') + '\n').slots[0].document;
    const { problem } = document.value();
    assert.equal(problem?.code, 'alias-limit');
  });
});

describe('pod model', () => {
  it('finds the pod spec of every workload kind, with native sidecars in start order', () => {
    const file = parseManifest(readFixture('parse', 'workloads.yaml'));
    const kinds = file.slots.flatMap((s) => podsOf(s.document).map((p) => p.workload.kind));
    assert.deepEqual(kinds, ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
    const deployment = podsOf(file.slots[1].document)[0];
    assert.deepEqual(
      deployment.initContainers.map((c) => [c.name, c.role, c.sidecarOrder]),
      [
        ['migrate', 'init', undefined],
        ['log-shipper', 'native-sidecar', 1],
        ['proxy', 'native-sidecar', 2],
      ],
    );
    assert.deepEqual(deployment.volumes.map((v) => [v.name, v.source]), [['logs', 'emptyDir']]);
    const cron = podsOf(file.slots[6].document)[0];
    assert.deepEqual(cron.path, ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    assert.equal(cron.runsToCompletion, true);
    assert.equal(deployment.runsToCompletion, false);
  });

  it('gives exact key and value spans in CRLF files and flow style', () => {
    const text = toCrlf(readFixture('parse', 'workloads.yaml'));
    const file = parseManifest(text);
    const slot = file.slots[1];
    const container = podsOf(slot.document)[0].containers[0];
    const image = getPair(container.node, 'image');
    assert.ok(image);
    const span = valueSpan(image);
    assert.ok(span);
    assert.equal(slice(text, { start: span.start + slot.start, end: span.end + slot.start }), 'registry.example.com/app:1.4.2');
    const pos = file.lineIndex.positionAt(span.start + slot.start);
    assert.equal(file.lineIndex.lineText(pos.line).trim(), 'image: registry.example.com/app:1.4.2');

    const flow = parseManifest('apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: "b:1", ports: [{containerPort: 80}]}]}\n');
    const port = resolvePath(flow.slots[0].document.yaml.contents, ['spec', 'containers', 0, 'ports', 0, 'containerPort']);
    assert.ok(port?.pair);
    assert.equal(slice(flow.text, keySpan(port.pair)!), 'containerPort');
  });

  it('tells where the cursor is: path and key or value', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';
    const document = parseManifest(text).slots[0].document;
    const chain = pathAt(document.yaml.contents, text.indexOf('nginx'));
    assert.deepEqual(chain[chain.length - 1].path, ['spec', 'containers', 0, 'image']);
    const onKey = pathAt(document.yaml.contents, text.indexOf('image') + 2);
    assert.equal(onKey[onKey.length - 1].onKey, true);
  });
});
