import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { NETWORK_MODES, RESTART_POLICIES, composeFieldDoc } from '../../compose/docs';
import { topLevelNames } from '../../compose/detect';
import type { YamlPath } from '../../parse/nodes';
import { composeSnippetItems } from './compose-snippets';
import type { CursorContext, KeyContext, ValueContext } from './cursor';
import { keyItem } from './keys';
import { rangeOf, type Request } from './request';

/**
 * Completion in a Compose file, from the Compose Specification schema: keys, enum values, and the names a
 * reference expects (services in depends_on / network_mode / volumes_from / extends, declared volumes, networks,
 * secrets and configs), plus the sidecar service snippets as a new entry of `services:`.
 */
export function composeItems(request: Request, context: CursorContext): CompletionItem[] {
  if (context.kind === 'value') return valueItems(request, context);
  const last = context.path[context.path.length - 1];
  // `- |` in a list of names (depends_on, volumes_from, networks): the item is a value.
  if (context.itemStart && typeof last === 'number') {
    const value: ValueContext = { kind: 'value', path: context.path, key: String(context.path[context.path.length - 2] ?? ''), word: context.word, wordStart: context.wordStart, wordEnd: context.wordEnd, listItem: true };
    const values = valueItems(request, value);
    if (values.length) return values;
  }
  return keyItems(request, context);
}

function keyItems(request: Request, context: KeyContext): CompletionItem[] {
  const { path } = context;
  if (path.length === 1 && path[0] === 'services') return context.flow || context.hasColon ? [] : composeSnippetItems(request, context);
  const info = request.service.compose.schema.describe(path);
  if (!info) return [];
  const items: CompletionItem[] = [];
  if (info.isMap) {
    // depends_on's long syntax is a map keyed by service name.
    if (path.length === 3 && path[0] === 'services' && path[2] === 'depends_on') {
      const range = rangeOf(request, context.wordStart, context.wordEnd);
      for (const name of otherServices(request, path)) {
        if (context.existingKeys.has(name)) continue;
        items.push({ label: name, kind: CompletionItemKind.Reference, detail: 'service', sortText: `0${name}`, filterText: name, textEdit: { range, newText: context.hasColon ? name : `${name}:${request.eol}${' '.repeat(context.column + request.style.unit)}condition: service_started` } });
      }
    }
    return items;
  }
  if (info.type !== 'object') return [];
  const required = new Set(info.requiredProperties);
  for (const name of info.propertyNames()) {
    if (context.existingKeys.has(name)) continue;
    const field = info.property(name);
    if (!field) continue;
    const doc = composeFieldDoc([...path, name]);
    const item = keyItem(request, context, name, field, required.has(name));
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: `${doc.text}\n\n[Compose Specification](${doc.href})` };
    items.push(item);
  }
  return items;
}

interface Value {
  label: string;
  detail?: string;
  documentation?: string;
  kind?: CompletionItemKind;
}

function valueItems(request: Request, context: ValueContext): CompletionItem[] {
  const { path } = context;
  const values: Value[] = [];
  const relative = path[0] === 'services' && path.length >= 3 ? path.slice(2) : undefined;
  const at = (...pattern: (string | number)[]) =>
    !!relative && relative.length === pattern.length && pattern.every((step, i) => (step === -1 ? typeof relative[i] === 'number' : step === relative[i]));
  const services = () => otherServices(request, path).map((name) => ({ label: name, detail: 'service', kind: CompletionItemKind.Reference }));
  const declared = (top: string, detail: string) => namesOf(request, top).map((name) => ({ label: name, detail, kind: CompletionItemKind.Reference }));

  if (at('depends_on', -1) || at('volumes_from', -1) || at('links', -1) || at('extends', 'service')) values.push(...services());
  else if (at('network_mode')) {
    values.push(...otherServices(request, path).map((name) => ({ label: `service:${name}`, detail: 'share the network namespace of this service', kind: CompletionItemKind.Reference })));
    values.push(...NETWORK_MODES.map((mode) => ({ label: mode.value, documentation: mode.text })));
  } else if (at('volumes', -1)) values.push(...namesOf(request, 'volumes').map((name) => ({ label: `${name}:`, detail: 'named volume', kind: CompletionItemKind.Reference })));
  else if (at('volumes', -1, 'source')) values.push(...declared('volumes', 'named volume'));
  else if (at('networks', -1)) values.push(...declared('networks', 'network'));
  else if (at('secrets', -1) || at('secrets', -1, 'source')) values.push(...declared('secrets', 'secret'));
  else if (at('configs', -1) || at('configs', -1, 'source')) values.push(...declared('configs', 'config'));
  else if (at('restart')) values.push(...RESTART_POLICIES.map((policy) => ({ label: policy.value, documentation: policy.text })));
  else {
    const field = request.service.compose.schema.describe(path);
    if (field?.enum?.length) values.push(...field.enum.map((value) => ({ label: String(value), kind: CompletionItemKind.EnumMember })));
    else if (field?.type === 'boolean' || (Array.isArray(field?.type) && field.type.includes('boolean'))) values.push({ label: 'true' }, { label: 'false' });
  }
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  return values.map((value, index) => ({
    label: value.label,
    kind: value.kind ?? CompletionItemKind.Value,
    detail: value.detail,
    documentation: value.documentation ? { kind: MarkupKind.Markdown, value: value.documentation } : undefined,
    sortText: String(index).padStart(4, '0'),
    filterText: value.label,
    textEdit: { range, newText: `${context.prefix ?? ''}${value.label}` },
  }));
}

function namesOf(request: Request, top: string): string[] {
  return topLevelNames(request.document.root, top);
}

/** The file's services other than the one the cursor is in. */
function otherServices(request: Request, path: YamlPath): string[] {
  const self = path[0] === 'services' ? path[1] : undefined;
  return namesOf(request, 'services').filter((name) => name !== self);
}
