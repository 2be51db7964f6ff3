// What a walk over a folder leaves out besides SKIPPED_FOLDERS, shared by the editor's workspace index and
// sidecar-lint's folder inputs: what .gitignore files ignore (git's rules, read by the `ignore` package; each file
// speaks for its own folder, a deeper one wins; only files inside the walked folder count),
// and exclude globs (VS Code's `files.exclude`, `sidecar-lint --exclude`) matched against the path from their root.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { GlobError, globToRegExp, toSlashes } from './glob';

interface Scope {
  /** The folder of the .gitignore (absolute, `/` separators). */
  base: string;
  rules: Ignore;
}

export interface FilterOptions {
  /** Globs of paths to leave out, from `excludeRoot`; one that matches a folder leaves out what is below it. */
  excludes?: readonly string[];
  /** What the exclude globs are relative to (the workspace folder, the working folder). */
  excludeRoot?: string;
  /** Read .gitignore files (default: yes). */
  gitignore?: boolean;
}

/** The filter of one folder of a walk: `child` for a subfolder, `skips` for an entry. */
export class FolderFilter {
  private constructor(
    /** This folder, absolute, with `/` separators. */
    private readonly folder: string,
    private readonly scopes: readonly Scope[],
    private readonly excludes: readonly RegExp[],
    private readonly excludeRoot: string,
    private readonly gitignore: boolean,
  ) {}

  /**
   * The filter of the folder a walk starts at. Only .gitignore files inside it count, as in VS Code's search
   * (`search.useParentIgnoreFiles` is off by default): a folder opened or named on purpose is never left out by a
   * repository around it that ignores it. A glob that does not compile is left out (sidecar-lint refuses one in
   * its arguments first).
   */
  static at(folder: string, options: FilterOptions = {}): FolderFilter {
    const excludes = (options.excludes ?? []).flatMap((glob) => compiled(glob));
    return new FolderFilter(slashes(path.resolve(folder)), [], excludes, slashes(path.resolve(options.excludeRoot ?? folder)), options.gitignore !== false);
  }

  /** This folder's filter with its own .gitignore (its text, when it has one). */
  withGitignore(text: string | undefined): FolderFilter {
    return this.withGitignoreOf(this.folder, text);
  }

  child(name: string): FolderFilter {
    return new FolderFilter(`${this.folder}/${name}`, this.scopes, this.excludes, this.excludeRoot, this.gitignore);
  }

  /** Whether an entry of this folder is left out: an exclude glob matches it, or the nearest .gitignore that decides ignores it. */
  skips(name: string, isDirectory: boolean): boolean {
    const full = `${this.folder}/${name}`;
    const fromRoot = relativeInside(this.excludeRoot, full);
    if (fromRoot !== undefined && this.excludes.some((glob) => glob.test(fromRoot))) return true;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const { base, rules } = this.scopes[i];
      const relative = relativeInside(base, full);
      if (relative === undefined) continue;
      const result = rules.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }

  private withGitignoreOf(base: string, text: string | undefined): FolderFilter {
    if (!this.gitignore || text === undefined || text.trim() === '') return this;
    return new FolderFilter(this.folder, [...this.scopes, { base, rules: ignore().add(text) }], this.excludes, this.excludeRoot, this.gitignore);
  }
}

/** Whether a file is left out by the filters of the folders from `root` down to it (a watched file's check). */
export function isFiltered(root: string, file: string, options: FilterOptions = {}): boolean {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const parts = relative.split(path.sep);
  let filter = FolderFilter.at(root, options).withGitignore(readText(path.join(root, '.gitignore')));
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    if (filter.skips(parts[i], i < parts.length - 1)) return true;
    if (i === parts.length - 1) break;
    dir = path.join(dir, parts[i]);
    filter = filter.child(parts[i]).withGitignore(readText(path.join(dir, '.gitignore')));
  }
  return false;
}

/** The globs of a VS Code `files.exclude` value that are on (`{ "**\/.git": true, "**\/tmp": false }`). */
export function enabledGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
}

export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function compiled(glob: string): RegExp[] {
  try {
    return [globToRegExp(glob.replace(/\/+$/, ''))];
  } catch (error) {
    if (error instanceof GlobError) return [];
    throw error;
  }
}

function slashes(file: string): string {
  return toSlashes(file).replace(/\/+$/, '') || '/';
}

function relativeInside(base: string, full: string): string | undefined {
  if (base === '/') return full.slice(1);
  return full.startsWith(`${base}/`) ? full.slice(base.length + 1) : undefined;
}
