import type { ParsedDocument } from '../parse/document';
import { listItems } from '../parse/list-items';
import type { ManifestFile } from '../parse/manifest';
import type { SchemaRegistry } from '../schema';
import { CRD_API_VERSION, CRD_KIND, crdModelOf, crdSource, type CrdModel } from '../schema/crd-catalog';
import { OBJECT_META } from '../schema/crd-schema';
import { derivedPodLocations, type CustomKindSource } from '../schema/custom-kinds';
import type { PodRowSource, WorkspaceIndex } from '../workspace/index/workspace-index';

/**
 * The CustomResourceDefinitions a file is checked with: its own, then those of the workspace index it is checked in
 * (the editor's workspace folders and open buffers, or the CLI's inputs). Read from data the validator is given,
 * never from the disk; each CRD document is read once per parse.
 */

const models = new WeakMap<ParsedDocument, readonly CrdModel[]>();

/**
 * The CRDs a document defines: itself, or the CRD items of a `kind: List` (v1 List or a typed
 * CustomResourceDefinitionList), which kubectl creates one by one as if each were a document of its own.
 */
function crdsOf(document: ParsedDocument | undefined): readonly CrdModel[] {
  if (!document || document.hasSyntaxErrors) return [];
  const isCrd = document.kind === CRD_KIND && document.apiVersion === CRD_API_VERSION;
  if (!isCrd && !document.kind?.endsWith('List')) return [];
  let known = models.get(document);
  if (known === undefined) {
    const model = isCrd ? crdModelOf(document.value().value) : undefined;
    known = isCrd ? (model ? [model] : []) : listItems(document).flatMap((item) => crdsOf(item));
    models.set(document, known);
  }
  return known;
}

/** The CRDs of a workspace, in URI order (the first of a group and kind wins); kept while the index does not change. */
const perIndex = new WeakMap<WorkspaceIndex, { version: number; crds: CrdModel[] }>();

function workspaceCrds(index: WorkspaceIndex): CrdModel[] {
  const known = perIndex.get(index);
  if (known && known.version === index.version) return known.crds;
  const crds: CrdModel[] = [];
  // CustomResourceDefinition is cluster-scoped: its namespace in the index is ''.
  const resources = [...index.ofKind(CRD_KIND, '')].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.offset - b.offset));
  // The items of a List are indexed each on its own, all with the List's document: read that document once.
  const seen = new Set<ParsedDocument>();
  for (const resource of resources) {
    const document = index.fileOf(resource.uri)?.slotAt(resource.offset)?.document;
    if (!document || seen.has(document)) continue;
    seen.add(document);
    crds.push(...crdsOf(document));
  }
  perIndex.set(index, { version: index.version, crds });
  return crds;
}

const builtInParts = new WeakMap<SchemaRegistry, () => ReturnType<SchemaRegistry['definitionClosure']>>();

/** ObjectMeta and what it references, computed once per registry. */
function objectMetaOf(registry: SchemaRegistry): () => ReturnType<SchemaRegistry['definitionClosure']> {
  let get = builtInParts.get(registry);
  if (!get) {
    let closure: ReturnType<SchemaRegistry['definitionClosure']> | undefined;
    get = () => (closure ??= registry.definitionClosure(OBJECT_META));
    builtInParts.set(registry, get);
  }
  return get;
}

/** The custom kinds of the CRDs in the file and in the workspace; undefined when there are none. */
export function customResourceSource(registry: SchemaRegistry, file: ManifestFile, workspace?: WorkspaceIndex): CustomKindSource | undefined {
  const own: CrdModel[] = [];
  for (const slot of file.slots) own.push(...crdsOf(slot.document));
  const crds = workspace ? [...own, ...workspaceCrds(workspace)] : own;
  return crdSource(crds, objectMetaOf(registry));
}

/**
 * The pod rows the workspace index reads a file with: the rows its validation derives (Validator.validate), from the
 * CRDs of the file and of the index, so cross-file checks and navigation see a custom resource's pods as the pod
 * rules do. The CRDs are gathered only when a document's kind reaches them (one the built-in schemas do not model),
 * and that is what `reached` reports.
 */
export function indexPodRows(registry: SchemaRegistry): PodRowSource {
  return (index, _uri, file) => {
    let reached = false;
    let source: CustomKindSource | undefined;
    const lookedUp: CustomKindSource = {
      lookup(apiVersion, kind) {
        reached = true;
        source ??= customResourceSource(registry, file, index) ?? { lookup: () => undefined, kinds: () => [] };
        return source.lookup(apiVersion, kind);
      },
      kinds: () => [],
    };
    return { rows: derivedPodLocations(registry, lookedUp) ?? {}, reached: () => reached };
  };
}
