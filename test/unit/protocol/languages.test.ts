import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGE_IDS } from '../../../client/src/languages';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { menus: Record<string, { command: string; when: string }[]> };
};

describe('served languages', () => {
  it('package.json activates on every language the client serves, and on no other', () => {
    const languages = manifest.activationEvents.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
    assert.deepEqual(languages, [...LANGUAGE_IDS]);
  });

  it('the topology button shows in each of them', () => {
    const when = manifest.contributes.menus['editor/title']?.find((m) => m.command === 'sidecar.showTopology')?.when;
    assert.equal(when, LANGUAGE_IDS.map((id) => `resourceLangId == ${id}`).join(' || '));
  });

  it("includes VS Code's language id for Compose files", () => {
    assert.ok(LANGUAGE_IDS.includes('dockercompose'));
  });
});
