import { defaultSeverity, docsHref } from '../../codes';
import type { Finding } from '../../findings';
import { shiftFinding } from '../../findings';
import type { Validator } from '../validation';
import type { ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import { dirName, normalize, relativePath } from '../../workspace/kustomize/paths';
import { Origins } from '../../workspace/kustomize/origins';
import { isKustomizationFileName } from '../../workspace/kustomize/host';
import { parseKustomization } from '../../workspace/kustomize/kustomization';
import { kustomizationFindings } from './kustomization-checks';
import { NOT_RESOLVED_CODE, notResolvedFindings, problemFindings } from './overlay-report';
import { spanOfProblem } from '../validation';
import type { OverlayCheck } from './overlay-validation';
import { kustomizeSession, type KustomizeContext, type KustomizeSession } from './session';
import { withoutDirectives } from '../../workspace/kustomize/strategic-merge';

export type { KustomizeContext };
export { NOT_RESOLVED_CODE };

/**
 * Findings of a file that kustomizations use as a strategic-merge patch, or undefined when none does (the
 * caller then validates it as a whole manifest). The patch is checked as partial, and each overlay's merged
 * workloads are checked in full; a merged finding is shown here when this file wrote the node it is on.
 */
export function validatePatchFile(validator: Validator, file: ManifestFile, settings: Settings, context: KustomizeContext): Finding[] | undefined {
  const session = kustomizeSession(validator, context, settings, file);
  const { host } = session;
  const { users, listed } = session.users();
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
    const check = session.check(user.dir);
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
    for (const finding of baseFindings(validator, session, check, target, file, settings, user.kustomizationFile)) add(finding);
    for (const finding of [...problemFindings(host, render.problems, settings), ...check.findings]) {
      // Only what this file wrote (not an inline patch of the kustomization, not the base).
      if (finding.file !== target || ('origin' in finding ? finding.origin.inline : finding.inline)) continue;
      add({ code: finding.code, severity: finding.severity, message: finding.message, href: finding.href, start: finding.start, end: finding.end });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/**
 * Merged-pod findings on the base's nodes of the resources this patch changes that the base file alone does not
 * have (the patch deleted a volume the base mounts, added a second container on the base's port…): shown in the
 * patch, on the patched resource's name, with the base's node as related information (issue 12 item 3).
 */
function baseFindings(validator: Validator, session: KustomizeSession, check: OverlayCheck, target: string, file: ManifestFile, settings: Settings, kustomizationFile: string): Finding[] {
  const own = new Map<string, Set<string> | undefined>();
  const alone = (path: string): Set<string> | undefined => {
    if (!own.has(path)) {
      const text = session.host.readFile(path);
      own.set(path, text === undefined ? undefined : new Set(validator.validate(session.parse(text), settings).map((f) => `${f.code}|${f.start}|${f.end}`)));
    }
    return own.get(path);
  };
  const here = dirName(target);
  const findings: Finding[] = [];
  for (const finding of check.findings) {
    if (finding.file === target || finding.origin.inline) continue;
    const by = check.render.resources[finding.resource]?.patchedBy.find((origin) => origin.file === target && !origin.inline);
    const slot = by && file.slots[by.doc];
    const known = alone(finding.file);
    if (!slot || !known || known.has(`${finding.code}|${finding.start}|${finding.end}`)) continue;
    const lines = session.parse(session.host.readFile(finding.file) ?? '').lineIndex;
    const range = lines.rangeOf(finding.start, finding.end);
    const where = `${relativePath(here, finding.file) || finding.file}:${range.start.line + 1}`;
    const span = spanOfProblem(slot.document, { path: ['metadata', 'name'], target: 'value' });
    findings.push({
      code: finding.code,
      severity: finding.severity,
      message: `In the merged pod (${relativePath(here, kustomizationFile)}), at ${where}: ${finding.message}`,
      href: finding.href,
      start: slot.start + span.start,
      end: slot.start + span.end,
      related: [{ file: finding.file, range, message: `${finding.code} here in the pod ${relativePath(here, kustomizationFile)} renders` }],
    });
  }
  return findings;
}

/**
 * Findings of a kustomization file in the editor or the CLI: its own checks (fields, types, paths, deprecations),
 * what rendering it finds there (a target that selects nothing, a JSON patch without target) and what it does not
 * follow; undefined when the file is no kustomization (the caller validates it as usual).
 */
export function validateKustomizationFile(validator: Validator, file: ManifestFile, settings: Settings, context: KustomizeContext): Finding[] | undefined {
  const path = normalize(context.path);
  const slot = file.slots[0];
  if (!isKustomizationFileName(path) || !slot) return undefined;
  const session = kustomizeSession(validator, context, settings);
  const { host } = session;
  const findings = [...validator.validate(file, settings), ...kustomizationFindings(slot.document, path, host, settings).map((f) => shiftFinding(f, slot.start))];
  // A Component is rendered only inside the overlays that include it: alone, its patches would match nothing.
  if (parseKustomization(file.text)?.kind === 'Kustomization') {
    const dir = dirName(path);
    const check = session.check(dir);
    for (const finding of problemFindings(host, check.render.problems, settings)) if (finding.file === path) findings.push(withoutPlace(finding));
    findings.push(...notResolvedFindings(host, path, check.render.notes.filter((note) => note.file === path), settings));
  }
  return findings.sort((a, b) => a.start - b.start);
}

function withoutPlace(finding: Finding & { file: string; inline: boolean }): Finding {
  const { code, severity, message, start, end, href, data } = finding;
  return { code, severity, message, start, end, href, data };
}
