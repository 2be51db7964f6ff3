import type { Finding } from '../../findings';
import type { ManifestFile } from '../../parse/manifest';
import type { YamlPath } from '../../parse/nodes';
import { isComposeDocument } from '../../compose/detect';
import { composeDiagrams } from './compose-diagrams';
import { FindingsIndex } from './findings-index';
import { safe, type Label } from './flowchart-builder';
import { podDiagrams } from './pod-diagrams';
import type { WorkloadDiagram } from './types';
import { injectionsOf, type MeshesSettings } from '../../model/injection';
import { podNamespaces } from '../../workspace/index/namespaces';
import { podsOf, type DerivedPodLocations } from '../../model/pod';
import type { TopologyWorkspace } from './workspace-links';

export interface TopologyOptions {
  /** File offset of the cursor: the workload around it comes first. */
  offset?: number;
  /** The validator's findings for the file (file offsets): they mark nodes red. */
  findings?: readonly Finding[];
  /** URI or path: recognizes compose*.y(a)ml files and names a Compose project. */
  fileName?: string;
  /** Which injectors to simulate: their containers are drawn, marked as injected. Default: none. */
  meshes?: MeshesSettings;
  /** The target Kubernetes version, for a mesh whose default mode depends on it (Istio's `auto`). */
  kubernetesVersion?: string;
  /** Draw only these documents (slot indexes): the rendered resources a kustomize patch changed. */
  slots?: ReadonlySet<number>;
  /** A line for container and volume nodes naming the file that wrote them (path from the document root). */
  source?: (slotIndex: number, path: YamlPath) => Label | undefined;
  /** Words after each workload's title (", rendered by overlay/kustomization.yaml"). */
  titleSuffix?: (slotIndex: number) => Label | undefined;
  /** The workspace index holding this version of the file: Services and the resources each pod reads, drawn beside it. */
  workspace?: TopologyWorkspace;
  /** Where custom resources keep their pods (a CRD of the file or workspace that embeds a pod template). */
  pods?: DerivedPodLocations;
}

/**
 * The diagrams of every pod-carrying document of a file (or of a Compose file), the one under the cursor first.
 * Offsets in the result are file offsets.
 */
export function buildTopology(file: ManifestFile, options: TopologyOptions = {}): WorkloadDiagram[] {
  const result: { diagram: WorkloadDiagram; slotIndex: number }[] = [];
  // Sorted once, sliced per document by binary search: a 500-document file must not scan every finding 500 times.
  const sorted = [...(options.findings ?? [])].sort((a, b) => a.start - b.start);
  const namespaces = options.meshes ? podNamespaces(file, options.workspace?.index) : [];
  for (const slot of file.slots) {
    if (options.slots && !options.slots.has(slot.index)) continue;
    const document = slot.document;
    const span = { start: slot.start, end: slot.end };
    if (document.isKubernetes) {
      for (const pod of podsOf(document, options.pods)) {
        const findings = new FindingsIndex(sorted.slice(firstAtOrAfter(sorted, span.start), firstAtOrAfter(sorted, span.end)), span);
        const name = pod.workload.name;
        const suffix = options.titleSuffix?.(slot.index);
        const title: Label = [safe(`${pod.workload.kind} `), name ?? safe('(unnamed)'), ...(pod.template ? [safe(', template '), pod.template] : []), ...(suffix ? [suffix] : [])];
        const injections = options.meshes ? injectionsOf(pod, options.meshes, namespaces, options.kubernetesVersion) : [];
        const source = options.source;
        const diagrams = podDiagrams(pod, title, slot.start, findings, injections, { source: source && ((path) => source(slot.index, path)), workspace: options.workspace });
        result.push({ slotIndex: slot.index, diagram: { name: name ?? '(unnamed)', kind: pod.workload.kind, ...span, ...diagrams } });
      }
    } else if (isComposeDocument(document.root, options.fileName) && document.root) {
      const diagrams = composeDiagrams(document, options.fileName, slot.start);
      result.push({ slotIndex: slot.index, diagram: { kind: 'Compose', ...span, ...diagrams } });
    }
  }
  const current = options.offset === undefined ? undefined : file.slotAt(options.offset)?.index;
  // Stable: the rest keep file order.
  result.sort((a, b) => Number(b.slotIndex === current) - Number(a.slotIndex === current));
  return result.map((r) => r.diagram);
}

function firstAtOrAfter(findings: readonly Finding[], offset: number): number {
  let low = 0;
  let high = findings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (findings[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export type { DiagramNode, WorkloadDiagram } from './types';
export type { TopologyWorkspace } from './workspace-links';
export { mermaidLabel, decodeMermaidLabel } from './escape';
