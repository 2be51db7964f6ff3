import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import { containerRestartPolicyValues, fieldVersionInfo } from '../kubernetes/describe';
import { podRestartPolicies } from '../kubernetes/pod-restart-policies';
import type { FeatureServices } from './services';
import type { ParsedDocument } from '../parse/document';
import type { DocumentSlot, ManifestFile } from '../parse/manifest';
import { asMap, asSeq, getMap, getSeq, getString, nodeSpan, resolvePath, scalarText, type YamlPath } from '../parse/nodes';
import { containersOf, type PodSpecModel } from '../model/pod';
import type { FieldInfo } from '../schema';
import { kubernetesMinor, type Settings } from '../settings';
import { suggestSidecarImages } from '../model/sidecar-images';
import { detectIndentation, reindentBlock, type IndentationStyle } from '../text/indentation';
import { cursorContext, type CursorContext } from './completion-context';
import { typeLabel } from './completion-types';
import { CONTAINER_SNIPPETS, MANIFEST_SNIPPETS, expandSnippet, nativeVariant, type ContainerSnippet } from './snippets';
import { podsOf } from '../model/pod';
import { LINE_BREAK, type LineIndex } from '../parse/line-index';

export interface CompletionOptions {
  /** The client expands snippets (tab stops); otherwise plain text with placeholder defaults is inserted. */
  snippets?: boolean;
}

type KeyContext = Extract<CursorContext, { kind: 'key' }>;
type ValueContext = Extract<CursorContext, { kind: 'value' }>;

/** Everything a completion provider needs about the document under the cursor. */
interface Request {
  service: FeatureServices;
  file: ManifestFile;
  slot: DocumentSlot;
  document: ParsedDocument;
  apiVersion?: string;
  kind?: string;
  style: IndentationStyle;
  eol: string;
  snippets: boolean;
  settings: Settings;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completion at `offset` of a file: keys from the schema, values (enums, booleans, references inside the pod,
 * sidecar images), kinds at the top of an empty document and the sidecar snippets. Only the document under the
 * cursor is read, so the cost does not grow with the file.
 */
export function complete(service: FeatureServices, file: ManifestFile, offset: number, settings: Settings, options: CompletionOptions = {}): CompletionList {
  const slot = file.slotAt(offset);
  if (!slot) return EMPTY;
  const document = slot.document;
  const local = offset - slot.start;
  const context = cursorContext(document.text, local);
  if (!context) return EMPTY;
  const request: Request = {
    service,
    file,
    slot,
    document,
    apiVersion: document.apiVersion ?? /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(document.text)?.[1],
    kind: document.kind ?? /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(document.text)?.[1],
    // A new, empty document takes the style of the rest of the file.
    style: detectIndentation(document.text, () => detectIndentation(file.text)),
    eol: file.lineIndex.eol,
    snippets: options.snippets ?? true,
    settings,
  };
  const items = context.kind === 'key' ? keyItems(request, context) : valueItems(request, context);
  return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------------------------------------
// Keys

function keyItems(request: Request, context: KeyContext): CompletionItem[] {
  const items: CompletionItem[] = [];
  const { apiVersion, kind } = request;
  if (context.path.length === 0 && !context.flow) items.push(...topLevelItems(request, context));
  if (apiVersion && kind) {
    const info = request.service.schemas.describe(apiVersion, kind, context.path);
    if (info && context.itemStart && !context.flow && info.type !== 'object') {
      // `- |` in a list of scalars (accessModes, args): the item is a value, not a map.
      const key = String(context.path[context.path.length - 2] ?? '');
      return valueItems(request, { kind: 'value', path: context.path, key, word: context.word, wordStart: context.wordStart, wordEnd: context.wordEnd, listItem: true });
    }
    if (info && !info.isMap && info.type === 'object') {
      const required = new Set(info.requiredProperties);
      const minor = kubernetesMinor(request.settings.kubernetesVersion);
      const where = typeof context.path[context.path.length - 2] === 'string' ? String(context.path[context.path.length - 2]) : undefined;
      for (const name of info.propertyNames()) {
        if (context.existingKeys.has(name)) continue;
        // `status` is written by the cluster, not by manifests.
        if (context.path.length === 0 && (name === 'apiVersion' || name === 'kind' || name === 'status')) continue;
        const field = info.property(name);
        if (!field) continue;
        // The target version decides which fields exist: none it lacks, gated ones marked.
        const version = info.definition ? fieldVersionInfo(info.definition, name, minor, where) : undefined;
        if (version?.absent) continue;
        if (version && info.definition === 'core.v1.Container' && name === 'restartPolicy' && containerRestartPolicyValues(where ?? '', minor).length === 0) continue;
        items.push(keyItem(request, context, name, field, required.has(name), version?.badge));
      }
    }
    items.push(...resourceNameItems(request, context, info));
    items.push(...containerSnippetItems(request, context));
  }
  return items;
}

function keyItem(request: Request, context: KeyContext, name: string, field: FieldInfo, required: boolean, badge?: string): CompletionItem {
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  const body = context.hasColon ? name : context.flow ? flowKeyBody(name, field) : blockKeyBody(request, name, field);
  const text = reindentBlock(body, request.style, context.column, request.eol);
  return {
    label: name,
    kind: field.type === 'object' || field.isArray ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: `${typeLabel(field)}${required ? ' (required)' : ''}${badge ? ` — ${badge}` : ''}`,
    documentation: field.description ? { kind: MarkupKind.Markdown, value: field.description } : undefined,
    sortText: `${required ? '0' : '1'}${name}`,
    filterText: name,
    ...edit(request, range, text),
  };
}

/** What a key inserts in block style: `key: $1`, `key:\n  $1`, or a list with its first item's required keys. */
function blockKeyBody(request: Request, name: string, field: FieldInfo): string {
  if (field.isArray) {
    const item = field.items();
    if (item?.type === 'object' && !item.isMap) {
      const required = nameFirst(item.requiredProperties.filter((key) => item.property(key)));
      const keys = required.length ? required : preferredFirstKeys(item);
      if (keys.length === 0) return `${name}:\n  - $1`;
      return `${name}:\n${keys.map((key, i) => `${i === 0 ? '  - ' : '    '}${key}: ${scalarPlaceholder(item.property(key), i + 1)}`).join('\n')}`;
    }
    return `${name}:\n  - $1`;
  }
  if (field.type === 'object') {
    const required = field.isMap ? [] : field.requiredProperties.filter((key) => field.property(key));
    if (required.length) return `${name}:\n${required.map((key, i) => `  ${key}: ${scalarPlaceholder(field.property(key), i + 1)}`).join('\n')}`;
    return `${name}:\n  $1`;
  }
  return `${name}: ${scalarPlaceholder(field, 1)}`;
}

/** `name` is how people tell list items apart: it goes first, as in every Kubernetes example. */
function nameFirst(keys: string[]): string[] {
  return keys.includes('name') ? ['name', ...keys.filter((k) => k !== 'name')] : keys;
}

/** A few lists have no required keys but an obvious first one. */
function preferredFirstKeys(item: FieldInfo): string[] {
  for (const key of ['name', 'key']) if (item.property(key)) return [key];
  return [];
}

function flowKeyBody(name: string, field: FieldInfo): string {
  if (field.isArray) return `${name}: [$1]`;
  if (field.type === 'object') return `${name}: {$1}`;
  return `${name}: ${scalarPlaceholder(field, 1)}`;
}

function scalarPlaceholder(field: FieldInfo | undefined, stop: number): string {
  if (!field) return `$${stop}`;
  const values = field.enum?.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)).map(String);
  if (values?.length) return `\${${stop}|${values.map(escapeChoice).join(',')}|}`;
  if (field.type === 'boolean') return `\${${stop}|true,false|}`;
  if (field.isArray) return `[$${stop}]`;
  if (field.type === 'object') return `{$${stop}}`;
  return `$${stop}`;
}

function escapeChoice(value: string): string {
  return value.replace(/[\\,|$}]/g, (c) => `\\${c}`);
}

/** `requests`/`limits` are free-form maps in the schema; the resource names people mean are few. */
function resourceNameItems(request: Request, context: KeyContext, info: FieldInfo | undefined): CompletionItem[] {
  const last = context.path[context.path.length - 1];
  if (!info?.isMap || (last !== 'requests' && last !== 'limits' && last !== 'overhead')) return [];
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  const examples: Record<string, string> = { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '1Gi' };
  return Object.entries(examples)
    .filter(([name]) => !context.existingKeys.has(name))
    .map(([name, example], index) => ({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `Quantity, e.g. ${example}`,
      sortText: `0${index}`,
      filterText: name,
      ...edit(request, range, context.hasColon ? name : `${name}: \${1:${example}}`),
    }));
}

/** The kinds the schemas know, then the whole-manifest snippets, at the top of a document with no kind yet. */
function topLevelItems(request: Request, context: KeyContext): CompletionItem[] {
  if (request.kind && request.apiVersion) return [];
  const items: CompletionItem[] = [];
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  if (context.column === 0 && !request.kind && !request.apiVersion && !context.hasColon) {
    for (const { apiVersion, kind } of request.service.schemas.knownKinds()) {
      const text = ['apiVersion: ' + apiVersion, 'kind: ' + kind, 'metadata:', '  name: $1'].join('\n');
      items.push({
        label: kind,
        kind: CompletionItemKind.Class,
        detail: apiVersion,
        documentation: { kind: MarkupKind.Markdown, value: `\`apiVersion: ${apiVersion}\`\n\n\`kind: ${kind}\`` },
        sortText: `${kindRank(kind)}${kind}`,
        filterText: kind,
        ...edit(request, range, reindentBlock(text, request.style, 0, request.eol)),
      });
    }
    if (isEmptyDocument(request.document.text, context)) {
      for (const snippet of MANIFEST_SNIPPETS) {
        items.push(snippetItem(request, range, snippet.label, snippet.description, reindentBlock(snippet.body, request.style, 0, request.eol), `3${snippet.id}`, snippet.id));
      }
    }
  }
  for (const key of ['apiVersion', 'kind']) {
    if (key === 'apiVersion' ? request.apiVersion : request.kind) continue;
    if (context.existingKeys.has(key)) continue;
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: 'string (required)',
      sortText: `0${key}`,
      filterText: key,
      ...edit(request, range, context.hasColon ? key : `${key}: `),
    });
  }
  return items;
}

/** Workloads first: they are what this extension is about. */
function kindRank(kind: string): string {
  const order = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ConfigMap', 'Secret', 'Service'];
  const at = order.indexOf(kind);
  return at >= 0 ? `1${at}` : '2';
}

function isEmptyDocument(text: string, context: KeyContext): boolean {
  const rest = text.slice(0, context.wordStart) + text.slice(context.wordEnd);
  return rest.split(LINE_BREAK).every((line) => /^\s*(#.*)?$/.test(line) || /^---\s*(#.*)?$/.test(line));
}

/** Container snippets at a new item of `containers` or `initContainers` (native sidecar variants there). */
function containerSnippetItems(request: Request, context: KeyContext): CompletionItem[] {
  let list: 'containers' | 'initContainers' | undefined;
  let withDash = false;
  const last = context.path[context.path.length - 1];
  const owner = context.path[context.path.length - 2];
  if (context.itemStart && typeof last === 'number' && (owner === 'containers' || owner === 'initContainers') && context.existingKeys.size === 0) {
    list = owner;
  } else if (context.listPath && !context.itemStart && !context.flow) {
    const listName = context.listPath[context.listPath.length - 1];
    if (listName === 'containers' || listName === 'initContainers') {
      list = listName;
      withDash = true;
    }
  }
  if (!list) return [];
  const podPath = list && (withDash ? context.listPath?.slice(0, -1) : context.path.slice(0, -2));
  const pod = podsOf(request.document).find((p) => samePath(p.path, podPath ?? []));
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  return CONTAINER_SNIPPETS.map((snippet) => {
    const native = list === 'initContainers';
    const body = native ? nativeVariant(snippet.container) : snippet.container;
    const block = withDash ? `- ${body.split('\n').join('\n  ')}` : body;
    const text = reindentBlock(block, request.style, context.column, request.eol);
    const item = snippetItem(request, range, snippet.label, snippet.description + (native ? ' As a native sidecar (restartPolicy: Always).' : ''), text, `2${snippet.id}`, snippet.id);
    const volumeEdit = pod ? volumesEdit(request, pod, snippet, context.wordStart) : undefined;
    if (volumeEdit) item.additionalTextEdits = [volumeEdit];
    return item;
  });
}

function samePath(a: YamlPath, b: YamlPath): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/**
 * Adds the volumes a snippet mounts to the pod: after its last volume, or as a new `volumes:` key after the
 * pod spec (before it when the spec ends on the cursor's line, so the two edits never touch).
 */
function volumesEdit(request: Request, pod: PodSpecModel, snippet: ContainerSnippet, cursor: number): TextEdit | undefined {
  const present = new Set(pod.volumes.map((v) => v.name));
  const missing = snippet.volumes.filter((v) => !present.has(v.name));
  if (missing.length === 0) return undefined;
  const text = request.document.text;
  const lines = request.document.lines;
  const { style, eol } = request;
  const volumesSeq = asSeq(pod.volumesPair?.value);
  if (volumesSeq && volumesSeq.items.length > 0) {
    const lastItem = volumesSeq.items[volumesSeq.items.length - 1];
    const span = nodeSpan(lastItem);
    if (!span) return undefined;
    const dashColumn = columnOf(lines, text.lastIndexOf('-', span.start));
    const at = endOfLine(lines, span.end);
    const block = missing.map((v) => reindentBlock(`- ${v.body.split('\n').join('\n  ')}`, style, dashColumn, eol)).map((b) => `${eol}${' '.repeat(dashColumn)}${b}`);
    return { range: rangeOf(request, at, at), newText: block.join('') };
  }
  // No volumes yet: a `volumes:` key after the pod spec's last line, at the column of its keys.
  const specSpan = nodeSpan(pod.spec);
  const firstKey = pod.spec.items[0]?.key;
  const keySpan = nodeSpan(firstKey);
  if (!specSpan || !keySpan || pod.volumesPair) return undefined;
  const keyColumn = columnOf(lines, keySpan.start);
  const items = missing.map((v) => `  - ${v.body.split('\n').join('\n    ')}`);
  const block = reindentBlock(`volumes:\n${items.join('\n')}`, style, keyColumn, eol);
  const end = endOfLine(lines, lastContentBefore(text, specSpan.end));
  const cursorLineStart = lines.lineStart(lines.lineAt(cursor));
  if (end < cursorLineStart) return { range: rangeOf(request, end, end), newText: `${eol}${' '.repeat(keyColumn)}${block}` };
  const firstLineStart = keySpan.start - keyColumn;
  return { range: rangeOf(request, firstLineStart, firstLineStart), newText: `${' '.repeat(keyColumn)}${block}${eol}` };
}

function columnOf(lines: LineIndex, offset: number): number {
  return offset - lines.lineStart(lines.lineAt(offset));
}

function endOfLine(lines: LineIndex, offset: number): number {
  const text = lines.text;
  let at = Math.max(0, Math.min(offset, text.length));
  // A node's range may end after its line break: step back onto the line it ends on.
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  return lines.lineEnd(lines.lineAt(at));
}

function lastContentBefore(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// Values

function valueItems(request: Request, context: ValueContext): CompletionItem[] {
  const { path } = context;
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  const values: { label: string; detail?: string; documentation?: string; preselect?: boolean; kind?: CompletionItemKind; additionalTextEdits?: TextEdit[] }[] = [];

  if (path.length === 1 && path[0] === 'kind') {
    // With no apiVersion yet, choosing a kind also writes its apiVersion on the line above.
    const kindLineStart = request.document.lines.lineStart(request.document.lines.lineAt(context.wordStart));
    const ranked = [...request.service.schemas.knownKinds()].sort((a, b) => `${kindRank(a.kind)}${a.kind}`.localeCompare(`${kindRank(b.kind)}${b.kind}`));
    for (const k of ranked) {
      if (request.apiVersion && k.apiVersion !== request.apiVersion) continue;
      const additionalTextEdits = request.apiVersion
        ? undefined
        : [{ range: rangeOf(request, kindLineStart, kindLineStart), newText: `apiVersion: ${k.apiVersion}${request.eol}` }];
      values.push({ label: k.kind, detail: k.apiVersion, kind: CompletionItemKind.Class, additionalTextEdits });
    }
  } else if (path.length === 1 && path[0] === 'apiVersion') {
    const seen = new Set<string>();
    for (const k of request.service.schemas.knownKinds()) {
      if (request.kind && k.kind !== request.kind) continue;
      if (seen.has(k.apiVersion)) continue;
      seen.add(k.apiVersion);
      values.push({ label: k.apiVersion, kind: CompletionItemKind.Module });
    }
  } else {
    values.push(...referenceValues(request, context));
    if (values.length === 0 && request.apiVersion && request.kind) {
      const field = request.service.schemas.describe(request.apiVersion, request.kind, path);
      const container = containerPathOf(path);
      if (container && path.length === container.length + 1 && context.key === 'restartPolicy') {
        // The schema has no enum for a container's restartPolicy; what the target accepts depends on the list
        // and the version (native sidecars: Always; ContainerRestartRules from 1.35: all three).
        const list = String(container[container.length - 2]);
        const init = list === 'initContainers';
        for (const value of containerRestartPolicyValues(list, kubernetesMinor(request.settings.kubernetesVersion))) {
          values.push({
            label: value,
            preselect: init && value === 'Always',
            documentation: value === 'Always' && init ? 'Makes this init container a native sidecar: it starts before the app containers and runs for the pod\'s whole life.' : undefined,
          });
        }
      } else if (field?.enum?.length) {
        // A pod template's restartPolicy follows its controller (no Always in a Job, only Always in a Deployment).
        const podPolicy = context.key === 'restartPolicy' && field.definition === undefined && path[path.length - 2] === 'spec' && path.length > 2;
        const allowed = podPolicy ? podRestartPolicies(request.kind) : undefined;
        for (const value of field.enum) if (!allowed || allowed.includes(String(value))) values.push({ label: String(value), kind: CompletionItemKind.EnumMember });
      } else if (field?.type === 'boolean') {
        values.push({ label: 'true', kind: CompletionItemKind.Value }, { label: 'false', kind: CompletionItemKind.Value });
      }
    }
  }
  return values.map((value, index) => ({
    label: value.label,
    kind: value.kind ?? CompletionItemKind.Value,
    detail: value.detail,
    documentation: value.documentation ? { kind: MarkupKind.Markdown, value: value.documentation } : undefined,
    preselect: value.preselect || undefined,
    sortText: String(index).padStart(4, '0'),
    filterText: value.label,
    textEdit: { range, newText: `${context.prefix ?? ''}${value.label}` },
    additionalTextEdits: value.additionalTextEdits,
  }));
}

/** The container path (…, 'containers', n) a value path sits in, if any. */
function containerPathOf(path: YamlPath): YamlPath | undefined {
  for (let i = path.length - 1; i >= 1; i--) {
    if (typeof path[i] === 'number' && (path[i - 1] === 'containers' || path[i - 1] === 'initContainers' || path[i - 1] === 'ephemeralContainers')) {
      return path.slice(0, i + 1);
    }
  }
  return undefined;
}

function podOf(request: Request, path: YamlPath): PodSpecModel | undefined {
  return podsOf(request.document).find((pod) => pod.path.length <= path.length && pod.path.every((step, i) => step === path[i]));
}

/** Values that name something declared elsewhere: volumes of the pod, named ports, ConfigMaps/Secrets, images. */
function referenceValues(request: Request, context: ValueContext): { label: string; detail?: string; documentation?: string; kind?: CompletionItemKind }[] {
  const { path, key } = context;
  const parentKey = path[path.length - 2];
  const grandKey = path[path.length - 3];
  const pod = podOf(request, path);
  const containerPath = containerPathOf(path);
  const result: { label: string; detail?: string; documentation?: string; kind?: CompletionItemKind }[] = [];

  if (key === 'name' && typeof parentKey === 'number' && (grandKey === 'volumeMounts' || grandKey === 'volumeDevices') && pod) {
    for (const volume of pod.volumes) {
      if (volume.name) result.push({ label: volume.name, detail: volume.source ? `volume (${volume.source})` : 'volume', kind: CompletionItemKind.Reference });
    }
    return result;
  }
  if (key === 'port' && containerPath && pod) {
    const probe = path[containerPath.length];
    if (typeof probe === 'string' && /Probe$/.test(probe)) {
      const container = resolvePath(request.document.yaml.contents, containerPath);
      for (const item of getSeq(asMap(container?.node), 'ports')?.items ?? []) {
        const port = asMap(item);
        const name = getString(port, 'name');
        if (name) result.push({ label: name, detail: `port ${getString(port, 'containerPort') ?? ''}`.trim(), kind: CompletionItemKind.Reference });
      }
      return result;
    }
  }
  if (key === 'key' && (parentKey === 'configMapKeyRef' || parentKey === 'secretKeyRef')) {
    // The keys of the ConfigMap/Secret named next to it, when this file declares it.
    const wanted = parentKey === 'configMapKeyRef' ? 'ConfigMap' : 'Secret';
    const refName = getString(asMap(resolvePath(request.document.yaml.contents, path.slice(0, -1))?.node), 'name');
    const target = request.file.slots.find((slot) => slot.document.kind === wanted && getString(getMap(slot.document.root, 'metadata'), 'name') === refName);
    for (const section of ['data', 'stringData', 'binaryData']) {
      for (const pair of getMap(target?.document.root, section)?.items ?? []) {
        const name = scalarText(pair.key);
        if (name && !result.some((r) => r.label === name)) result.push({ label: name, detail: `key of ${wanted} ${refName}`, kind: CompletionItemKind.Reference });
      }
    }
    return result;
  }
  const configMapRef = (parentKey === 'configMapKeyRef' || parentKey === 'configMapRef' || parentKey === 'configMap') && key === 'name';
  const secretRef = ((parentKey === 'secretKeyRef' || parentKey === 'secretRef') && key === 'name') || (parentKey === 'secret' && key === 'secretName');
  if (configMapRef || secretRef) {
    // Names stay free: only objects declared in other documents of this file are offered.
    const wanted = configMapRef ? 'ConfigMap' : 'Secret';
    for (const slot of request.file.slots) {
      if (slot === request.slot || slot.document.kind !== wanted) continue;
      const name = getString(getMap(slot.document.root, 'metadata'), 'name');
      if (name && !result.some((r) => r.label === name)) result.push({ label: name, detail: `${wanted} in this file`, kind: CompletionItemKind.Reference });
    }
    return result;
  }
  if (key === 'image' && containerPath && path.length === containerPath.length + 1) {
    const container = asMap(resolvePath(request.document.yaml.contents, containerPath)?.node);
    const name = getString(container, 'name');
    const context: string[] = [];
    for (const mount of getSeq(container, 'volumeMounts')?.items ?? []) context.push(getString(asMap(mount), 'name') ?? '', getString(asMap(mount), 'mountPath') ?? '');
    for (const env of getSeq(container, 'env')?.items ?? []) context.push(getString(asMap(env), 'name') ?? '');
    for (const arg of [...(getSeq(container, 'command')?.items ?? []), ...(getSeq(container, 'args')?.items ?? [])]) context.push(scalarText(arg) ?? '');
    const neighbourImages = pod ? containersOf(pod, { ephemeral: false }).filter((c) => !samePath(c.path, containerPath)).map((c) => c.image ?? '') : [];
    for (const { image, suggested } of suggestSidecarImages({ name, context: context.join(' '), neighbourImages })) {
      result.push({ label: image.image, detail: suggested ? `${image.kind} (suggested)` : image.kind, documentation: image.description, kind: CompletionItemKind.Constant });
    }
    return result;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Shared

function rangeOf(request: Request, start: number, end: number) {
  return request.file.lineIndex.rangeOf(request.slot.start + start, request.slot.start + end);
}

/** The item's edit: a snippet with tab stops, or plain text when the client cannot expand snippets. */
function edit(request: Request, range: ReturnType<typeof rangeOf>, snippet: string): Pick<CompletionItem, 'textEdit' | 'insertTextFormat' | 'insertTextMode'> {
  const isSnippet = /\$\{?\d/.test(snippet);
  if (!isSnippet || !request.snippets) {
    return { textEdit: { range, newText: isSnippet ? expandSnippet(snippet) : snippet }, insertTextFormat: InsertTextFormat.PlainText, insertTextMode: InsertTextMode.asIs };
  }
  return { textEdit: { range, newText: snippet }, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs };
}

function snippetItem(request: Request, range: ReturnType<typeof rangeOf>, label: string, description: string, body: string, sortText: string, id: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: 'sidecar snippet',
    documentation: { kind: MarkupKind.Markdown, value: `${description}\n\n\`\`\`yaml\n${expandSnippet(body)}\n\`\`\`` },
    sortText,
    // The id ("fluent-bit", "envoy") is what people type; the label reads well in the list.
    filterText: `${id} ${label}`,
    ...edit(request, range, body),
  };
}
