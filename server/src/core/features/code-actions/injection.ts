import { getMap, getPair } from '../../parse/nodes';
import { proposal, type QuickFixProvider } from './types';

/**
 * injected-sidecar-blocks-job: the annotation that makes the injector stop holding the pod (native proxy, or Vault's
 * init-only mode), added to the pod template's annotations (created when missing).
 */
export const injectedSidecarBlocksJob: QuickFixProvider<'injected-sidecar-blocks-job'> = (context) => {
  const { pod, editor, data } = context;
  const { annotation, value } = data;
  if (!pod?.metadata || typeof annotation !== 'string' || typeof value !== 'string' || pod.metadata.flow) return [];
  const annotations = getMap(pod.metadata, 'annotations');
  let change;
  if (annotations && !annotations.flow && annotations.items.length > 0) change = editor.insertIntoMap(annotations, editor.fragment({ [annotation]: value }));
  else if (!getPair(pod.metadata, 'annotations') && pod.metadata.items.length > 0) change = editor.insertIntoMap(pod.metadata, editor.fragment({ annotations: { [annotation]: value } }));
  return proposal(`Annotate the pod template with ${annotation}: "${value}"`, [change], { isPreferred: true });
};
