// sidecar-lint and kustomize: a folder with a kustomization is linted as it renders; a patch file as the overlays
// that use it. Files come from the disk (the core reads them through a host, remembered for the run).
import * as fs from 'fs';
import * as path from 'path';
import type { LanguageService } from '../core/language-service';
import { parseManifest } from '../core/parse/manifest';
import type { Settings } from '../core/settings';
import type { KustomizeCache } from '../core/features/kustomize/cache';
import { kustomizationFileIn, type KustomizeHost } from '../core/workspace/kustomize/host';
import type { KustomizeContext } from '../core/features/kustomize/patch-validation';
import { posixPath } from '../disk-host';
import { displayPath } from './io';
import { placeFindings, type FileResult } from './lint';

/** Whether a folder named on the command line holds a kustomization (then it is linted as rendered). */
export function isOverlayFolder(folder: string, host: KustomizeHost): boolean {
  return host.isDirectory(posixPath(folder)) && kustomizationFileIn(host, posixPath(folder)) !== undefined;
}

/**
 * For a file linted on its own: the kustomizations that may use it as a patch are looked for from its folder up
 * to the repository root (a folder with `.git`), else up to the working folder when the file is below it.
 */
export function kustomizeContext(file: string, cwd: string, host: KustomizeHost, cache: KustomizeCache): KustomizeContext {
  let root: string | undefined;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  const relative = path.relative(cwd, file);
  const belowCwd = !relative.startsWith('..') && !path.isAbsolute(relative);
  return { path: posixPath(file), root: posixPath(root ?? (belowCwd ? cwd : path.dirname(file))), host, cache };
}

/** `sidecar-lint overlays/prod`: one result per file a finding lands in (patches, bases, kustomizations). */
export function lintOverlay(service: LanguageService, folder: string, cwd: string, settings: Settings, host: KustomizeHost): FileResult[] {
  const report = service.overlay(posixPath(folder), host, settings);
  const results: FileResult[] = [];
  // Every file the render read counts as checked, with or without findings.
  for (const file of new Set([...report.check.render.files, ...report.files.keys()])) {
    const text = host.readFile(file);
    if (text === undefined) continue;
    const native = path.resolve(file);
    results.push({ path: displayPath(native, cwd), absolutePath: native, ...placeFindings(parseManifest(text), report.files.get(file) ?? []), skipped: false });
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
