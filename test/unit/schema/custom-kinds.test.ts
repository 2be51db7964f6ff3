import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { chainSources, compileKindSchema, type CustomKindSource, type KindJsonSchema } from '../../../server/src/core/schema/index';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret, slice } from '../helpers';

/** A strict schema of `example.com/v1 Widget` as a bundled source would hold it. */
function widgetSchema(portType: string): KindJsonSchema {
  return {
    root: 'Widget',
    definitions: {
      Widget: {
        type: 'object',
        additionalProperties: false,
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { type: 'object' },
          spec: {
            type: 'object',
            additionalProperties: false,
            required: ['size'],
            properties: { size: { type: 'string', enum: ['small', 'large'] }, port: { type: portType } },
          },
        },
      },
    },
  };
}

function source(origin: string, schema: KindJsonSchema): CustomKindSource {
  const compiled = compileKindSchema(schema, { origin, pathNames: true });
  return {
    lookup: (apiVersion, kind) => (apiVersion === 'example.com/v1' && kind === 'Widget' ? compiled : undefined),
    kinds: () => [{ apiVersion: 'example.com/v1', kind: 'Widget' }],
  };
}

const widget = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: smal
  prot: 80
`;

describe('custom-kind chain (schema/custom-kinds.ts)', () => {
  it('validates a kind that is not built in through the bundled source, with built-in words and exact ranges', () => {
    const service = createLanguageService({ bundledKinds: source('bundled', widgetSchema('integer')) });
    const findings = service.validate(parseManifest(widget), defaultSettings());
    assert.deepEqual(
      findings.map((f) => [f.code, slice(widget, f), f.message]),
      [
        ['invalid-enum', 'smal', 'Invalid value "smal" for size. Allowed values: small, large.'],
        ['unknown-field', 'prot', 'Unknown field "prot" in Widget.spec. Did you mean "port"?'],
      ],
    );
  });

  it('asks the caller\'s sources before the bundled one; the document is validated again when its schema changes', () => {
    const service = createLanguageService({ bundledKinds: source('bundled', widgetSchema('integer')) });
    const file = parseManifest(widget.replace('prot', 'port').replace('80', '"80"'));
    assert.deepEqual(service.validate(file, defaultSettings()).map((f) => f.code), ['invalid-enum', 'invalid-type']);
    const local = source('workspace', widgetSchema('string'));
    assert.deepEqual(service.validate(file, defaultSettings(), undefined, undefined, { customKinds: local }).map((f) => f.code), ['invalid-enum']);
    // the same parsed document, the bundled schema again: the cache key holds the schema's identity
    assert.deepEqual(service.validate(file, defaultSettings()).map((f) => f.code), ['invalid-enum', 'invalid-type']);
  });

  it('leaves built-in kinds to the built-in schemas and unknown custom kinds silent', () => {
    const service = createLanguageService({ bundledKinds: source('bundled', widgetSchema('integer')) });
    const gadget = widget.replace('Widget', 'Gadget');
    assert.deepEqual(service.validate(parseManifest(gadget), defaultSettings()), []);
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n';
    assert.deepEqual(service.validate(parseManifest(configMap), defaultSettings()), []);
  });

  it('describes custom kinds for completion and hover, and lists them once', () => {
    const first = source('workspace', widgetSchema('string'));
    const chain = chainSources([first, source('bundled', widgetSchema('integer'))]);
    assert.equal(chain?.lookup('example.com/v1', 'Widget')?.origin, 'workspace');
    assert.deepEqual(chain?.kinds(), [{ apiVersion: 'example.com/v1', kind: 'Widget' }]);
    const spec = chain?.lookup('example.com/v1', 'Widget')?.describe(['spec']);
    assert.deepEqual(spec?.propertyNames(), ['port', 'size']);
    assert.deepEqual(spec?.requiredProperties, ['size']);
    assert.deepEqual(spec?.property('size')?.enum, ['small', 'large']);
    assert.equal(chainSources([undefined]), undefined);
  });

  it('completes and hovers the fields of a bundled custom kind', () => {
    const service = createLanguageService({ bundledKinds: source('bundled', widgetSchema('integer')) });
    const { text, offset } = caret('apiVersion: example.com/v1\nkind: Widget\nspec:\n  |\n');
    const labels = service.complete(parseManifest(text), offset, defaultSettings()).items.map((item) => item.label);
    assert.ok(labels.includes('size') && labels.includes('port'), labels.join(', '));
    const hovered = parseManifest(widget);
    const contents = service.hover(hovered, widget.indexOf('size'), defaultSettings())?.contents;
    assert.match(typeof contents === 'object' && 'value' in contents ? contents.value : '', /small/);
  });
});
