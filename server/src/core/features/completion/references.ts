import { CompletionItemKind } from 'vscode-languageserver-types';
import { asMap, getMap, getSeq, getString, resolvePath, scalarText, type YamlPath } from '../../parse/nodes';
import { containersOf, podsOf, type PodSpecModel } from '../../model/pod';
import { suggestSidecarImages } from '../../model/sidecar-images';
import type { ValueContext } from './cursor';
import { containerPathOf, samePath, type Request } from './request';

function podOf(request: Request, path: YamlPath): PodSpecModel | undefined {
  return podsOf(request.document, request.service.pods).find((pod) => pod.path.length <= path.length && pod.path.every((step, i) => step === path[i]));
}

/** Values that name something declared elsewhere: volumes of the pod, named ports, ConfigMaps/Secrets, images. */
export function referenceValues(request: Request, context: ValueContext): { label: string; detail?: string; documentation?: string; kind?: CompletionItemKind }[] {
  const { path, key } = context;
  const parentKey = path[path.length - 2];
  const grandKey = path[path.length - 3];
  const pod = podOf(request, path);
  const containerPath = containerPathOf(path);
  const result: { label: string; detail?: string; documentation?: string; kind?: CompletionItemKind }[] = [];

  if (key === 'name' && typeof parentKey === 'number' && (grandKey === 'volumeMounts' || grandKey === 'volumeDevices') && pod) {
    for (const volume of pod.volumes) {
      if (volume.name) result.push({ label: volume.name, detail: volume.source ? `volume (${volume.source})` : 'volume', kind: CompletionItemKind.Reference });
    }
    return result;
  }
  if (key === 'port' && containerPath && pod) {
    const probe = path[containerPath.length];
    if (typeof probe === 'string' && /Probe$/.test(probe)) {
      const container = resolvePath(request.document.yaml.contents, containerPath);
      for (const item of getSeq(asMap(container?.node), 'ports')?.items ?? []) {
        const port = asMap(item);
        const name = getString(port, 'name');
        if (name) result.push({ label: name, detail: `port ${getString(port, 'containerPort') ?? ''}`.trim(), kind: CompletionItemKind.Reference });
      }
      return result;
    }
  }
  if (key === 'key' && (parentKey === 'configMapKeyRef' || parentKey === 'secretKeyRef')) {
    // The keys of the ConfigMap/Secret named next to it, when this file declares it.
    const wanted = parentKey === 'configMapKeyRef' ? 'ConfigMap' : 'Secret';
    const refName = getString(asMap(resolvePath(request.document.yaml.contents, path.slice(0, -1))?.node), 'name');
    const target = request.file.slots.find((slot) => slot.document.kind === wanted && getString(getMap(slot.document.root, 'metadata'), 'name') === refName);
    for (const section of ['data', 'stringData', 'binaryData']) {
      for (const pair of getMap(target?.document.root, section)?.items ?? []) {
        const name = scalarText(pair.key);
        if (name && !result.some((r) => r.label === name)) result.push({ label: name, detail: `key of ${wanted} ${refName}`, kind: CompletionItemKind.Reference });
      }
    }
    return result;
  }
  const configMapRef = (parentKey === 'configMapKeyRef' || parentKey === 'configMapRef' || parentKey === 'configMap') && key === 'name';
  const secretRef = ((parentKey === 'secretKeyRef' || parentKey === 'secretRef') && key === 'name') || (parentKey === 'secret' && key === 'secretName');
  if (configMapRef || secretRef) {
    // Names stay free: only objects declared in other documents of this file are offered.
    const wanted = configMapRef ? 'ConfigMap' : 'Secret';
    for (const slot of request.file.slots) {
      if (slot === request.slot || slot.document.kind !== wanted) continue;
      const name = getString(getMap(slot.document.root, 'metadata'), 'name');
      if (name && !result.some((r) => r.label === name)) result.push({ label: name, detail: `${wanted} in this file`, kind: CompletionItemKind.Reference });
    }
    return result;
  }
  if (key === 'image' && containerPath && path.length === containerPath.length + 1) {
    const container = asMap(resolvePath(request.document.yaml.contents, containerPath)?.node);
    const name = getString(container, 'name');
    const context: string[] = [];
    for (const mount of getSeq(container, 'volumeMounts')?.items ?? []) context.push(getString(asMap(mount), 'name') ?? '', getString(asMap(mount), 'mountPath') ?? '');
    for (const env of getSeq(container, 'env')?.items ?? []) context.push(getString(asMap(env), 'name') ?? '');
    for (const arg of [...(getSeq(container, 'command')?.items ?? []), ...(getSeq(container, 'args')?.items ?? [])]) context.push(scalarText(arg) ?? '');
    const neighbourImages = pod ? containersOf(pod, { ephemeral: false }).filter((c) => !samePath(c.path, containerPath)).map((c) => c.image ?? '') : [];
    for (const { image, suggested } of suggestSidecarImages({ name, context: context.join(' '), neighbourImages })) {
      result.push({ label: image.image, detail: suggested ? `${image.kind} (suggested)` : image.kind, documentation: image.description, kind: CompletionItemKind.Constant });
    }
    return result;
  }
  return result;
}
