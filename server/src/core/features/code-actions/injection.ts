import { getMap, getPair } from '../../parse/nodes';
import { proposal, type QuickFixProvider } from './types';

/**
 * The injector annotation a mesh finding names, added to the pod template's annotations (created when missing):
 * injected-sidecar-blocks-job (native proxy, or Vault's init-only mode), init-container-network-before-proxy (native
 * proxy), vault-init-after-proxy-init (`agent-init-first`).
 */
export const addInjectorAnnotation: QuickFixProvider<'injected-sidecar-blocks-job' | 'init-container-network-before-proxy' | 'vault-init-after-proxy-init'> = (context) => {
  const { pod, editor, data } = context;
  const { annotation, value } = data;
  if (!pod?.metadata || typeof annotation !== 'string' || typeof value !== 'string' || pod.metadata.flow) return [];
  const annotations = getMap(pod.metadata, 'annotations');
  let change;
  if (annotations && !annotations.flow && annotations.items.length > 0) change = editor.insertIntoMap(annotations, editor.fragment({ [annotation]: value }));
  else if (!getPair(pod.metadata, 'annotations') && pod.metadata.items.length > 0) change = editor.insertIntoMap(pod.metadata, editor.fragment({ annotations: { [annotation]: value } }));
  return proposal(`Annotate the pod template with ${annotation}: "${value}"`, [change], { isPreferred: true });
};
