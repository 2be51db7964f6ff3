import { getMap, getPair, keyText } from '../../parse/nodes';
import { proposal, type QuickFixProvider } from './types';

/**
 * The injector annotation a mesh finding names, added to the pod template's annotations (created when missing):
 * injected-sidecar-blocks-job (native proxy, or Vault's init-only mode), init-container-network-before-proxy (native
 * proxy), vault-init-after-proxy-init (`agent-init-first`). Where the pod already has the annotation (e.g.
 * `sidecar.istio.io/nativeSidecar: "false"`, the key that decides the mode), its value is changed instead: a second
 * key would be a duplicate, or for Linkerd a lower-precedence key that loses to it.
 */
export const addInjectorAnnotation: QuickFixProvider<'injected-sidecar-blocks-job' | 'init-container-network-before-proxy' | 'vault-init-after-proxy-init'> = (context) => {
  const { pod, editor, data } = context;
  const { annotation, value } = data;
  if (!pod?.metadata || typeof annotation !== 'string' || typeof value !== 'string') return [];
  const annotations = getMap(pod.metadata, 'annotations');
  const present = annotations?.items.find((item) => keyText(item) === annotation);
  if (present) return proposal(`Set ${annotation}: "${value}"`, [editor.replaceScalar(present.value, value)], { isPreferred: true });
  if (pod.metadata.flow) return [];
  let change;
  if (annotations && !annotations.flow && annotations.items.length > 0) change = editor.insertIntoMap(annotations, editor.fragment({ [annotation]: value }));
  else if (!getPair(pod.metadata, 'annotations') && pod.metadata.items.length > 0) change = editor.insertIntoMap(pod.metadata, editor.fragment({ annotations: { [annotation]: value } }));
  return proposal(`Annotate the pod template with ${annotation}: "${value}"`, [change], { isPreferred: true });
};
