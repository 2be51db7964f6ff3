import * as fs from 'fs';
import type { KustomizeHost } from '../../../server/src/core/workspace/kustomize/host';

/** The CLI's view: files from the disk, with `buffers` (open editors) winning over it. */
export function diskHost(buffers: Record<string, string> = {}): KustomizeHost {
  return {
    readFile: (path) => {
      if (path in buffers) return buffers[path];
      try {
        return fs.statSync(path).isFile() ? fs.readFileSync(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    isDirectory: (path) => {
      try {
        return fs.statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
  };
}
