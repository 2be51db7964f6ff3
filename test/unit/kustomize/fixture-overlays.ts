import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDir } from '../helpers';

/** The kustomize fixtures' root. */
export const kustomizeFixtures = path.join(fixturesDir, 'kustomize');

/** The folders `<name>/<folder>/<each>` (and `<name>/<single>`) of the kustomize fixtures that hold a kustomization. */
function fixtureFolders(folder: string, single?: string): string[] {
  const subfolders = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : []);
  return fs
    .readdirSync(kustomizeFixtures)
    .flatMap((name) => [...(single ? [path.join(kustomizeFixtures, name, single)] : []), ...subfolders(path.join(kustomizeFixtures, name, folder))])
    .filter((dir) => fs.existsSync(path.join(dir, 'kustomization.yaml')));
}

/** The overlays kubectl builds (the oracle's): every `<name>/overlay` and `<name>/overlays/<each>`. */
export const fixtureOverlays = fixtureFolders('overlays', 'overlay');

/** The overlays kubectl refuses to build, each for one reason: every `<name>/refused/<each>`. */
export const refusedOverlays = fixtureFolders('refused');
