import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isCode, readCodeData } from '../../../server/src/core/codes';
import { readData } from '../../../server/src/core/data-shape';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { fixturesDir, repoRoot } from '../helpers';

describe('data shapes: the one check of data coming back from the client', () => {
  const shape = { name: 'string', path: 'path', index: 'number?', flag: 'boolean?', names: 'names?', labels: 'labels?' } as const;

  it('keeps the fields of the right kind and drops the rest', () => {
    const raw = { name: 'app', path: ['spec', 0], index: '3', flag: true, extra: 1, names: ['a', null], labels: { app: 'x' } };
    assert.deepEqual(readData(shape, raw), { name: 'app', path: ['spec', 0], flag: true, names: ['a', undefined], labels: { app: 'x' } });
  });

  it('never throws and reads nothing from what is not an object, nor through prototype names', () => {
    for (const raw of [undefined, null, 0, 'x', [1], { path: [{}] }, { labels: { a: 1 } }, Object.create({ name: 'inherited' })]) {
      assert.deepEqual(readData(shape, raw), {});
    }
    assert.deepEqual(readData({ constructor: 'string' } as const, {}), {});
  });

  it('tells the built-in codes from any other string', () => {
    assert.equal(isCode('undefined-volume'), true);
    assert.equal(isCode('unknown-field'), true);
    assert.equal(isCode('constructor'), false);
    assert.equal(isCode('no-such-code'), false);
  });
});

describe('every code’s data shape covers what its producer writes', () => {
  const service = createLanguageService();
  const yamlFiles = fs
    .readdirSync(fixturesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

  it(`over all ${yamlFiles.length} fixture files: the data, sent as JSON, reads back whole`, () => {
    const seen = new Set<string>();
    for (const file of yamlFiles) {
      const text = fs.readFileSync(file, 'utf8');
      for (const kubernetesVersion of ['1.27', '1.36']) {
        for (const finding of service.validator.validate(parseManifest(text), defaultSettings({ kubernetesVersion }), path.basename(file))) {
          if (!finding.data) continue;
          assert.ok(isCode(finding.code), finding.code);
          seen.add(finding.code);
          const sent = JSON.parse(JSON.stringify(finding.data)) as Record<string, unknown>;
          const read = JSON.parse(JSON.stringify(readCodeData(finding.code, sent))) as Record<string, unknown>;
          assert.deepEqual(read, sent, `${path.relative(repoRoot, file)}: ${finding.code} data has fields its shape does not give`);
        }
      }
    }
    assert.ok(seen.size >= 30, `only ${seen.size} codes with data seen: ${[...seen].join(', ')}`);
    assert.ok([...seen].some((code) => code.startsWith('compose-')), 'Compose files were read as Compose');
  });
});
