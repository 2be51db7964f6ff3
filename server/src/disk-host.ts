// The file system as the kustomize code reads it (the core never touches the disk): the CLI reads the disk,
// the language server its open buffers first and the disk second.
import * as fs from 'fs';
import * as path from 'path';
import type { KustomizeHost } from './core/workspace/kustomize/host';

/** `/`-separated, as the core's path arithmetic expects; Windows paths go in as `C:/…`. */
export function posixPath(native: string): string {
  return native.split(path.sep).join('/');
}

/** Files from the disk; `buffer(path)` (open editors) wins when it answers. */
export function diskHost(buffer: (file: string) => string | undefined = () => undefined): KustomizeHost {
  return {
    readFile(file) {
      const open = buffer(file);
      if (open !== undefined) return open;
      try {
        return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    isDirectory(file) {
      try {
        return fs.statSync(file).isDirectory();
      } catch {
        return false;
      }
    },
    subfolders(folder) {
      try {
        return fs
          .readdirSync(folder, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name);
      } catch {
        return undefined;
      }
    },
    entries(folder) {
      try {
        return fs.readdirSync(folder, { withFileTypes: true }).map((entry) => {
          let directory = entry.isDirectory();
          // A link counts as what it points at (kustomize follows links).
          if (entry.isSymbolicLink()) directory = this.isDirectory(path.join(folder, entry.name));
          return { name: entry.name, directory };
        });
      } catch {
        return undefined;
      }
    },
  };
}
