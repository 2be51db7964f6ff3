import { CompletionItemKind, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { containerRestartPolicyValues } from '../../kubernetes/describe';
import { kindValidation } from '../../kubernetes/object-validation';
import { kubernetesMinor } from '../../settings';
import type { ValueContext } from './cursor';
import { referenceValues } from './references';
import { injectorValueItems } from './injector-keys';
import { containerPathOf, kindRank, rangeOf, type Request } from './request';

export function valueItems(request: Request, context: ValueContext): CompletionItem[] {
  const injector = injectorValueItems(request, context);
  if (injector) return injector;
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
        const allowed = podPolicy ? kindValidation(request.apiVersion, request.kind)?.templateRestartPolicy?.allowed : undefined;
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
