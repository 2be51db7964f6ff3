import { asMap, asSeq, getPair, getSeq, getMap, scalarText, type MapNode, type PairNode, type YamlPath } from '../parse/nodes';
import { containersOf, type ContainerModel, type PodSpecModel } from './pod';
import { podLocation } from './pod-locations';

/** The two ways a container uses a volume: a filesystem mount or a raw block device. */
export type MountList = 'volumeMounts' | 'volumeDevices';

/** One `volumeMounts[]` or `volumeDevices[]` entry of one container, with the nodes a rule underlines. */
export interface MountModel {
  container: ContainerModel;
  list: MountList;
  index: number;
  /** YAML path of the mount item, from the document root. */
  path: YamlPath;
  node: MapNode;
  name?: string;
  namePair?: PairNode;
  /** `mountPath` for volumeMounts, `devicePath` for volumeDevices. */
  target?: string;
  targetPair?: PairNode;
  /** True only for an explicit `readOnly: true`. */
  readOnly: boolean;
  readOnlyPair?: PairNode;
}

export function mountsOf(container: ContainerModel): MountModel[] {
  const result: MountModel[] = [];
  for (const list of ['volumeMounts', 'volumeDevices'] as const) {
    const seq = asSeq(getPair(container.node, list)?.value);
    if (!seq) continue;
    seq.items.forEach((item, index) => {
      const node = asMap(item);
      if (!node) return;
      const namePair = getPair(node, 'name');
      const targetPair = getPair(node, list === 'volumeMounts' ? 'mountPath' : 'devicePath');
      const readOnlyPair = list === 'volumeMounts' ? getPair(node, 'readOnly') : undefined;
      result.push({
        container,
        list,
        index,
        path: [...container.path, list, index],
        node,
        name: scalarText(namePair?.value),
        namePair,
        target: scalarText(targetPair?.value),
        targetPair,
        readOnly: scalarText(readOnlyPair?.value) === 'true',
        readOnlyPair,
      });
    });
  }
  return result;
}

export function podMounts(pod: PodSpecModel): MountModel[] {
  return containersOf(pod, { ephemeral: true }).flatMap(mountsOf);
}

/**
 * Names a container may mount besides the volumes: a StatefulSet's (or an Argo workflow's) `volumeClaimTemplates`
 * become volumes of every pod it creates, so mounting them is right even though the pod spec does not list them.
 */
export function claimTemplateNames(pod: PodSpecModel): string[] {
  const path = podLocation(pod.workload.apiVersion, pod.workload.kind)?.claimTemplates;
  let at: MapNode | undefined = pod.workload.node;
  for (const step of path?.slice(0, -1) ?? []) at = getMap(at, String(step));
  const templates = path ? getSeq(at, String(path[path.length - 1])) : undefined;
  if (!templates) return [];
  return templates.items
    .map((item) => scalarText(getPair(getMap(asMap(item), 'metadata'), 'name')?.value))
    .filter((name): name is string => !!name);
}

/** "/data/", "/data//" and "/data" are the same mount point to the kubelet. */
export function normalizeMountPath(path: string): string {
  const collapsed = path.trim().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/+$/, '') : collapsed;
}
