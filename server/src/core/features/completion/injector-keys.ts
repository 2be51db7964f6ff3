import { CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { INJECTORS } from '../../model/injectors';
import { findInjectorKey, injectorKeyMarkdown, offeredInjectorKeys, type InjectorKeyMatch } from '../../model/injector-keys';
import { injectorMapAt } from '../injector-keys';
import type { ParsedDocument } from '../../parse/document';
import { parseManifest } from '../../parse/manifest';
import type { KeyContext, ValueContext } from './cursor';
import { edit, rangeOf, type Request } from './request';

const code = (text: string) => `\`${text}\``;

function choice(values: readonly string[], stop: number): string {
  return `\${${stop}|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
}

function detail(match: InjectorKeyMatch): string {
  const kind = match.entry.in === 'labels' ? 'label' : 'annotation';
  return `${match.title} ${kind}${match.entry.deprecated ? ' (deprecated)' : ''}`;
}

/**
 * Keys of the injectors' tables in a pod's (or pod template's, or a Namespace's) `annotations`/`labels`: those not yet present, the
 * value quoted (label and annotation values are strings) with the allowed values as choices; a prefix key
 * (`vault.hashicorp.com/agent-inject-secret-`) with a tab stop for the name.
 */
export function injectorKeyItems(request: Request, context: KeyContext): CompletionItem[] {
  if (context.flow || context.itemStart) return [];
  const at = injectorMapAt(request.document, context.path, request.service.pods);
  if (!at) return [];
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  return offeredInjectorKeys(INJECTORS, at.where, at.owner)
    .filter((match) => match.entry.prefix || !context.existingKeys.has(match.entry.key))
    .map((match, index): CompletionItem => {
      const { entry } = match;
      const key = entry.prefix ? `${entry.key}\${1:name}` : entry.key;
      const stop = entry.prefix ? 2 : 1;
      const value = entry.values?.length ? `"${choice(entry.values, stop)}"` : `"$${stop}"`;
      return {
        label: entry.prefix ? `${entry.key}<name>` : entry.key,
        kind: CompletionItemKind.Property,
        detail: detail(match),
        documentation: { kind: MarkupKind.Markdown, value: injectorKeyMarkdown(match, code) },
        tags: entry.deprecated ? [CompletionItemTag.Deprecated] : undefined,
        sortText: `${entry.deprecated ? 1 : 0}${String(index).padStart(4, '0')}`,
        filterText: entry.key,
        ...edit(request, range, context.hasColon ? key : `${key}: ${value}`),
      };
    });
}

/**
 * The allowed values of an injector's key in a pod's metadata, quoted unless the user opened a quote (a bare
 * `true` would be a boolean, and the API server takes only strings there); undefined when the key is none of theirs.
 */
export function injectorValueItems(request: Request, context: ValueContext): CompletionItem[] | undefined {
  if (context.listItem) return undefined;
  const key = context.path[context.path.length - 1];
  const opened = request.document.text[context.wordStart - 1];
  const quote = opened === '"' || opened === "'" ? opened : undefined;
  const at = typeof key === 'string' ? injectorMapAt(parsedWithoutValue(request, context, quote), context.path.slice(0, -1), request.service.pods) : undefined;
  const match = at && typeof key === 'string' ? findInjectorKey(INJECTORS, at.where, key, at.owner) : undefined;
  if (!match) return undefined;
  const range = rangeOf(request, context.wordStart, context.wordEnd);
  return (match.entry.values ?? []).map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: `${detail(match)}${match.entry.default === value ? ' (default)' : ''}`,
    documentation: index === 0 ? { kind: MarkupKind.Markdown, value: injectorKeyMarkdown(match, code) } : undefined,
    sortText: String(index).padStart(4, '0'),
    filterText: value,
    textEdit: { range, newText: quote ? `${value}${quote}` : `${context.prefix ?? ''}"${value}"` },
  }));
}

/** The document as parsed, or, while a quote typed at the cursor leaves it broken, parsed with that value left out. */
function parsedWithoutValue(request: Request, context: ValueContext, quote: string | undefined): ParsedDocument {
  const { document } = request;
  if (!quote || document.yaml.errors.length === 0) return document;
  const text = document.text.slice(0, context.wordStart - 1) + document.text.slice(context.wordEnd);
  return parseManifest(text).slots[0]?.document ?? document;
}
