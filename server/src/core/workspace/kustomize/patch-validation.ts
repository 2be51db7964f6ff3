import { defaultSeverity, docsHref } from '../../codes';
import type { Finding } from '../../findings';
import { shiftFinding } from '../../findings';
import type { Validator } from '../../features/validation';
import type { ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import type { KustomizeCache } from './cache';
import type { KustomizeHost } from './host';
import { dirName, normalize, relativePath } from './paths';
import { Origins } from './origins';
import { NOT_RESOLVED_CODE, problemFindings } from './overlay-report';
import { validateOverlay } from './overlay-validation';
import { withoutDirectives } from './strategic-merge';
import { patchUsers } from './users';

/** Where the file being checked sits, and how to read the others. */
export interface KustomizeContext {
  /** Absolute POSIX path of the file. */
  path: string;
  /** The workspace folder: kustomizations are looked for up to it. */
  root: string;
  host: KustomizeHost;
  /** Rendered overlays and host reads kept between checks (the editor's; the CLI's for one run). */
  cache?: KustomizeCache;
}

export { NOT_RESOLVED_CODE };

/**
 * Findings of a file that kustomizations use as a strategic-merge patch, or undefined when none does (the
 * caller then validates it as a whole manifest). The patch is checked as partial, and each overlay's merged
 * workloads are checked in full; a merged finding is shown here when this file wrote the node it is on.
 */
export function validatePatchFile(validator: Validator, file: ManifestFile, settings: Settings, context: KustomizeContext): Finding[] | undefined {
  const { cache } = context;
  const host = cache ? cache.wrap(context.host) : context.host;
  // Overlays elsewhere in the workspace that share the patch (through a component) are found with the cache's index.
  const { users, listed } = patchUsers(host, context.path, context.root, cache?.index(context.host, context.root));
  if (!listed) return undefined;
  const strip = (value: unknown) => withoutDirectives(value, new Origins());
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding) => {
    const key = `${finding.code}|${finding.start}|${finding.end}|${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const slot of file.slots) for (const finding of validator.validateDocument(slot.document, settings, { asPatch: strip })) add(shiftFinding(finding, slot.start));
  const target = normalize(context.path);
  for (const user of users) {
    const check = cache ? cache.overlay(validator, context.host, user.dir, settings) : validateOverlay(validator, host, user.dir, settings);
    const render = check.render;
    const notes = new Set(render.notes.map((note) => `${relativePath(dirName(target), note.file) || note.file}: ${note.message}`));
    if (notes.size > 0 && settings.rules[NOT_RESOLVED_CODE] !== 'off') {
      const first = file.slots[0];
      add({
        code: NOT_RESOLVED_CODE,
        severity: settings.rules[NOT_RESOLVED_CODE] ?? defaultSeverity(NOT_RESOLVED_CODE),
        message: `Checked merged into its base by ${relativePath(dirName(target), user.kustomizationFile)}; not resolved here: ${[...notes].join(' ')}`,
        start: first?.start ?? 0,
        end: (first?.start ?? 0) + Math.min(1, file.text.length),
        href: docsHref(NOT_RESOLVED_CODE, settings.docsBaseUrl),
      });
    }
    for (const finding of [...problemFindings(host, render.problems, settings), ...check.findings]) {
      // Only what this file wrote (not an inline patch of the kustomization, not the base).
      if (finding.file !== target || ('origin' in finding ? finding.origin.inline : finding.inline)) continue;
      add({ code: finding.code, severity: finding.severity, message: finding.message, href: finding.href, start: finding.start, end: finding.end });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
