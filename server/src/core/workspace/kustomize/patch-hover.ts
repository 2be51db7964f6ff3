import { stringify } from 'yaml';
import { inlineCode } from '../../features/hover';
import type { Validator } from '../../features/validation';
import type { ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import { pathAt } from './overlay-validation';
import { dirName, normalize, relativePath } from './paths';
import { kustomizeSession, type KustomizeContext } from './session';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/**
 * In a strategic-merge patch, the container under `offset` as each overlay that uses the patch renders it (the
 * base's fields with the patch's), as Markdown for the hover; undefined off a container or outside a patch.
 */
export function mergedContainerHover(validator: Validator, file: ManifestFile, offset: number, settings: Settings, context: KustomizeContext): string | undefined {
  const slot = file.slotAt(offset);
  if (!slot) return undefined;
  const { path } = pathAt(slot.document, offset - slot.start);
  const list = path.findIndex((step, index) => typeof step === 'string' && CONTAINER_LISTS.has(step) && typeof path[index + 1] === 'number');
  if (list < 0) return undefined;
  const name = (at(slot.document.value().value, path.slice(0, list + 2)) as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string') return undefined;
  const session = kustomizeSession(validator, context, settings);
  const target = normalize(context.path);
  const sections: string[] = [];
  for (const user of session.users().users) {
    const check = session.check(user.dir);
    for (const resource of check.render.resources) {
      if (!resource.patchedBy.some((origin) => origin.file === target && origin.doc === slot.index && !origin.inline)) continue;
      const containers = at(resource.value, path.slice(0, list + 1));
      const merged = Array.isArray(containers) ? containers.find((item) => (item as { name?: unknown } | null)?.name === name) : undefined;
      if (!merged) continue;
      const yaml = stringify(merged).trimEnd();
      // A fence longer than any run of backticks in the text, so the text cannot close it.
      const fence = '`'.repeat(Math.max(3, ...[...yaml.matchAll(/`+/g)].map((run) => run[0].length + 1)));
      sections.push(`**Merged container** ${inlineCode(name)} as ${inlineCode(relativePath(dirName(target), user.kustomizationFile))} renders it:\n\n${fence}yaml\n${yaml}\n${fence}`);
    }
  }
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}
