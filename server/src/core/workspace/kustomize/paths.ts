/**
 * POSIX path arithmetic for the kustomize code (the core uses no Node built-ins): absolute `/`-separated paths,
 * as the LSP layer and the CLI hand them in.
 */

/** `a/./b/../c` → `a/c`; keeps a leading `/`. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** `dir` joined with `relative`; an absolute `relative` stands alone. */
export function joinPath(dir: string, relative: string): string {
  return normalize(relative.startsWith('/') ? relative : `${dir}/${relative}`);
}

export function dirName(path: string): string {
  const normal = normalize(path);
  const slash = normal.lastIndexOf('/');
  return slash <= 0 ? (normal.startsWith('/') ? '/' : '.') : normal.slice(0, slash);
}

export function baseName(path: string): string {
  const normal = normalize(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

/** `to` as seen from the folder `from` (both absolute). */
export function relativePath(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/** Whether `path` is `folder` or inside it. */
export function isInsideFolder(path: string, folder: string): boolean {
  const p = normalize(path);
  const f = normalize(folder);
  return p === f || p.startsWith(f === '/' ? '/' : `${f}/`);
}

/** A `file:` URI for an absolute path (`/a/b` → `file:///a/b`, `C:/a` → `file:///C%3A/a`), each segment encoded. */
export function fileUri(path: string): string {
  const normal = normalize(path);
  return `file://${normal.startsWith('/') ? '' : '/'}${normal.split('/').map(encodeURIComponent).join('/')}`;
}
