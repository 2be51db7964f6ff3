import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { findExcessiveNesting } from '../../../server/src/core/parse/nesting';
import { readFixture } from '../helpers';
import { lint } from '../rules/rule-kit';

function dataOf(text: string, index = 0): unknown {
  return parseManifest(text).slots[index].document.value().value;
}

describe('YAML as Kubernetes (go-yaml) reads it', () => {
  it('accepts a multi-line quoted scalar in a flow sequence whose closing "] sits at the parent indent (Argo ci.yaml)', () => {
    const text = readFixture('parse', 'go-yaml', 'argo-ci.yaml');
    // Its two container templates are pods (docs/custom-resources.md): no syntax error, the claim template `workdir`
    // is a declared volume, and only the containers' missing resources are reported.
    assert.deepEqual(lint(text).map((f) => f.code), ['missing-resources', 'missing-resources']);
    const value = dataOf(text) as { spec: { templates: { container?: { args: string[] } }[] } };
    assert.deepEqual(value.spec.templates[1].container?.args, [' cd /go/src/github.com/golang/example/hello && go build -v . ']);
  });

  it('validates such a Pod like any other, with the scalar folded as go-yaml folds it', () => {
    const text = readFixture('parse', 'go-yaml', 'pod-flow-scalar.yaml');
    assert.deepEqual(lint(text).filter((f) => f.severity === 'error'), []);
    const value = dataOf(text) as { spec: { containers: { args: string[] }[] } };
    assert.deepEqual(value.spec.containers[0].args, [' cd /src && go build -v . ']);
  });

  it('keeps real syntax errors, where the strict parse puts them', () => {
    const unclosed = 'apiVersion: v1\nkind: Pod\nspec:\n  args: ["a,\n  b: 1\n';
    assert.match(lint(unclosed).find((f) => f.code === 'yaml-syntax')?.message ?? '', /missing closing "quote/);
    const open = 'apiVersion: v1\nkind: Pod\nspec:\n  args: [a, b\n  image: x\n';
    const errors = lint(open).filter((f) => f.code === 'yaml-syntax');
    assert.deepEqual(errors.map((f) => [parseManifest(open).lineIndex.positionAt(f.start).line + 1, open.slice(f.start, f.end)]), [[5, 'i']]);
  });

  it('keeps a duplicate key found next to a relaxed flow scalar', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  x: ["a\n  b"]\n';
    assert.deepEqual(
      lint(text).filter((f) => f.code === 'duplicate-key' || f.code === 'yaml-syntax').map((f) => [f.code, text.slice(f.start, f.end)]),
      [['duplicate-key', 'name']],
    );
  });
});

describe('nesting estimate', () => {
  it('measures real depth: minified JSON in a ConfigMap and a one-line JSON manifest are validated', () => {
    const text = readFixture('parse', 'go-yaml', 'configmap-minified-json.yaml');
    assert.equal(findExcessiveNesting(text), -1);
    const codes = lint(text).map((f) => f.code);
    assert.ok(!codes.includes('nesting-limit'));
    // The one-line JSON document is schema-checked: its stray field is found.
    assert.deepEqual(codes, ['unknown-field']);
  });

  it('still refuses real depth, in flow, block sequences and after a block scalar', () => {
    assert.equal(findExcessiveNesting(`${'['.repeat(300)}${']'.repeat(300)}`), 255);
    assert.ok(findExcessiveNesting(`${'- '.repeat(300)}1`) > 0);
    assert.ok(findExcessiveNesting(`a: |\n  [[[[\nb: ${'['.repeat(300)}`) > 0);
    // A plain scalar ending in `|` opens no block scalar.
    assert.ok(findExcessiveNesting(`a: x |\n${'  [[[[[\n'.repeat(60)}`) > 0);
  });

  it('skips block scalar text at any depth of brackets', () => {
    assert.equal(findExcessiveNesting(`a: |-\n${'  [[[[[\n'.repeat(100)}b: 1\n`), -1);
    assert.equal(findExcessiveNesting(`a: !!str >\n${'  {{{{{\n'.repeat(100)}b: 1\n`), -1);
    assert.equal(findExcessiveNesting(`- |\n${'  [[[[[\n'.repeat(100)}- 1\n`), -1);
  });
});
