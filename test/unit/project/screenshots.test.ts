import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SHOTS } from '../../../scripts/screenshots.mjs';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('README pictures', () => {
  it('every picture the screenshot script takes exists, is a PNG, and the README and marketplace page show it', () => {
    assert.deepEqual(SHOTS.map((s) => s.id), ['diagnostics', 'quick-fix', 'topology']);
    for (const shot of SHOTS) {
      const png = fs.readFileSync(path.join(root, 'docs', 'images', `${shot.id}.png`));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', shot.id);
      assert.ok(fs.existsSync(path.join(root, 'examples', shot.file)), `${shot.file} is an example`);
      for (const page of ['README.md', 'MARKETPLACE.md']) assert.ok(read(page).includes(`](docs/images/${shot.id}.png)`), `${page} shows ${shot.id}`);
      assert.match(read('.vscodeignore'), new RegExp(`^!docs/images/${shot.id}\\.png$`, 'm'));
    }
  });

  it('npm run screenshots retakes them', () => {
    const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    assert.equal(manifest.scripts.screenshots, 'node scripts/screenshots.mjs');
  });
});
