import { asMap, asSeq, getPair } from '../../parse/nodes';
import { DEPRECATED_FIELDS } from '../kustomize/kustomization-checks';
import { proposal, type QuickFixProvider } from './types';

/** The entries of a deprecated field in the form of the field that replaces it (what `kustomize edit fix` writes). */
function converted(field: string, value: unknown): unknown[] | undefined {
  if (field === 'commonLabels') return value && typeof value === 'object' && !Array.isArray(value) ? [{ pairs: value, includeSelectors: true }] : undefined;
  if (!Array.isArray(value)) return undefined;
  if (field === 'patchesStrategicMerge') return value.map((entry) => (typeof entry === 'string' && !entry.includes('\n') ? { path: entry } : { patch: entry }));
  return value;
}

/** `patchesStrategicMerge` → `patches`, `commonLabels` → `labels`, `bases` → `resources`...: into the current field. */
export const kustomizeDeprecatedField: QuickFixProvider<'kustomize-deprecated-field'> = (context) => {
  const field = context.data.field;
  if (!field || !Object.hasOwn(DEPRECATED_FIELDS, field)) return [];
  const current = DEPRECATED_FIELDS[field];
  const root = asMap(context.document.yaml.contents);
  const pair = getPair(root, field);
  const { value } = context.document.value();
  const data = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const items = converted(field, data[field]);
  if (!root || !pair || !items) return [];
  const eol = context.document.text.includes('\r\n') ? '\r\n' : '\n';
  const title = `Use '${current}' instead of the deprecated '${field}'`;
  const existing = getPair(root, current);
  if (!existing) {
    const removal = context.editor.removePair(root, pair);
    if (!removal) return [];
    return proposal(title, [{ ...removal, newText: context.editor.fragment({ [current]: items }).join(eol) + eol }], { isPreferred: true });
  }
  const seq = asSeq(existing.value);
  if (!seq || seq.flow) return [];
  const appended = items.map((item) => context.editor.appendToSeq(seq, context.editor.fragment(item)));
  if (appended.some((change) => !change)) return [];
  const at = appended[0]?.start ?? 0;
  const append = { start: at, end: at, newText: appended.map((change) => change?.newText ?? '').join('') };
  return proposal(title, [append, context.editor.removePair(root, pair)], { isPreferred: true });
};
