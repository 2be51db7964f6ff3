import { getMap, getPair, scalarText, type MapNode, type PairNode } from '../parse/nodes';
import type { ContainerModel, PodSpecModel } from './pod';

export function containerSecurityContext(container: ContainerModel): MapNode | undefined {
  return getMap(container.node, 'securityContext');
}

export function podSecurityContext(pod: PodSpecModel): MapNode | undefined {
  return getMap(pod.spec, 'securityContext');
}

/** A pair of a securityContext and where it sits: what a finding underlines and a quick fix edits. */
export interface SettingRef {
  pair: PairNode;
  text: string | undefined;
  level: 'pod' | 'container';
}

/** The container's own setting, else the pod's: how the kubelet resolves runAsUser and runAsNonRoot. */
export function effectiveSetting(pod: PodSpecModel, container: ContainerModel, key: string): SettingRef | undefined {
  const own = getPair(containerSecurityContext(container), key);
  if (own) return { pair: own, text: scalarText(own.value), level: 'container' };
  const inherited = getPair(podSecurityContext(pod), key);
  if (inherited) return { pair: inherited, text: scalarText(inherited.value), level: 'pod' };
  return undefined;
}

/** Windows pods ignore the Linux user settings (runAsUser, runAsNonRoot, allowPrivilegeEscalation…). */
export function isWindowsPod(pod: PodSpecModel): boolean {
  return scalarText(getPair(getMap(pod.spec, 'os'), 'name')?.value) === 'windows';
}

export function isTrue(pair: PairNode | undefined): boolean {
  return scalarText(pair?.value) === 'true';
}

