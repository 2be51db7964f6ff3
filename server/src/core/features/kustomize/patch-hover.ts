import { stringify } from 'yaml';
import { inlineCode } from '../hover';
import type { Validator } from '../validation';
import type { ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import { pathAt } from './overlay-validation';
import { dirName, normalize, relativePath } from '../../workspace/kustomize/paths';
import { containerListIndex, namedItem, valueAt } from '../../workspace/kustomize/values';
import { kustomizeSession, type KustomizeContext } from './session';

/**
 * In a strategic-merge patch, the container under `offset` as each overlay that uses the patch renders it (the
 * base's fields with the patch's), as Markdown for the hover; undefined off a container or outside a patch.
 */
export function mergedContainerHover(validator: Validator, file: ManifestFile, offset: number, settings: Settings, context: KustomizeContext): string | undefined {
  const slot = file.slotAt(offset);
  if (!slot) return undefined;
  const { path } = pathAt(slot.document, offset - slot.start);
  const list = containerListIndex(path);
  if (list < 0) return undefined;
  const name = (valueAt(slot.document.value().value, path.slice(0, list + 2)) as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string') return undefined;
  const session = kustomizeSession(validator, context, settings);
  const target = normalize(context.path);
  const sections: string[] = [];
  for (const { user, resource } of session.patched(slot.index)) {
    const merged = namedItem(valueAt(resource.value, path.slice(0, list + 1)), name);
    if (!merged) continue;
    const yaml = stringify(merged).trimEnd();
    // A fence longer than any run of backticks in the text, so the text cannot close it.
    const fence = '`'.repeat(Math.max(3, ...[...yaml.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    sections.push(`**Merged container** ${inlineCode(name)} as ${inlineCode(relativePath(dirName(target), user.kustomizationFile))} renders it:\n\n${fence}yaml\n${yaml}\n${fence}`);
  }
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}
