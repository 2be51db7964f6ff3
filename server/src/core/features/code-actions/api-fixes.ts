import { isScalar } from 'yaml';
import { asMap, getPair, nodeSpan, resolvePath } from '../../parse/nodes';
import { proposal, type QuickFixProvider } from './types';

/**
 * API-server checks whose fix is one value: a valid name derived from the invalid one, the image without its
 * whitespace, a quantity with a Kubernetes unit. The rule puts the value's document path (`valuePath`) and the
 * `replacement` in the diagnostic's data; the fix rewrites that scalar and keeps its quoting style.
 */
export const replaceValue: QuickFixProvider<
  'invalid-name' | 'invalid-image-name' | 'invalid-port' | 'invalid-quantity' | 'host-network-port' | 'invalid-restart-policy' | 'proxy-await-disabled'
> = (
  context,
) => {
  const { replacement, valuePath: path } = context.data;
  if (replacement === undefined || !path) return [];
  const node = resolvePath(context.document.yaml.contents, path)?.node;
  if (!isScalar(node)) return [];
  const raw = 'raw' in context.data && context.data.raw === true;
  // A raw value (a port number) replaces the scalar with its quotes: `"8080"` becomes `8080`.
  const span = nodeSpan(node);
  const change = raw && span ? { start: span.start, end: span.start + context.document.text.slice(span.start, span.end).trimEnd().length, newText: replacement } : context.editor.replaceScalar(node, replacement);
  return proposal(`Change to ${raw ? replacement : `"${replacement}"`}`, [change], { isPreferred: true });
};

/** invalid-restart-policy: the controller's value, replacing the rejected one or added to the pod spec. */
export const invalidRestartPolicy: QuickFixProvider<'invalid-restart-policy'> = (context) => {
  const { replacement, valuePath: path } = context.data;
  if (!replacement || !path) return [];
  const root = context.document.yaml.contents;
  const found = resolvePath(root, path);
  if (found && isScalar(found.node)) return replaceValue(context).map((fix) => ({ ...fix, title: `Set restartPolicy: ${replacement}` }));
  const spec = asMap(resolvePath(root, path.slice(0, -1))?.node);
  if (!spec || getPair(spec, 'restartPolicy')) return [];
  return proposal(`Add restartPolicy: ${replacement}`, [context.editor.insertIntoMap(spec, [`restartPolicy: ${replacement}`])], { isPreferred: true });
};

/** unknown-kind with a "did you mean": the served kind, and its apiVersion when that differs. */
export const unknownKind: QuickFixProvider<'unknown-kind'> = (context) => {
  const { suggestion, replacement: apiVersion } = context.data;
  const root = asMap(context.document.yaml.contents);
  const kind = getPair(root, 'kind')?.value;
  if (!suggestion || !isScalar(kind)) return [];
  const version = getPair(root, 'apiVersion')?.value;
  const changes = [context.editor.replaceScalar(kind, suggestion)];
  if (apiVersion) changes.push(isScalar(version) ? context.editor.replaceScalar(version, apiVersion) : undefined);
  return proposal(apiVersion ? `Change to ${apiVersion} ${suggestion}` : `Change kind to ${suggestion}`, changes, { isPreferred: true });
};
