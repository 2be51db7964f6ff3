import { CompletionItemKind, type CodeLens, type CompletionItem, type Location } from 'vscode-languageserver-types';
import { cursorContext } from '../completion/context';
import type { Validator } from '../validation';
import type { ManifestFile } from '../../parse/manifest';
import type { YamlPath } from '../../parse/nodes';
import type { Settings } from '../../settings';
import type { Origin } from '../../workspace/kustomize/origins';
import { pathAt, placeIn, SourceFiles } from './overlay-validation';
import { baseName, dirName, fileUri, normalize, relativePath } from '../../workspace/kustomize/paths';
import { kustomizeSession, type KustomizeContext, type PatchedResource } from './session';
import { containerListIndex, itemNames, namedItem, valueAt } from '../../workspace/kustomize/values';

/** Names of the merged pod a patch may refer to, where: the list they live in, relative to the pod spec. */
interface NameSource {
  list: YamlPath;
  what: string;
}

/**
 * At the value under the cursor of a patch, which names of the merged pod to offer: a mount's volume, a probe's
 * named port (of the same container), a container to patch (by its merge key, `name`).
 */
function nameSource(path: YamlPath, key: string | undefined, patch: unknown): { podSpec: YamlPath; source: NameSource } | undefined {
  const list = containerListIndex(path);
  if (list < 0 || key === undefined) return undefined;
  const podSpec = path.slice(0, list);
  const inContainer = path.slice(list + 2);
  if (inContainer.length === 3 && (inContainer[0] === 'volumeMounts' || inContainer[0] === 'volumeDevices') && key === 'name') return { podSpec, source: { list: ['volumes'], what: 'volume' } };
  if (inContainer.length === 1 && key === 'name') return { podSpec, source: { list: [String(path[list])], what: 'container' } };
  const probe = inContainer[0];
  if (typeof probe === 'string' && /Probe$/.test(probe) && key === 'port') {
    const name = (valueAt(patch, path.slice(0, list + 2)) as { name?: unknown } | undefined)?.name;
    return { podSpec, source: { list: [String(path[list]), `name=${String(name)}`, 'ports'], what: 'port' } };
  }
  return undefined;
}

/** The list a name source reads in a rendered resource (`name=X` steps pick the item named X). */
function listIn(resource: PatchedResource, podSpec: YamlPath, list: YamlPath): unknown {
  let current = valueAt(resource.resource.value, podSpec);
  for (const step of list) current = typeof step === 'string' && step.startsWith('name=') ? namedItem(current, step.slice(5)) : valueAt(current, [step]);
  return current;
}

function sourceName(here: string, origin: Origin | undefined): string {
  return origin ? relativePath(dirName(here), origin.file) || baseName(origin.file) : 'the base';
}

/**
 * Completion in a strategic-merge patch of names that only the merged pod has: the base's volumes for a mount,
 * the merged container's named ports for a probe, the base's containers for an entry that patches one.
 */
export function patchNameCompletions(validator: Validator, file: ManifestFile, offset: number, settings: Settings, context: KustomizeContext): CompletionItem[] {
  const slot = file.slotAt(offset);
  const cursor = slot && cursorContext(slot.document.text, offset - slot.start);
  if (!slot || !cursor || cursor.kind !== 'value') return [];
  const patch = slot.document.value().value;
  const found = nameSource(cursor.path, cursor.key, patch);
  if (!found) return [];
  const session = kustomizeSession(validator, context, settings);
  const here = normalize(context.path);
  const items = new Map<string, CompletionItem>();
  for (const resource of session.patched(slot.index)) {
    const list = listIn(resource, found.podSpec, found.source.list);
    for (const name of itemNames(list)) {
      const item = namedItem(list, name);
      const origin = item ? resource.check.render.origins.of(item) : undefined;
      if (origin?.file === here && origin.doc === slot.index) continue;
      if (!items.has(name)) items.set(name, { label: name, kind: CompletionItemKind.Reference, detail: `${found.source.what} from ${sourceName(here, origin)}` });
    }
  }
  return [...items.values()];
}

/**
 * Go to definition in a patch: on a container, volume or mounted volume name, that item where the base (or
 * another patch) writes it; on the patch's kind or name, the resources it patches.
 */
export function patchDefinition(validator: Validator, file: ManifestFile, offset: number, settings: Settings, context: KustomizeContext): Location[] {
  const slot = file.slotAt(offset);
  if (!slot) return [];
  const session = kustomizeSession(validator, context, settings);
  if (!session.users().listed) return [];
  const { path } = pathAt(slot.document, offset - slot.start);
  const patch = slot.document.value().value;
  const here = normalize(context.path);
  const sources = new SourceFiles(session.host, session.parse);
  const locations: Location[] = [];
  const push = (origin: Origin | undefined, at: YamlPath) => {
    if (!origin || (origin.file === here && !origin.inline)) return;
    const place = placeIn(sources, { ...origin, path: [...origin.path, ...at] }, 'value');
    const lines = sources.get(origin.file)?.lineIndex;
    if (place && lines && !locations.some((l) => l.uri === fileUri(origin.file) && l.range.start.line === lines.rangeOf(place.start, place.end).start.line)) {
      locations.push({ uri: fileUri(origin.file), range: lines.rangeOf(place.start, place.end) });
    }
  };
  const list = containerListIndex(path);
  const named = list >= 0 ? nameAt(path, list, patch) : undefined;
  for (const resource of session.patched(slot.index)) {
    const origins = resource.check.render.origins;
    if (named) {
      const item = namedItem(listIn(resource, path.slice(0, list), named.list), named.name);
      if (item) push(origins.of(item), ['name']);
    } else if (path.length <= 2 && (path.length === 0 || ['apiVersion', 'kind', 'metadata'].includes(String(path[0])))) {
      push(resource.resource.origin, ['metadata', 'name']);
    }
  }
  return locations;
}

/** The named item of the merged pod that the cursor's name in the patch stands for. */
function nameAt(path: YamlPath, list: number, patch: unknown): { list: YamlPath; name: string } | undefined {
  const inContainer = path.slice(list + 2);
  const value = valueAt(patch, path);
  if (typeof value !== 'string' || path[path.length - 1] !== 'name') return undefined;
  if (inContainer.length === 1) return { list: [String(path[list])], name: value };
  if (inContainer.length === 3 && (inContainer[0] === 'volumeMounts' || inContainer[0] === 'volumeDevices')) return { list: ['volumes'], name: value };
  return undefined;
}

/**
 * A code lens over each patch document: the kustomizations that use it and the resources it patches there, so a
 * patch file says what it is a patch of.
 */
export function patchLenses(validator: Validator, file: ManifestFile, settings: Settings, context: KustomizeContext): CodeLens[] {
  const session = kustomizeSession(validator, context, settings);
  const { users, listed } = session.users();
  if (!listed) return [];
  const here = normalize(context.path);
  const relative = (path: string) => relativePath(dirName(here), path) || baseName(path);
  const lenses: CodeLens[] = [];
  for (const slot of file.slots) {
    const patched = session.patched(slot.index);
    if (slot.document.yaml.contents === null) continue;
    const overlays = [...new Set(patched.map((entry) => relative(entry.user.kustomizationFile)))];
    const targets = [...new Set(patched.map((entry) => `${String(entry.resource.value.kind)} ${String((entry.resource.value.metadata as { name?: unknown } | undefined)?.name)} (${relative(entry.resource.origin.file)})`))];
    const title = patched.length > 0
      ? `Patch of ${targets.join(', ')} in ${overlays.join(', ')}`
      : `Patch listed in ${users.map((user) => relative(user.kustomizationFile)).join(', ') || 'a component'}: matches no resource there`;
    const start = file.lineIndex.positionAt(slot.start);
    // No command id: the lens is a label (VS Code shows it unclickable); the hover and go-to-definition navigate.
    lenses.push({ range: { start, end: start }, command: { title, command: '' } });
  }
  return lenses;
}
