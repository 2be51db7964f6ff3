import type { ParsedDocument } from '../parse/document';
import { resolvePath, type YamlPath } from '../parse/nodes';
import { podsOf, type DerivedPodLocations } from '../model/pod';
import { INJECTORS } from '../model/injectors';
import { findInjectorKey, injectorKeyMarkdown, type InjectorKeyOwner } from '../model/injector-keys';

/**
 * Whether `mapPath` (ending in `annotations` or `labels`) is the labels or annotations map of a pod's metadata (a
 * Pod's own, or a workload's pod template's) or of a v1 Namespace's: where the injectors read their keys. A pod's is
 * found by node identity, so every kind of the pod-locations table (Argo's template metadata too) is covered with no
 * path of its own; `derived`: the rows of the CRDs the document is seen with (a custom resource's pod template).
 */
export function injectorMapAt(document: ParsedDocument, mapPath: YamlPath, derived?: DerivedPodLocations): { where: 'annotations' | 'labels'; owner: InjectorKeyOwner } | undefined {
  const where = mapPath[mapPath.length - 1];
  if (where !== 'annotations' && where !== 'labels') return undefined;
  if (document.kind === 'Namespace' && document.apiVersion === 'v1') return mapPath.length === 2 && mapPath[0] === 'metadata' ? { where, owner: 'namespace' } : undefined;
  const metadata = resolvePath(document.yaml.contents, mapPath.slice(0, -1))?.node;
  if (!metadata) return undefined;
  return podsOf(document, derived).some((pod) => pod.metadata === metadata) ? { where, owner: 'pod' } : undefined;
}

/** Hover on an injector's label or annotation (key or value) in a pod's metadata: the reference's words, values, source. */
export function injectorKeyHover(document: ParsedDocument, path: YamlPath, code: (text: string) => string, derived?: DerivedPodLocations): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const at = injectorMapAt(document, path.slice(0, -1), derived);
  const match = at ? findInjectorKey(INJECTORS, at.where, key, at.owner) : undefined;
  return match ? injectorKeyMarkdown(match, code) : undefined;
}
