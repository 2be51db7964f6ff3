import { parseManifest, type ManifestFile } from '../../parse/manifest';
import type { YamlPath } from '../../parse/nodes';
import { isRemote, joinPath, kustomizationFileIn, type KustomizeHost } from './host';
import type { Kustomization, PatchEntry, PatchTarget } from './kustomization';
import type { Origin, Origins } from './origins';
import { applyJsonPatch } from './json-patch';
import { parseSelector, selectorMatches } from './selectors';
import { strategicMerge } from './strategic-merge';
import { RenderMemo } from './render-memo';
import { fixNameReferences, renamed, type NameHistory } from './name-references';
import { CLUSTER_SCOPED, Draft, transformResource } from './transformers';

type Json = Record<string, unknown>;

/** One resource of a rendered overlay, with where each part of it was written. */
export interface RenderedResource {
  value: Json;
  /** The document it was read from. */
  origin: Origin;
  /** The strategic-merge patches applied to it, in order. */
  patchedBy: Origin[];
  /** Its names before namePrefix/nameSuffix (only when renamed): for references to it. */
  names?: NameHistory;
  /**
   * Its ids (name, namespace) before each kustomization's transformers changed them, oldest first (kustomize's
   * previous ids): patches match them too.
   */
  previousIds?: ResourceId[];
}

/** A resource's name and effective namespace, as kustomize's ResId compares them. */
export interface ResourceId {
  name: string;
  namespace: string;
}

/** Something the render did not follow: a remote base, a generator, a JSON 6902 patch. Never an error. */
export interface RenderNote {
  /** The kustomization file that asks for it. */
  file: string;
  field: string;
  message: string;
}

/**
 * Something kustomize would stop at or that does nothing (a JSON patch operation that does not apply, a patch
 * that matches no resource), at the node that causes it.
 */
export interface RenderProblem {
  code: (typeof PATCH_PROBLEM_CODES)[keyof typeof PATCH_PROBLEM_CODES];
  origin: Origin;
  /** Whether the problem is the node's value (default: its key). */
  target?: 'key' | 'value';
  message: string;
}

/** The codes of render problems (rows of core/codes/non-rule-codes.ts). */
export const PATCH_PROBLEM_CODES = {
  operation: 'kustomize-patch-operation',
  noTarget: 'kustomize-patch-operation',
  noMatch: 'kustomize-patch-no-match',
  targetNoMatch: 'kustomize-target-no-match',
  selector: 'kustomize-invalid-selector',
} as const;

/**
 * Ends the part of a problem's message that is kustomize's own words (the refusal test finds them in kubectl's error),
 * where a message starts with them.
 */
export const KUSTOMIZE_STOPS = ' — ';

export interface RenderResult {
  resources: RenderedResource[];
  notes: RenderNote[];
  problems: RenderProblem[];
  origins: Origins;
  /** Every file the render read (to know when to render again). */
  files: Set<string>;
  /** How it parsed the files. */
  parse: ParseText;
  readKustomization: ReadKustomization;
  memo: RenderMemo;
}

/** How a render reads a kustomization's text: `parseKustomization`, or a cache's memo of it (the result is only read). */
export type ReadKustomization = (text: string) => Kustomization | undefined;

/**
 * What a render may reuse from earlier ones: parses of manifests and of kustomizations, by text, and the documents,
 * merges and transformer outputs of earlier renders (with their origins: `result.origins` is then the memo's).
 */
export interface RenderReuse {
  parse?: ParseText;
  kustomization?: ReadKustomization;
  memo?: RenderMemo;
}

const MAX_DEPTH = 20;

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a render parses text: `parseManifest`, or a cache's memo of it (the parse is never changed: values are copied). */
export type ParseText = (text: string) => ManifestFile;

function readDocuments(host: KustomizeHost, file: string, result: RenderResult): { value: Json; origin: Origin }[] {
  const text = host.readFile(file);
  return text === undefined ? [] : result.memo.documentsOf(file, 'resources', text, () => readDocumentsFromText(text, file, result.origins, undefined, result.parse));
}

/**
 * The map documents of a file, each annotated with its origin. Documents are counted as the editor splits them
 * (`parseManifest`), so an origin's `doc` is the slot of the file in the editor; a document with YAML errors is left out.
 */
export function readDocumentsFromText(text: string, file: string, origins: Origins, inline?: YamlPath, parse: ParseText = parseManifest): { value: Json; origin: Origin }[] {
  const result: { value: Json; origin: Origin }[] = [];
  for (const slot of parse(text).slots) {
    if (slot.document.hasSyntaxErrors) continue;
    // A copy: the parse may be a cache's, shared by files of the same text, and each file's values carry its own origins.
    const value: unknown = structuredClone(slot.document.value().value);
    if (!isMap(value)) continue;
    const origin: Origin = { file, doc: slot.index, path: [], inline };
    origins.annotate(value, origin);
    result.push({ value, origin });
  }
  return result;
}

function metadataOf(value: Json): Json {
  return isMap(value.metadata) ? value.metadata : {};
}

/** A selector kustomize could not parse, met when it first read it: kustomize stops the build with `error`. */
interface SelectorError {
  field: 'labelSelector' | 'annotationSelector';
  error: string;
}

/**
 * Whether a patch's target (or, without one, the patch's own kind and name) selects the resource. Like kustomize's
 * resWrangler.Select, the selectors are read only for a resource that passes name, namespace and kind, the label
 * selector first: a selector it cannot parse stops the build there (and only there: with no such resource it is never read).
 */
function selects(resource: RenderedResource, target: PatchTarget | undefined, patch: Json): boolean | SelectorError {
  const { value } = resource;
  const metadata = metadataOf(value);
  const current = idOf(value);
  const [group, version] = String(value.apiVersion ?? '').includes('/') ? String(value.apiVersion).split('/') : ['', String(value.apiVersion ?? '')];
  const whole = (pattern: string | undefined, ...candidates: string[]) => {
    // An empty field selects everything (types.NewSelectorRegex compiles only what is set).
    if (!pattern) return true;
    try {
      const regex = new RegExp(`^(?:${pattern})$`);
      return candidates.some((candidate) => regex.test(candidate));
    } catch {
      return candidates.includes(pattern);
    }
  };
  if (!target) {
    // resWrangler.GetById(patch.OrgId()): the patch's group, version, kind, name and namespace equal the resource's
    // current id or one of its previous ones (a name before a namePrefix/nameSuffix or namespace of a kustomization below).
    const wanted = idOf(patch);
    return value.kind === patch.kind && value.apiVersion === patch.apiVersion && [...(resource.previousIds ?? []), current].some((id) => id.name === wanted.name && id.namespace === wanted.namespace);
  }
  // resWrangler.Select: the original or the current namespace, the original or the current name.
  const original = resource.previousIds?.[0] ?? current;
  if (!whole(target.namespace, original.namespace, current.namespace)) return false;
  if (!whole(target.name, original.name, current.name)) return false;
  if (!whole(target.kind, String(value.kind ?? '')) || !whole(target.group, group) || !whole(target.version, version)) return false;
  for (const [field, labels] of [['labelSelector', metadata.labels], ['annotationSelector', metadata.annotations]] as const) {
    const selector = target[field];
    if (selector === undefined) continue;
    const parsed = parseSelector(selector);
    if ('error' in parsed) return { field, error: parsed.error };
    if (!selectorMatches(parsed, stringValues(labels))) return false;
  }
  return true;
}

/**
 * The id kustomize compares: the name and the effective namespace (ResId.EffectiveNamespace: none or "" is
 * `default`; a kind without namespace has none, kustomize's `~X`).
 */
function idOf(value: Json): ResourceId {
  const { name, namespace } = metadataOf(value);
  const effective = CLUSTER_SCOPED.has(String(value.kind ?? '')) ? '~X' : typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
  return { name: typeof name === 'string' ? name : '', namespace: effective };
}

/** A patch's id as kustomize prints it (resid.ResId String: `Deployment.v1.apps/web.[noNs]`). */
function resIdText(patch: Json): string {
  const apiVersion = String(patch.apiVersion ?? '');
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const { name, namespace } = metadataOf(patch);
  const or = (value: unknown, none: string) => (typeof value === 'string' && value !== '' ? value : none);
  return `${or(patch.kind, '[noKind]')}.${or(version, '[noVer]')}.${or(group, '[noGrp]')}/${or(name, '[noName]')}.${or(namespace, '[noNs]')}`;
}

/** The previous ids after one kustomization's transformers changed `before` into `after` (kustomize StorePreviousId). */
function withPreviousId(ids: ResourceId[] | undefined, before: Json, after: Json): ResourceId[] | undefined {
  const [old, now] = [idOf(before), idOf(after)];
  return old.name === now.name && old.namespace === now.namespace ? ids : [...(ids ?? []), old];
}

function stringValues(labels: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (isMap(labels)) for (const [key, value] of Object.entries(labels)) map[key] = String(value);
  return map;
}

/**
 * The resources a patch entry applies to. A selector kustomize cannot parse is a problem on its value, and the
 * entry then applies to none (kustomize stops the build; the render goes on without the patch).
 */
function selection(resources: readonly RenderedResource[], entry: PatchEntry, patch: Json, file: string, result: RenderResult): Set<RenderedResource> | undefined {
  const selected = new Set<RenderedResource>();
  for (const resource of resources) {
    const outcome = selects(resource, entry.target, patch);
    if (outcome === true) selected.add(resource);
    if (typeof outcome === 'boolean') continue;
    const path = entry.targetNode ? [...entry.targetNode.path, entry.targetNode.keys[outcome.field] ?? outcome.field] : [...entry.node, 'target', outcome.field];
    const what = outcome.field === 'labelSelector' ? 'label' : 'annotation';
    result.problems.push({ code: PATCH_PROBLEM_CODES.selector, origin: { file, doc: 0, path }, target: 'value', message: `${outcome.error}${KUSTOMIZE_STOPS}kustomize cannot parse this ${what} selector and stops the build (labels.Parse grammar: \`a=b\`, \`a!=b\`, \`a in (x, y)\`, \`a notin (x)\`, \`a\`, \`!a\`, joined by \`,\`).` });
    return undefined;
  }
  return selected;
}

/**
 * Kustomize drops a resource's empty or null `metadata.annotations` at the end of every build (its
 * RemoveBuildAnnotations sets the remaining annotations, and kyaml's SetAnnotations clears the field when there are
 * none; checked with kubectl kustomize v5.5.0: `labels: {}` and a pod template's `annotations: {}` stay).
 */
function withoutEmptyAnnotations(value: Json, memo: RenderMemo): Json {
  const metadata = value.metadata;
  if (!isMap(metadata) || !('annotations' in metadata) || !(metadata.annotations === null || (isMap(metadata.annotations) && Object.keys(metadata.annotations).length === 0))) return value;
  // A copy (kept by the memo): the value may be shared with earlier renders.
  return memo.patched(value, metadata, 'without empty annotations', () => {
    const draft = new Draft(value, memo.origins);
    const writable = draft.writable(['metadata'], false);
    if (writable) delete writable.annotations;
    return draft.root;
  });
}

/**
 * Renders the kustomization in `dir` the way `kustomize build` does for the fields this product follows:
 * resources (files and folders, recursively), components, strategic-merge patches, then namespace,
 * namePrefix/nameSuffix, labels, replicas and images. Reads only through `host`.
 */
export function renderKustomization(host: KustomizeHost, dir: string, reuse: RenderReuse = {}): RenderResult {
  const memo = reuse.memo ?? new RenderMemo();
  const result: RenderResult = { resources: [], notes: [], problems: [], origins: memo.origins, files: new Set(), parse: reuse.parse ?? parseManifest, readKustomization: reuse.kustomization ?? memo.kustomization, memo };
  result.resources = renderDir(host, dir, result, 0, new Set());
  fixNameReferences(result.resources, result.memo);
  for (const resource of result.resources) resource.value = withoutEmptyAnnotations(resource.value, result.memo);
  return result;
}

function renderDir(host: KustomizeHost, dir: string, result: RenderResult, depth: number, visiting: Set<string>, input: RenderedResource[] = []): RenderedResource[] {
  const file = kustomizationFileIn(host, dir);
  if (!file || depth > MAX_DEPTH || visiting.has(dir)) return input;
  result.files.add(file);
  const kustomization = result.readKustomization(host.readFile(file) ?? '');
  if (!kustomization) return input;
  visiting.add(dir);
  let resources = [...input];
  for (const entry of kustomization.resources) {
    if (isRemote(entry)) {
      result.notes.push({ file, field: 'resources', message: `Remote base "${entry}" is not resolved here; its resources are not part of the checked pods.` });
      continue;
    }
    const path = joinPath(dir, entry);
    if (host.isDirectory(path)) resources.push(...renderDir(host, path, result, depth + 1, visiting));
    else {
      result.files.add(path);
      for (const { value, origin } of readDocuments(host, path, result)) resources.push({ value, origin, patchedBy: [] });
    }
  }
  for (const entry of kustomization.components) {
    if (isRemote(entry)) {
      result.notes.push({ file, field: 'components', message: `Remote component "${entry}" is not resolved here.` });
      continue;
    }
    resources = renderDir(host, joinPath(dir, entry), result, depth + 1, visiting, resources);
  }
  for (const field of kustomization.unresolvedFields) {
    result.notes.push({ file, field, message: `\`${field}\` is not resolved here: what it generates or changes is not part of the checked pods.` });
  }
  resources = applyPatches(host, dir, file, kustomization, resources, result);
  for (const resource of resources) {
    const { value } = resource;
    resource.value = result.memo.transformed(file, kustomization, value, () => transformResource(kustomization, value, result.origins, file));
    resource.names = renamed(resource.names, value, resource.value, kustomization);
    resource.previousIds = withPreviousId(resource.previousIds, value, resource.value);
  }
  visiting.delete(dir);
  return resources;
}

function applyPatches(host: KustomizeHost, dir: string, file: string, kustomization: Kustomization, resources: RenderedResource[], result: RenderResult): RenderedResource[] {
  let current = resources;
  const entryOrigin = (entry: PatchEntry): Origin => ({ file, doc: 0, path: entry.node });
  for (const entry of kustomization.patches) {
    for (const document of patchDocuments(host, dir, file, entry, result)) {
      const { origin } = document;
      if ('operations' in document) {
        if (!entry.target) {
          result.problems.push({ code: PATCH_PROBLEM_CODES.noTarget, origin: entryOrigin(entry), message: 'A JSON 6902 patch needs a `target:` (kustomize: "must specify a target for JSON patch").' });
          continue;
        }
        const selected = selection(current, entry, {}, file, result);
        const reported = new Set<number>();
        for (const resource of current) {
          if (!selected?.has(resource)) continue;
          resource.patchedBy.push(origin);
          const base = resource.value;
          const outcome = result.memo.patched(base, document.operations, 'json', () => {
            // Operations change the value in place: a copy, since the value may be an earlier render's too.
            const value = result.origins.copy(base);
            return { value, problem: applyJsonPatch(value, document.operations, result.origins, (index, field) => ({ ...origin, path: [...origin.path, index, ...field] })) };
          });
          resource.value = outcome.value;
          const { problem } = outcome;
          if (problem && !reported.has(problem.index)) {
            reported.add(problem.index);
            const path = [...origin.path, problem.index, ...(problem.field ? [problem.field] : [])];
            result.problems.push({ code: PATCH_PROBLEM_CODES.operation, origin: { ...origin, path }, message: problem.message, target: problem.field ? 'value' : 'key' });
          }
        }
        if (selected?.size === 0) result.problems.push({ code: PATCH_PROBLEM_CODES.targetNoMatch, origin: { ...entryOrigin(entry), path: targetPath(entry) }, message: 'This target selects no resource of the kustomization: the JSON patch changes nothing.' });
        continue;
      }
      const patch = document.value;
      const selected = selection(current, entry, patch, file, result);
      if (!selected) continue;
      current = current.flatMap((resource) => {
        if (!selected.has(resource)) return [resource];
        const base = resource.value;
        // Resource.ApplySmPatch keeps the resource's name and namespace: a patch naming an earlier id must not bring it back.
        const retarget = !!entry.target || metadataOf(patch).name !== metadataOf(base).name || metadataOf(patch).namespace !== metadataOf(base).namespace;
        const merged = result.memo.patched(base, patch, retarget ? 'merge retargeted' : 'merge', () => strategicMerge(base, retarget ? retargeted(patch, base, result.origins) : patch, result.origins));
        if (!isMap(merged)) return [];
        return [{ ...resource, value: merged, patchedBy: [...resource.patchedBy, origin] }];
      });
      if (selected.size > 0) continue;
      if (entry.target) {
        result.problems.push({ code: PATCH_PROBLEM_CODES.targetNoMatch, origin: { ...entryOrigin(entry), path: targetPath(entry) }, message: 'This target selects no resource of the kustomization: the patch changes nothing.' });
      } else {
        const id = `${String(patch.kind)} ${String(metadataOf(patch).name)}`;
        result.problems.push({ code: PATCH_PROBLEM_CODES.noMatch, origin: { ...origin, path: ['metadata', 'name'] }, message: `no resource matches strategic merge patch "${resIdText(patch)}"${KUSTOMIZE_STOPS}no resource of the kustomization is the ${id} this patch names, so kustomize stops the build. It compares kind, apiVersion, name and namespace (none is \`default\`) with each resource's ids now and before the namePrefix/nameSuffix and namespace of the kustomizations it includes; this kustomization's own are applied after its patches. Correct the patch, or give it a target.`, target: 'value' });
      }
    }
  }
  return current;
}

/** The node of an entry's `target:` (its key as written). */
function targetPath(entry: PatchEntry): YamlPath {
  return entry.targetNode?.path ?? [...entry.node, 'target'];
}

/**
 * A patch with a `target:` applies to each selected resource under that resource's apiVersion, kind, name and
 * namespace, whatever the patch itself says (kustomize api/filters/patchstrategicmerge, PatchTransformer).
 */
function retargeted(patch: Json, resource: Json, origins: Origins): Json {
  const metadata: Json = { ...metadataOf(patch), name: metadataOf(resource).name };
  if (metadataOf(resource).namespace !== undefined) metadata.namespace = metadataOf(resource).namespace;
  else delete metadata.namespace;
  if (isMap(patch.metadata)) origins.set(metadata, origins.of(patch.metadata));
  const copy: Json = { ...patch, apiVersion: resource.apiVersion, kind: resource.kind, metadata };
  origins.set(copy, origins.of(patch));
  return copy;
}

type PatchDocument = { value: Json; origin: Origin } | { operations: unknown[]; origin: Origin };

/**
 * The documents of a patch entry: strategic-merge patches, or one JSON 6902 operation list (a `patchesJson6902`
 * entry, or content whose first document is a list, as kustomize decides).
 */
/**
 * The patch documents of `text`, kept by the text of `file`: an inline patch's values point into the kustomization,
 * so they are new when any of its text changes (a value of the memo is the same object only while every file its
 * origins name reads the same).
 */
function patchDocumentsFromText(text: string, file: string, entry: PatchEntry, result: RenderResult, inline?: YamlPath, fileText = text): PatchDocument[] {
  const use = `${entry.field === 'patchesJson6902' ? 'json6902' : 'patch'}${inline ? ` ${inline.join('.')}` : ''}`;
  return result.memo.documentsOf(file, use, fileText, () => readPatchDocuments(text, file, entry, result, inline));
}

function readPatchDocuments(text: string, file: string, entry: PatchEntry, result: RenderResult, inline?: YamlPath): PatchDocument[] {
  const { origins } = result;
  const first = result.parse(text).slots.find((slot) => slot.document.yaml.contents !== null);
  const value: unknown = first && !first.document.hasSyntaxErrors ? structuredClone(first.document.value().value) : undefined;
  if (Array.isArray(value) || entry.field === 'patchesJson6902') {
    const origin: Origin = { file, doc: first?.index ?? 0, path: [], inline };
    const operations = Array.isArray(value) ? value : [];
    origins.annotate(operations, origin);
    return [{ operations, origin }];
  }
  return readDocumentsFromText(text, file, origins, inline, result.parse);
}

function patchDocuments(host: KustomizeHost, dir: string, file: string, entry: PatchEntry, result: RenderResult): PatchDocument[] {
  if (entry.path !== undefined) {
    const path = joinPath(dir, entry.path);
    result.files.add(path);
    const text = host.readFile(path);
    return text === undefined ? [] : patchDocumentsFromText(text, path, entry, result);
  }
  if (entry.patch !== undefined) return patchDocumentsFromText(entry.patch, file, entry, result, entry.node, host.readFile(file));
  return [];
}
