import { getPair, keySpan, type PairNode } from '../../parse/nodes';
import type { ContainerModel } from '../../model/pod';
import { classifySidecar } from '../../model/known-sidecars';
import type { TextChange, YamlEditor } from '../../edit/yaml-edit';
import { proposal, type QuickFixProvider } from './types';
import { containerLabel } from '../../model/containers';

/** Sets `restartPolicy: Always` on a container where it is: replaces another value or adds it after image/name. */
export function setRestartPolicyAlways(editor: YamlEditor, container: ContainerModel): TextChange | undefined {
  if (container.restartPolicyPair) return editor.replaceScalar(container.restartPolicyPair.value, 'Always');
  const anchor = getPair(container.node, 'image') ?? getPair(container.node, 'name');
  return editor.insertIntoMap(container.node, ['restartPolicy: Always'], anchor);
}

export const initRestartPolicyValue: QuickFixProvider<'init-restart-policy-value'> = (context) => {
  const container = context.container;
  if (!container || container.list !== 'initContainers' || !container.restartPolicyPair) return [];
  // "always", "Alway": a misspelt Always; OnFailure/Never read like the pod-level policy, which init containers
  // already follow: dropping the field is what such a user means, unless the container never exits.
  const meantAlways = /^alway/i.test(container.restartPolicy ?? '') || classifySidecar(container)?.longRunning === true;
  return [
    ...proposal(`Set restartPolicy: Always (${containerLabel(container)} becomes a native sidecar)`, [setRestartPolicyAlways(context.editor, container)], {
      isPreferred: meantAlways,
    }),
    ...proposal(`Remove restartPolicy (${containerLabel(container)} stays a regular init container)`, [
      context.editor.removePair(container.node, container.restartPolicyPair),
    ], { isPreferred: !meantAlways }),
  ];
};

const INIT_FORBIDDEN = ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

export const probeOnInitContainer: QuickFixProvider<'probe-on-init-container'> = (context) => {
  const container = context.container;
  if (!container || container.list !== 'initContainers') return [];
  const pair: PairNode | undefined =
    container.node.items.find((p) => {
      const span = keySpan(p);
      return span && context.start >= span.start && context.start <= span.end;
    }) ?? (context.data.field !== undefined ? getPair(container.node, context.data.field) : undefined);
  const field = pair ? String((pair.key as { value?: unknown }).value) : undefined;
  if (!pair || !field || !INIT_FORBIDDEN.includes(field)) return [];
  // A container that keeps running is a sidecar by intent; for a one-shot, the probe is the mistake.
  const longRunning = classifySidecar(container)?.longRunning === true;
  return [
    ...proposal(`Make ${containerLabel(container)} a native sidecar (restartPolicy: Always)`, [setRestartPolicyAlways(context.editor, container)], {
      isPreferred: longRunning,
    }),
    ...proposal(`Remove ${field} from ${containerLabel(container)}`, [context.editor.removePair(container.node, pair)], { isPreferred: false }),
  ];
};
