import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { containerRestartPolicyValues, fieldVersionInfo } from '../../kubernetes/describe';
import type { FieldInfo } from '../../schema';
import { kubernetesMinor } from '../../settings';
import { reindentBlock } from '../../text/indentation';
import { LINE_BREAK } from '../../parse/line-index';
import { MANIFEST_SNIPPETS } from '../snippets';
import { containerSnippetItems } from './container-snippets';
import { fieldSortText } from './common-fields';
import type { KeyContext } from './cursor';
import { edit, kindRank, rangeOf, snippetItem, type Request } from './request';
import { typeLabel } from './types';
import { valueItems } from './values';
import { injectorKeyItems } from './injector-keys';

export function keyItems(request: Request, context: KeyContext): CompletionItem[] {
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
        items.push(keyItem(request, context, name, field, required.has(name), version?.badge, info.definition));
      }
    }
    items.push(...resourceNameItems(request, context, info));
    items.push(...injectorKeyItems(request, context));
    items.push(...containerSnippetItems(request, context));
  }
  return items;
}

export function keyItem(request: Request, context: KeyContext, name: string, field: FieldInfo, required: boolean, badge?: string, definition?: string): CompletionItem {
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  const body = context.hasColon ? name : context.flow ? flowKeyBody(name, field) : blockKeyBody(request, name, field);
  const text = reindentBlock(body, request.style, context.column, request.eol);
  return {
    label: name,
    kind: field.type === 'object' || field.isArray ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: `${typeLabel(field)}${required ? ' (required)' : ''}${badge ? ` — ${badge}` : ''}`,
    documentation: field.description ? { kind: MarkupKind.Markdown, value: field.description } : undefined,
    sortText: fieldSortText(definition, name, required),
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

function isEmptyDocument(text: string, context: KeyContext): boolean {
  const rest = text.slice(0, context.wordStart) + text.slice(context.wordEnd);
  return rest.split(LINE_BREAK).every((line) => /^\s*(#.*)?$/.test(line) || /^---\s*(#.*)?$/.test(line));
}
