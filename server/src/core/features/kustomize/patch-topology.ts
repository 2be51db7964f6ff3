import { buildTopology, type WorkloadDiagram } from '../topology';
import { safe, type Label } from '../topology/flowchart-builder';
import type { Validator } from '../validation';
import type { MeshesSettings } from '../../model/injection';
import type { ManifestFile } from '../../parse/manifest';
import type { YamlPath } from '../../parse/nodes';
import type { Settings } from '../../settings';
import { isKustomizationFileName } from '../../workspace/kustomize/host';
import { parseKustomization } from '../../workspace/kustomize/kustomization';
import type { Origin, Origins } from '../../workspace/kustomize/origins';
import { pathAt, placeIn, SourceFiles, type OverlayCheck } from './overlay-validation';
import { baseName, dirName, normalize, relativePath } from '../../workspace/kustomize/paths';
import { valueAt } from '../../workspace/kustomize/values';
import { kustomizeSession, type KustomizeContext } from './session';

/** What to draw of one overlay: the rendered resources (by index), and where each one's diagram sits in the open file. */
interface Pick {
  dir: string;
  kustomizationFile: string;
  /** Rendered resource index → span of the open file the diagram stands for (the patch document, or the kustomization). */
  resources: Map<number, { start: number; end: number; current: boolean }>;
}

/** Every place that wrote something inside `value` (its maps and lists, and keys a patch or transformer set). */
function writers(value: unknown, origins: Origins, into: Map<string, Origin>): void {
  if (value === null || typeof value !== 'object') return;
  const add = (origin: Origin | undefined) => origin && into.set(`${origin.file}|${origin.inline ? 'inline' : ''}`, origin);
  add(origins.of(value));
  for (const origin of origins.keyOrigins(value)?.values() ?? []) add(origin);
  for (const item of Object.values(value)) writers(item, origins, into);
}

/**
 * On a strategic-merge patch or a kustomization: the pods as the overlays render them (the base's containers with
 * the patches'), each container and volume marked with the file it comes from, and each node linked to the text
 * that wrote it. Undefined when the file is neither (the caller draws the file itself).
 */
export function kustomizeTopology(
  validator: Validator,
  file: ManifestFile,
  settings: Settings,
  context: KustomizeContext,
  options: { offset?: number; meshes?: MeshesSettings; kubernetesVersion?: string } = {},
): WorkloadDiagram[] | undefined {
  const path = normalize(context.path);
  const session = kustomizeSession(validator, context, settings);
  const current = options.offset === undefined ? undefined : file.slotAt(options.offset)?.index;
  const picks: { pick: Pick; check: OverlayCheck }[] = [];
  if (isKustomizationFileName(path)) {
    if (parseKustomization(file.text)?.kind !== 'Kustomization') return undefined;
    const check = session.check(dirName(path));
    const whole = { start: 0, end: file.text.length, current: true };
    picks.push({ pick: { dir: dirName(path), kustomizationFile: path, resources: new Map(check.render.resources.map((_, index) => [index, whole])) }, check });
  } else {
    const { users, listed } = session.users();
    if (!listed) return undefined;
    for (const user of users) {
      const check = session.check(user.dir);
      const resources = new Map<number, { start: number; end: number; current: boolean }>();
      check.render.resources.forEach((resource, index) => {
        const by = resource.patchedBy.find((origin) => origin.file === path && !origin.inline);
        const slot = by && file.slots[by.doc];
        if (slot) resources.set(index, { start: slot.start, end: slot.end, current: slot.index === current });
      });
      picks.push({ pick: { ...user, resources }, check });
    }
  }
  const here = dirName(path);
  const name = (origin: Origin) => `${relativePath(here, origin.file) || baseName(origin.file)}${origin.inline ? ' (inline patch)' : ''}`;
  const sources = new SourceFiles(session.host, session.parse);
  const result: { diagram: WorkloadDiagram; current: boolean }[] = [];
  for (const { pick, check } of picks) {
    const { render, merged } = check;
    const source = (slotIndex: number, nodePath: YamlPath): Label | undefined => {
      const resource = render.resources[slotIndex];
      const own = resource && render.origins.locate(resource.value, nodePath);
      if (!own) return undefined;
      const all = new Map<string, Origin>();
      writers(valueAt(resource.value, nodePath), render.origins, all);
      // The open file first among the others: it is what the user is looking at.
      const others = [...new Set([...all.values()].sort((a, b) => Number(b.file === path) - Number(a.file === path)).map(name))].filter((other) => other !== name(own));
      return [safe('from '), name(own), ...(others.length ? [safe(', changed by '), ...others.flatMap((other, index) => (index ? [safe(', '), other] : [other]))] : [])];
    };
    const diagrams = buildTopology(merged, {
      meshes: options.meshes,
      kubernetesVersion: options.kubernetesVersion,
      findings: check.rendered,
      slots: new Set(pick.resources.keys()),
      source,
      titleSuffix: () => [safe(', as '), relativePath(here, pick.kustomizationFile) || baseName(pick.kustomizationFile), safe(' renders it')],
    });
    for (const diagram of diagrams) {
      const slot = merged.slotAt(diagram.start);
      const span = slot && pick.resources.get(slot.index);
      if (!slot || !span) continue;
      const nodes = diagram.nodes.map((node) => {
        const resource = render.resources[slot.index];
        const { path: nodePath, target } = pathAt(slot.document, node.start - slot.start);
        const origin = render.origins.locate(resource.value, nodePath);
        const place = origin && placeIn(sources, origin, target);
        const lines = origin && sources.get(origin.file)?.lineIndex;
        return place && lines && origin ? { ...node, source: { file: origin.file, range: lines.rangeOf(place.start, place.end) } } : node;
      });
      result.push({ diagram: { ...diagram, start: span.start, end: span.end, nodes, files: [...render.files].filter((other) => other !== path) }, current: span.current });
    }
  }
  // Stable: the diagrams of the patch document under the cursor first, the rest in overlay order.
  result.sort((a, b) => Number(b.current) - Number(a.current));
  return result.map((entry) => entry.diagram);
}
