// Where the config file for a folder is: path arithmetic over the host's file names, shared by the LSP layer and
// the CLI (the core only parses config text; it knows no paths).
import * as path from 'path';
import { CONFIG_FILE_NAMES } from './core/config-file';

/**
 * The config file that applies to a file in `directory`: the nearest one in it or a folder above, not above
 * `stopAt` (the workspace folder, the CLI's working folder) when given, nor above a folder that `isRoot` calls a
 * root (the CLI: a repository root, with `.git`). A config found is the only one: there is no cascade, so a
 * config with `root: true` ends the lookup as any config does. `exists` is injected so the LSP layer can ask its
 * cache of open config files and the CLI the file system.
 */
export function findConfigFile(directory: string, exists: (file: string) => boolean, stopAt?: string, isRoot: (folder: string) => boolean = () => false): string | undefined {
  let current = path.resolve(directory);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (exists(candidate)) return candidate;
    }
    if ((stop && current === stop) || isRoot(current)) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
