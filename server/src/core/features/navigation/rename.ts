import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { listInWords } from '../../text/words';
import { resourceLabel, type IndexedResource, type PodFacts, type WorkspaceIndex } from '../../workspace/index/workspace-index';
import { namePlace, selectorsOfLabel, type Place } from './definition';
import { rangeIn, shift, targetAt, type NavigationTarget } from './locate';

export type RenameResult = { edit: WorkspaceEdit } | { refused: string };

/** What rename would change at `offset`: its range and current text, or why it cannot. */
export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): { range: Range; placeholder: string } | { refused: string } {
  const target = targetAt(index, uri, offset);
  const file = index.fileOf(uri);
  if (!target || !file || !renamable(target)) return { refused: 'Only the name of a resource, a reference to one, or a pod label value (with its selectors) can be renamed here.' };
  const text = file.text.slice(target.span.start, target.span.end);
  if (text.startsWith('*')) return { refused: 'This value is an alias (*name): rename its anchor instead.' };
  return { range: file.lineIndex.rangeOf(target.span.start, target.span.end), placeholder: unquote(text) };
}

/**
 * Renames a resource with every reference to it across files, or a pod label value with every selector that
 * selects the pod through it, as one WorkspaceEdit. Refused, with the reason, when a selector that would change
 * also selects pods of other workloads (they would silently drop out of it).
 */
export function rename(index: WorkspaceIndex, uri: string, offset: number, newName: string): RenameResult {
  const target = targetAt(index, uri, offset);
  if (!target || !renamable(target)) return { refused: 'Only the name of a resource, a reference to one, or a pod label value (with its selectors) can be renamed here.' };
  const name = newName.trim();
  if (name === '') return { refused: 'The new name is empty.' };
  if (target.type === 'resource' || target.type === 'reference') return edits(index, resourcePlaces(index, target), name);
  if (target.type !== 'pod-label' && target.type !== 'selector-label') return { refused: 'Only names and labels can be renamed.' };
  const pod = target.type === 'pod-label' ? { resource: target.resource, pod: target.pod } : onlySelected(index, target);
  if ('refused' in pod) return pod;
  const places = [...labelPlaces(pod.resource, pod.pod, target.key), ...selectorsOfLabel(index, pod.resource, pod.pod, target.key)];
  const overlap = otherWorkloadsSelected(index, pod.resource, pod.pod, target.key);
  if (overlap.length > 0) {
    return { refused: `Renaming label "${target.key}" would change the selector of ${listInWords(overlap.map((o) => o.owner))}, which also selects ${listInWords([...new Set(overlap.flatMap((o) => o.others))])}: those pods would drop out of it. Rename the label on them too, by hand.` };
  }
  return edits(index, places, name);
}

function renamable(target: NavigationTarget): boolean {
  return target.type === 'resource' || target.type === 'reference' || target.type === 'pod-label' || target.type === 'selector-label';
}

/** The resource names (every definition of that kind, namespace and name) and every reference to them. */
function resourcePlaces(index: WorkspaceIndex, target: Extract<NavigationTarget, { type: 'resource' | 'reference' }>): Place[] {
  const [kind, namespace, name] =
    target.type === 'resource'
      ? [target.resource.facts.kind, target.resource.namespace, target.resource.facts.name ?? '']
      : [target.reference.facts.targetKind, target.reference.namespace, target.reference.facts.name];
  const places = index.find(kind, namespace, name).map(namePlace);
  for (const reference of index.referencesNamed(kind, namespace, name)) places.push({ uri: reference.source.uri, span: shift(reference.facts.span, reference.source.offset) });
  return places;
}

function labelPlaces(resource: IndexedResource, pod: PodFacts, key: string): Place[] {
  const span = pod.labelSpans.get(key);
  return span ? [{ uri: resource.uri, span: shift(span, resource.offset) }] : [];
}

/** Renaming from a selector renames the label of the one workload it selects. */
function onlySelected(index: WorkspaceIndex, target: Extract<NavigationTarget, { type: 'selector-label' }>): { resource: IndexedResource; pod: PodFacts } | { refused: string } {
  const selected = index.selectedBy(target.resource, target.selector);
  const workloads = [...new Set(selected.map((s) => s.resource))];
  if (workloads.length === 1 && selected[0].pod.labelSpans.has(target.key)) return selected[0];
  if (workloads.length === 0) return { refused: `This selector selects no pod of the workspace: edit the value itself (no label "${target.key}" to rename with it).` };
  return { refused: `This selector selects pods of ${listInWords(workloads.map(resourceLabel))}: renaming its "${target.key}" would need their labels renamed too. Rename the label on one pod template instead.` };
}

/** Selectors that would change with this pod's label and also select pods of other workloads. */
function otherWorkloadsSelected(index: WorkspaceIndex, resource: IndexedResource, pod: PodFacts, key: string): { owner: string; others: string[] }[] {
  const found: { owner: string; others: string[] }[] = [];
  for (const owner of index.resources()) {
    if (owner.namespace !== resource.namespace) continue;
    for (const selector of owner.facts.selectors) {
      if (!selector.labelSpans.has(key)) continue;
      const selected = index.selectedBy(owner, selector);
      if (!selected.some((s) => s.pod === pod)) continue;
      const others = selected.filter((s) => s.resource !== resource).map((s) => resourceLabel(s.resource));
      if (others.length > 0) found.push({ owner: resourceLabel(owner), others: [...new Set(others)] });
    }
  }
  return found;
}

function edits(index: WorkspaceIndex, places: readonly Place[], name: string): RenameResult {
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const place of places) {
    const key = `${place.uri}#${place.span.start}`;
    const file = index.fileOf(place.uri);
    const range = rangeIn(index, place.uri, place.span);
    if (seen.has(key) || !file || !range) continue;
    seen.add(key);
    const old = file.text.slice(place.span.start, place.span.end);
    if (old.startsWith('*')) return { refused: `A value to rename is an alias (${old}) in ${place.uri}: rename its anchor instead.` };
    (changes[place.uri] ??= []).push({ range, newText: quoteLike(old, name) });
  }
  return { edit: { changes } };
}

/** The new text in the quotes the old one had; plain only when YAML reads it back as this same string. */
function quoteLike(old: string, value: string): string {
  if (old.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (old.startsWith('"') || !isPlainString(value)) return JSON.stringify(value);
  return value;
}

function isPlainString(value: string): boolean {
  return /^[A-Za-z_][-A-Za-z0-9_./]*$/.test(value) && !/^(true|false|yes|no|on|off|y|n|null)$/i.test(value);
}

function unquote(text: string): string {
  if (text.length >= 2 && (text.startsWith('"') || text.startsWith("'")) && text.endsWith(text[0])) return text.slice(1, -1);
  return text;
}
