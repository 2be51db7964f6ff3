import { isNode, isScalar } from 'yaml';
import type { YamlEditor } from '../../edit/yaml-edit';
import { asMap, asSeq, getPair, keySpan, nodeSpan, pathAt, resolvePath, scalarText, type MapNode, type PairNode, type YamlPath } from '../../parse/nodes';
import { proposal, type QuickFixProvider } from './types';

/** The pair whose key starts at `offset` (the underlined key), else the pair at the data's path. */
function keyPairAt(root: unknown, offset: number, path: YamlPath | undefined): PairNode | undefined {
  const chain = pathAt(root, offset);
  for (let i = chain.length - 1; i >= 0; i--) {
    const pair = chain[i].pair;
    const span = pair ? keySpan(pair) : undefined;
    if (pair && span && offset >= span.start && offset <= span.end) return pair;
  }
  return path ? resolvePath(root, path)?.pair : undefined;
}

/**
 * Schema `unknown-field` with a "did you mean": rename the key; when the suggested key is already there and both
 * hold lists (`volumeMount:` beside `volumeMounts:`), merge the typo's items into the list and remove the typo.
 */
export const unknownField: QuickFixProvider<'unknown-field'> = (context) => {
  const { suggestion, path } = context.data;
  const root = context.document.yaml.contents;
  const pair = keyPairAt(root, context.start, path);
  if (!suggestion || !pair) return [];
  const parent = path ? asMap(resolvePath(root, path.slice(0, -1))?.node) : undefined;
  const holder = parent?.items.includes(pair) ? parent : findHolder(root, pair);
  const existing = holder ? getPair(holder, suggestion) : undefined;
  if (holder && existing) return mergeLists(context.editor, holder, pair, existing, suggestion);
  return proposal(`Rename to "${suggestion}"`, [context.editor.replaceScalar(pair.key, suggestion)], { isPreferred: true });
};

function mergeLists(editor: YamlEditor, holder: MapNode, typo: PairNode, target: PairNode, name: string) {
  const from = asSeq(typo.value);
  const into = asSeq(target.value);
  const dashColumn = into ? editor.dashColumn(into) : undefined;
  const block = into && into.items.length ? editor.seqItemBlock(into, into.items.length - 1) : undefined;
  if (!from || !into || from.flow || into.flow || !from.items.length || dashColumn === undefined || !block) return [];
  const contentOffset = editor.itemContentOffset(into);
  const lines = from.items.flatMap((item) => editor.itemLines(editor.fragment(isNode(item) ? item.toJSON() : item), dashColumn, contentOffset));
  const append = { start: block.lastLineEnd, end: block.lastLineEnd, newText: lines.map((line) => editor.eol + line).join('') };
  return proposal(`Merge into "${name}"`, [append, editor.removePair(holder, typo)], { isPreferred: true });
}

function findHolder(root: unknown, pair: PairNode) {
  const span = nodeSpan(pair.key);
  if (!span) return undefined;
  const chain = pathAt(root, span.start);
  for (let i = chain.length - 1; i >= 0; i--) {
    const map = asMap(chain[i].node);
    if (map?.items.includes(pair)) return map;
  }
  const rootMap = asMap(root);
  return rootMap?.items.includes(pair) ? rootMap : undefined;
}

/** Schema `invalid-enum` with a case-only "did you mean" (`always` → `Always`): the value is meant, not wrong. */
export const invalidEnum: QuickFixProvider<'invalid-enum'> = (context) => {
  const { suggestion, path } = context.data;
  const root = context.document.yaml.contents;
  const node = path ? resolvePath(root, path)?.node : undefined;
  if (!suggestion || !isScalar(node)) return [];
  return proposal(`Change to "${suggestion}"`, [context.editor.replaceScalar(node, suggestion)], { isPreferred: true });
};

const NEEDS_SELECTOR = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);

/**
 * Schema `removed-api-version` with a successor (extensions/v1beta1 DaemonSet → apps/v1), and a custom resource in
 * a deprecated CRD version (`crd-version-deprecated`, the newer version its warning names). apps/v1 requires
 * `spec.selector`, which the old versions defaulted from the template's labels: the fix writes that default
 * out, so the object means the same and stays valid. Not preferred: a version change deserves a look.
 */
export const removedApiVersion: QuickFixProvider<'removed-api-version' | 'api-version-not-served-yet' | 'crd-version-deprecated'> = (context) => {
  const { replacement } = context.data;
  const root = asMap(context.document.yaml.contents);
  const pair = getPair(root, 'apiVersion');
  if (!replacement || !pair || !isScalar(pair.value)) return [];
  const changes = [context.editor.replaceScalar(pair.value, replacement)];
  const spec = asMap(getPair(root, 'spec')?.value);
  const template = getPair(spec, 'template');
  const labels = asMap(getPair(asMap(getPair(asMap(template?.value), 'metadata')?.value), 'labels')?.value);
  const matchLabels = Object.fromEntries(
    (labels?.items ?? []).map((item) => [scalarText(item.key), scalarText(item.value)]).filter(([k, v]) => k !== undefined && v !== undefined),
  );
  let title = `Change apiVersion to ${replacement}`;
  if (replacement === 'apps/v1' && NEEDS_SELECTOR.has(context.document.kind ?? '') && spec && template && !getPair(spec, 'selector') && Object.keys(matchLabels).length > 0) {
    changes.push(context.editor.insertBeforePair(template, context.editor.fragment({ selector: { matchLabels } })));
    title += ' with the selector it requires (the template labels)';
  }
  return proposal(title, changes);
};

/** `field-not-in-version` / `field-behind-feature-gate`: remove the field the target lacks or drops. */
export const removeVersionedField: QuickFixProvider<'field-not-in-version' | 'field-behind-feature-gate'> = (context) => {
  const { path, kubernetesVersion } = context.data;
  const root = context.document.yaml.contents;
  const pair = path ? resolvePath(root, path)?.pair : undefined;
  const map = path ? asMap(resolvePath(root, path.slice(0, -1))?.node) : undefined;
  if (!pair || !map || !map.items.includes(pair)) return [];
  const name = String(path?.[path.length - 1]);
  return proposal(`Remove \`${name}\` (not available at Kubernetes ${kubernetesVersion ?? 'the target version'})`, [context.editor.removePair(map, pair)]);
};
