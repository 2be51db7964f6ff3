import { defaultSeverity, docsHref } from '../../codes';
import type { Finding } from '../../findings';
import { shiftFinding } from '../../findings';
import { spanOfProblem, type Validator } from '../validation';
import { parseManifest } from '../../parse/manifest';
import type { Settings } from '../../settings';
import { isKustomizationFileName, type KustomizeHost } from '../../workspace/kustomize/host';
import { kustomizationFindings } from './kustomization-checks';
import { Origins } from '../../workspace/kustomize/origins';
import { placeIn, SourceFiles, uniqueFindings, validateOverlay, type OverlayCheck } from './overlay-validation';
import type { RenderNote, RenderProblem } from '../../workspace/kustomize/render';
import { withoutDirectives } from '../../workspace/kustomize/strategic-merge';

export const NOT_RESOLVED_CODE = 'kustomize-not-resolved' as const;

/** An overlay's findings by the file they are shown in (absolute paths, offsets of that file's text). */
export interface OverlayReport {
  check: OverlayCheck;
  files: Map<string, Finding[]>;
}

/** `kustomize-not-resolved` for a kustomization's notes, on the field that asks for what is not followed. */
export function notResolvedFindings(host: KustomizeHost, file: string, notes: readonly RenderNote[], settings: Settings): Finding[] {
  const level = settings.rules[NOT_RESOLVED_CODE];
  if (level === 'off') return [];
  const parsed = parseManifest(host.readFile(file) ?? '');
  const slot = parsed.slots[0];
  return notes.map((note) => {
    const span = slot ? spanOfProblem(slot.document, { path: [note.field], target: 'key' }) : { start: 0, end: 0 };
    return {
      code: NOT_RESOLVED_CODE,
      severity: level ?? defaultSeverity(NOT_RESOLVED_CODE),
      message: note.message,
      start: (slot?.start ?? 0) + span.start,
      end: (slot?.start ?? 0) + span.end,
      href: docsHref(NOT_RESOLVED_CODE, settings.docsBaseUrl),
    };
  });
}

/** Render problems (a JSON patch operation that does not apply, a patch that matches nothing) as findings in their files. */
export function problemFindings(host: KustomizeHost, problems: readonly RenderProblem[], settings: Settings): (Finding & { file: string; inline: boolean })[] {
  const sources = new SourceFiles(host);
  const findings: (Finding & { file: string; inline: boolean })[] = [];
  for (const problem of problems) {
    const level = settings.rules[problem.code];
    if (level === 'off') continue;
    const span = placeIn(sources, problem.origin, problem.target ?? 'key');
    if (!span) continue;
    findings.push({ code: problem.code, severity: level ?? defaultSeverity(problem.code), message: problem.message, ...span, href: docsHref(problem.code, settings.docsBaseUrl), file: problem.origin.file, inline: !!problem.origin.inline });
  }
  return findings;
}

/** YAML problems (syntax, duplicate keys) of a file the render read: such a document is left out of the render. */
function yamlFindings(validator: Validator, text: string, settings: Settings): Finding[] {
  const strip = (value: unknown) => withoutDirectives(value, new Origins());
  const findings: Finding[] = [];
  for (const slot of parseManifest(text).slots) {
    const codes = new Set<string>(slot.document.problems.map((problem) => problem.code));
    if (codes.size === 0) continue;
    for (const finding of validator.validateDocument(slot.document, settings, { asPatch: strip })) if (codes.has(finding.code)) findings.push(shiftFinding(finding, slot.start));
  }
  return findings;
}

/**
 * What `sidecar-lint DIR` reports for a folder with a kustomization: the rendered overlay checked in full, each
 * finding in the patch or base file that caused it; YAML problems of the files read; what was not followed.
 */
export function overlayReport(validator: Validator, host: KustomizeHost, dir: string, settings: Settings): OverlayReport {
  const check = validateOverlay(validator, host, dir, settings);
  const files = new Map<string, Finding[]>();
  const add = (file: string, findings: readonly Finding[]) => {
    if (findings.length > 0) files.set(file, [...(files.get(file) ?? []), ...findings]);
  };
  for (const file of check.render.files) {
    const text = host.readFile(file);
    if (text === undefined) continue;
    add(file, yamlFindings(validator, text, settings));
    const slot = isKustomizationFileName(file) ? parseManifest(text).slots[0] : undefined;
    if (slot) add(file, kustomizationFindings(slot.document, file, host, settings).map((finding) => shiftFinding(finding, slot.start)));
  }
  const notes = new Map<string, RenderNote[]>();
  for (const note of check.render.notes) notes.set(note.file, [...(notes.get(note.file) ?? []), note]);
  for (const [file, list] of notes) add(file, notResolvedFindings(host, file, list, settings));
  for (const finding of uniqueFindings([...problemFindings(host, check.render.problems, settings), ...check.findings])) {
    const { code, severity, message, start, end, href, data, unnecessary } = finding;
    add(finding.file, [{ code, severity, message, start, end, href, data, unnecessary }]);
  }
  for (const [file, findings] of files) files.set(file, findings.sort((a, b) => a.start - b.start));
  return { check, files };
}
