// Finding the YAML files an invocation names (files, folders, globs) and reading them.
import * as fs from 'fs';
import * as path from 'path';
import type { LanguageService } from '../core/language-service';
import type { Settings } from '../core/settings';
import type { KustomizeContext } from '../core/features/kustomize/patch-validation';
import { GlobError, globBase, globToRegExp, hasGlobMagic, toSlashes } from '../glob';
import { describeError, displayPath } from './io';
import type { FileResult } from './lint';
import { STREAM_THRESHOLD, StreamLinter } from './stream';
import { parseManifest } from '../core/parse/manifest';
import type { WorkspaceIndex } from '../core/workspace/index/workspace-index';
import { SKIPPED_FOLDERS, YAML_FILE } from '../yaml-files';
import { FolderFilter, readText } from '../file-filter';
import { lintText, withoutByteOrderMark } from './lint';

const READ_BLOCK = 1024 * 1024;

/**
 * The workspace of a run: every input file parsed once into one index, so references are checked across them
 * (the editor's index, built from the command line). Inputs that stream (over STREAM_THRESHOLD) and unreadable
 * ones are left out; the lint pass reuses each parse.
 */
export function indexInputs(service: LanguageService, files: readonly string[]): WorkspaceIndex {
  const index = service.createWorkspaceIndex();
  for (const file of files) {
    try {
      if (fs.statSync(file).size > STREAM_THRESHOLD) continue;
      index.set(file, parseManifest(withoutByteOrderMark(fs.readFileSync(file, 'utf8'))));
    } catch {
      // Reported by the lint pass, which reads the file again.
    }
  }
  return index;
}

/** The one read buffer of the run: lintFile is synchronous, and a fresh 1 MB per file cost more than the parse. */
let readBlock: Buffer | undefined;

/**
 * Reads a file in blocks through a StreamLinter: any size, with memory for one document at a time. A file the
 * workspace pass read and parsed already is linted from that text (lintText reuses the parse).
 */
export function lintFile(service: LanguageService, file: string, cwd: string, settings: Settings, kustomize?: KustomizeContext, workspace?: WorkspaceIndex): FileResult {
  const shown = displayPath(file, cwd);
  const indexed = workspace?.fileOf(file);
  if (indexed) return { path: shown, absolutePath: file, ...lintText(service, indexed.text, settings, file, kustomize, workspace) };
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const linter = new StreamLinter(service, settings, file, kustomize, workspace);
    const decoder = new TextDecoder('utf-8');
    const block = (readBlock ??= Buffer.allocUnsafe(READ_BLOCK));
    for (let read = fs.readSync(fd, block, 0, READ_BLOCK, null); read > 0; read = fs.readSync(fd, block, 0, READ_BLOCK, null)) {
      linter.push(decoder.decode(block.subarray(0, read), { stream: true }));
    }
    linter.push(decoder.decode());
    return { path: shown, absolutePath: file, ...linter.end() };
  } catch (error) {
    return { path: shown, absolutePath: file, messages: [], skipped: false, error: `Cannot read the file: ${describeError(error)}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Files named on the command line, YAML files under folders, and YAML files matching globs; sorted, unique. */
export function expandInputs(
  inputs: readonly string[],
  cwd: string,
  options: { followSymlinks?: boolean; excludes?: readonly string[]; gitignore?: boolean } = {},
): { files: string[]; missing: { input: string; reason: string }[] } {
  // Folders are walked as the editor indexes them: what .gitignore files ignore and --exclude globs (from the
  // working folder) are left out; a file named on the command line is always linted.
  const walk = (folder: string) =>
    walkYaml(folder, options.followSymlinks ? undefined : realOrSelf(folder), FolderFilter.at(folder, { excludes: options.excludes, excludeRoot: cwd, gitignore: options.gitignore }));
  const files = new Set<string>();
  const missing: { input: string; reason: string }[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      files.add(absolute);
    } else if (stat?.isDirectory()) {
      for (const file of walk(absolute)) files.add(file);
    } else if (hasGlobMagic(input)) {
      const pattern = toSlashes(input);
      const base = globBase(pattern);
      let matcher: RegExp;
      try {
        matcher = globToRegExp(pattern);
      } catch (error) {
        if (!(error instanceof GlobError)) throw error;
        missing.push({ input, reason: error.message });
        continue;
      }
      const baseAbsolute = path.resolve(cwd, base);
      let found = 0;
      if (statOrUndefined(baseAbsolute)?.isDirectory()) {
        for (const file of walk(baseAbsolute)) {
          const candidate = base === '.' ? toSlashes(path.relative(baseAbsolute, file)) : `${base.replace(/\/$/, '')}/${toSlashes(path.relative(baseAbsolute, file))}`;
          if (matcher.test(candidate.replace(/^\.\//, ''))) {
            files.add(file);
            found++;
          }
        }
      }
      if (found === 0) missing.push({ input, reason: 'No YAML file matches this glob.' });
    } else if (stat) {
      // A FIFO, socket or device: reading it could block forever.
      missing.push({ input, reason: 'Not a regular file or folder.' });
    } else {
      missing.push({ input, reason: 'No such file or folder.' });
    }
  }
  return { files: [...files].sort(), missing };
}

/**
 * YAML files below `folder`, sorted. A symbolic link to a file is followed only while its target stays inside
 * `within` (the real path of the folder named), unless that is undefined (--follow-symlinks): a link out of the
 * tree must not bring /etc or a home folder's files into the report and its code frames.
 */
function* walkYaml(folder: string, within: string | undefined, parent: FolderFilter): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // An unreadable folder below the one named holds nothing we can lint.
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const filter = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? parent.withGitignore(readText(path.join(folder, '.gitignore'))) : parent;
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !filter.skips(entry.name, true)) yield* walkYaml(full, within, filter.child(entry.name));
    } else if (filter.skips(entry.name, false)) {
      continue;
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile() && inside(realOrSelf(full), within)))) {
      // Symbolic links to folders are not followed: they can loop.
      yield full;
    }
  }
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function inside(file: string, folder: string | undefined): boolean {
  if (folder === undefined) return true;
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
