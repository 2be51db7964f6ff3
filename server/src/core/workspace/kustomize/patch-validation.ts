import { stringify } from 'yaml';
import { defaultSeverity, docsHref } from '../../codes';
import type { Finding } from '../../findings';
import { shiftFinding } from '../../findings';
import { spanOfProblem, type Validator } from '../../features/validation';
import { ParsedDocument } from '../../parse/document';
import type { ManifestFile } from '../../parse/manifest';
import { asMap, asSeq, type YamlPath } from '../../parse/nodes';
import type { Settings } from '../../settings';
import type { KustomizeHost } from './host';
import { dirName, normalize, relativePath } from './paths';
import { Origins } from './origins';
import { renderKustomization } from './render';
import { isDirectiveKey, withoutDirectives } from './strategic-merge';
import { patchUsers } from './users';

/** Where the file being checked sits, and how to read the others. */
export interface KustomizeContext {
  /** Absolute POSIX path of the file. */
  path: string;
  /** The workspace folder: kustomizations are looked for up to it. */
  root: string;
  host: KustomizeHost;
}

export const NOT_RESOLVED_CODE = 'kustomize-not-resolved' as const;

/** The path of the node under `offset` in a document, and whether the offset is on a key. */
function pathAt(document: ParsedDocument, offset: number): { path: YamlPath; target: 'key' | 'value' } {
  const path: YamlPath = [];
  let node: unknown = document.yaml.contents;
  let target: 'key' | 'value' = 'value';
  for (;;) {
    const map = asMap(node);
    const seq = asSeq(node);
    let next: unknown;
    if (map) {
      for (const pair of map.items) {
        const key = pair.key as { range?: [number, number, number]; value?: unknown } | null;
        const value = pair.value as { range?: [number, number, number] } | null;
        if (key?.range && offset >= key.range[0] && offset < key.range[1]) {
          path.push(String(key.value));
          return { path, target: 'key' };
        }
        if (value?.range && offset >= value.range[0] && offset < Math.max(value.range[1], value.range[0] + 1)) {
          path.push(String(key?.value));
          next = value;
          break;
        }
      }
    } else if (seq) {
      seq.items.forEach((item, index) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        if (next === undefined && range && offset >= range[0] && offset < range[1]) {
          path.push(index);
          next = item;
        }
      });
    }
    if (next === undefined) return { path, target };
    node = next;
    target = 'value';
  }
}

/**
 * Findings of a file that kustomizations use as a strategic-merge patch, or undefined when none does (the
 * caller then validates it as a whole manifest). The patch is checked as partial, and each overlay's merged
 * workloads are checked in full; a merged finding is shown here when this file wrote the node it is on.
 */
export function validatePatchFile(validator: Validator, file: ManifestFile, settings: Settings, context: KustomizeContext): Finding[] | undefined {
  const users = patchUsers(context.host, context.path, context.root);
  if (users.length === 0) return undefined;
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
    const render = renderKustomization(context.host, user.dir);
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
    for (const resource of render.resources) {
      if (!resource.patchedBy.some((origin) => origin.file === target && !origin.inline)) continue;
      const merged = new ParsedDocument(stringify(resource.value));
      for (const finding of validator.validateDocument(merged, settings)) {
        const { path, target: on } = pathAt(merged, finding.start);
        // kustomize passes `$retainKeys`/`$setElementOrder/…` through; the patch's own check already accepted them.
        if (path.some((step) => typeof step === 'string' && isDirectiveKey(step))) continue;
        const origin = render.origins.locate(resource.value, path);
        if (!origin || origin.file !== target || origin.inline) continue;
        const slot = file.slots[origin.doc];
        if (!slot) continue;
        const span = spanOfProblem(slot.document, { path: origin.path, target: on });
        add({ code: finding.code, severity: finding.severity, message: finding.message, href: finding.href, start: slot.start + span.start, end: slot.start + span.end });
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
