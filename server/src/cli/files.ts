// Finding the YAML files an invocation names (files, folders, globs) and reading them.
import * as fs from 'fs';
import * as path from 'path';
import { defaultSeverity, docsHref } from '../core/codes';
import type { LanguageService } from '../core/language-service';
import type { Settings } from '../core/settings';
import { globBase, globToRegExp, hasGlobMagic, toSlashes } from './glob';
import { describeError, displayPath } from './io';
import { lintText, type FileResult } from './lint';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Files this large are not read at all (a string this long would exhaust memory); the core declines far smaller ones. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

export function lintFile(service: LanguageService, file: string, cwd: string, settings: Settings): FileResult {
  const shown = displayPath(file, cwd);
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_READ_BYTES) {
      const href = docsHref('file-too-large', settings.docsBaseUrl);
      return {
        path: shown,
        absolutePath: file,
        text: '',
        skipped: false,
        messages: [
          {
            code: 'file-too-large',
            severity: defaultSeverity('file-too-large'),
            message: `This file is ${(size / 1024 / 1024).toFixed(0)} MB, too large to lint; it was not read.`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            ...(href ? { href } : {}),
          },
        ],
      };
    }
    const text = fs.readFileSync(file, 'utf8');
    return { path: shown, absolutePath: file, ...lintText(service, text, settings) };
  } catch (error) {
    return { path: shown, absolutePath: file, messages: [], skipped: false, error: `Cannot read the file: ${describeError(error)}` };
  }
}

/** Files named on the command line, YAML files under folders, and YAML files matching globs; sorted, unique. */
export function expandInputs(inputs: readonly string[], cwd: string): { files: string[]; missing: { input: string; reason: string }[] } {
  const files = new Set<string>();
  const missing: { input: string; reason: string }[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      files.add(absolute);
    } else if (stat?.isDirectory()) {
      for (const file of walkYaml(absolute)) files.add(file);
    } else if (hasGlobMagic(input)) {
      const pattern = toSlashes(input);
      const base = globBase(pattern);
      const matcher = globToRegExp(pattern);
      const baseAbsolute = path.resolve(cwd, base);
      let found = 0;
      if (statOrUndefined(baseAbsolute)?.isDirectory()) {
        for (const file of walkYaml(baseAbsolute)) {
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

function* walkYaml(folder: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // An unreadable folder below the one named holds nothing we can lint.
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walkYaml(full);
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile()))) {
      // Symbolic links to folders are not followed: they can loop.
      yield full;
    }
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
