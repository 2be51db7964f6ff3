import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { complete } from '../../../server/src/core/features/completion';
import { hover } from '../../../server/src/core/features/hover';
import { MANIFEST_SNIPPETS, expandSnippet } from '../../../server/src/core/features/snippets';
import { createLanguageService } from '../../../server/src/core/language-service';
import { ManifestParser, parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { fixturesDir, toCrlf } from '../helpers';

const service = createLanguageService();
const settings = defaultSettings();

function yamlFixtures(dir: string): string[] {
  const result: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) result.push(...yamlFixtures(full));
    else if (/\.ya?ml$/.test(entry.name)) result.push(full);
  }
  return result.sort();
}

test('completion and hover at every offset of every fixture never throw and return well-formed ranges', () => {
  const texts = [...yamlFixtures(fixturesDir).map((f) => fs.readFileSync(f, 'utf8')), ...MANIFEST_SNIPPETS.map((s) => expandSnippet(s.body))];
  let calls = 0;
  for (const original of texts) {
    for (const text of [original, toCrlf(original)]) {
      const file = parseManifest(text);
      // Every offset for small files, a stride for the big ones: the test stays under a few seconds.
      const stride = Math.max(1, Math.floor(text.length / 60));
      for (let offset = 0; offset <= text.length; offset += stride) {
        const list = complete(service, file, offset, settings);
        for (const item of list.items) {
          const edit = item.textEdit as { range: { start: { line: number }; end: { line: number } } } | undefined;
          assert.ok(edit && edit.range.start.line <= edit.range.end.line, `edit of ${item.label}`);
        }
        hover(service, file, offset, settings);
        calls++;
      }
    }
  }
  assert.ok(calls > 3000, `exercised ${calls} positions`);
});

test('typing a manifest character by character: completion at the end of every prefix never throws', () => {
  const parser = new ManifestParser();
  const text = expandSnippet(MANIFEST_SNIPPETS.find((s) => s.id === 'deployment-native-sidecar')?.body ?? '');
  assert.ok(text.length > 1000);
  for (let end = 0; end <= text.length; end += 3) {
    const file = parser.parse(text.slice(0, end));
    assert.doesNotThrow(() => complete(service, file, end, settings), `prefix of ${end} characters`);
  }
});

test('pathological input: deep nesting, long lines, unbalanced flow, tabs', () => {
  const deep = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
  const deepList = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n');
  const inputs = [
    deep,
    deepList,
    `a: ${'['.repeat(2000)}`,
    `a: ${'{'.repeat(2000)}b: `,
    `x: ${'y'.repeat(100000)}`,
    '\t\t- \t:\n\t',
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n\timage: b\n',
    '---\n---\n---\n',
    '"unterminated: \n  - \'x',
  ];
  for (const text of inputs) {
    const file = parseManifest(text);
    for (const offset of [0, Math.floor(text.length / 2), text.length]) {
      assert.doesNotThrow(() => complete(service, file, offset, settings));
      assert.doesNotThrow(() => hover(service, file, offset, settings));
    }
  }
});
