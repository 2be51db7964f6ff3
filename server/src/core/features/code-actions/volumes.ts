import { asSeq, getPair, getSeq, nodeSpan, type MapNode } from '../../parse/nodes';
import { containersOf, type ContainerModel, type PodSpecModel } from '../../model/pod';
import { mountsOf, type MountModel } from '../../model/volume-mounts';
import { classifySidecar } from '../../model/known-sidecars';
import { closest } from '../../text/closest';
import type { TextChange, YamlEditor } from '../../edit/yaml-edit';
import { proposal, type QuickFixProvider } from './types';

/** Big enough for logs and scratch files, small enough that a runaway writer does not evict the pod. */
export const DEFAULT_SIZE_LIMIT = '500Mi';

function within(node: unknown, offset: number): boolean {
  const span = nodeSpan(node);
  return !!span && offset >= span.start && offset <= span.end;
}

/** The volumeMounts/volumeDevices item at `offset`, else the one the data names. */
export function mountAt(container: ContainerModel | undefined, offset: number, data: { mountIndex?: number; mountList?: string }): MountModel | undefined {
  if (!container) return undefined;
  const mounts = mountsOf(container);
  return (
    mounts.find((m) => within(m.node, offset)) ??
    mounts.find((m) => m.index === data.mountIndex && (data.mountList === undefined || m.list === data.mountList))
  );
}

/** Appends a volume item to `spec.volumes`, creating the list at the end of the pod spec when missing. */
export function addVolume(editor: YamlEditor, pod: PodSpecModel, item: Record<string, unknown>): TextChange | undefined {
  const fragment = editor.fragment(item);
  const seq = asSeq(pod.volumesPair?.value);
  if (seq && seq.items.length > 0) return editor.appendToSeq(seq, fragment);
  if (pod.volumesPair) return editor.setBlockValue(pod.volumesPair, editor.itemLines(fragment, 0), true);
  const offset = editor.sequenceOffset({ pair: pod.containersPair, seq: getSeq(pod.spec, 'containers') });
  return editor.insertIntoMap(pod.spec as MapNode, editor.newSequence('volumes', [fragment], offset));
}

/** Appends a mount to a container's volumeMounts, creating the list at the end of the container when missing. */
export function addMount(editor: YamlEditor, pod: PodSpecModel, container: ContainerModel, item: Record<string, unknown>): TextChange | undefined {
  const fragment = editor.fragment(item);
  const pair = getPair(container.node, 'volumeMounts');
  const seq = asSeq(pair?.value);
  if (seq && seq.items.length > 0) return editor.appendToSeq(seq, fragment);
  if (pair) return editor.setBlockValue(pair, editor.itemLines(fragment, 0), true);
  const offset = editor.sequenceOffset({ pair: pod.containersPair, seq: getSeq(pod.spec, 'containers') });
  return editor.insertIntoMap(container.node, editor.newSequence('volumeMounts', [fragment], offset));
}

/** Log shippers and collectors only read what the app writes: their mounts are read-only. */
export function readsOnly(container: ContainerModel): boolean {
  const kind = classifySidecar(container)?.kind;
  return kind === 'log-shipper' || kind === 'collector';
}

export const undefinedVolume: QuickFixProvider<'undefined-volume'> = (context) => {
  const { editor, pod } = context;
  const mount = mountAt(context.container, context.start, context.data);
  const name = mount?.name ?? context.data.volume;
  if (!pod || !mount?.namePair || !name) return [];
  const declared = pod.volumes.map((v) => v.name).filter((n): n is string => !!n);
  const suggestion = context.data.suggestion ?? closest(name, declared);
  const fixes = [];
  if (suggestion && declared.includes(suggestion)) {
    fixes.push(...proposal(`Change to volume "${suggestion}"`, [editor.replaceScalar(mount.namePair.value, suggestion)], { isPreferred: true }));
  }
  fixes.push(
    ...proposal(`Add an emptyDir volume "${name}"`, [addVolume(editor, pod, { name, emptyDir: { sizeLimit: DEFAULT_SIZE_LIMIT } })], {
      isPreferred: !suggestion,
    }),
  );
  return fixes;
};

export const unusedVolume: QuickFixProvider<'unused-volume'> = (context) => {
  const { editor, pod } = context;
  if (!pod?.volumesPair) return [];
  const seq = asSeq(pod.volumesPair.value);
  const local = pod.volumes.filter((v) => !v.shared);
  const volume = local.find((v) => within(v.node, context.start)) ?? local.find((v) => v.index === context.data.volumeIndex);
  if (!seq || !volume) return [];
  return proposal(
    `Remove unused volume "${volume.name ?? volume.index + 1}"`,
    [editor.removeSeqItem(seq, volume.index, { map: pod.spec as MapNode, pair: pod.volumesPair })],
    { isPreferred: true },
  );
};

export const shipperMountReadOnly: QuickFixProvider<'shipper-mount-read-only'> = (context) => {
  const { editor } = context;
  const mount = mountAt(context.container, context.start, context.data);
  if (!mount || mount.list !== 'volumeMounts') return [];
  const change = mount.readOnlyPair
    ? editor.replaceScalar(mount.readOnlyPair.value, 'true', true)
    : editor.insertIntoMap(mount.node, ['readOnly: true'], mount.targetPair ?? getPair(mount.node, 'name'));
  return proposal(`Mount "${mount.name ?? mount.target ?? 'volume'}" read-only`, [change], { isPreferred: true });
};

export interface SharedVolumeRequest {
  volumeName: string;
  mountPath: string;
  /** Names of the containers that mount it. */
  containers: string[];
  sizeLimit?: string;
}

/**
 * An emptyDir shared by the named containers: one volume and one mount per container; log shippers and
 * collectors mount it read-only. Undefined when a container is missing or the volume name is taken.
 */
export function sharedVolumeChanges(editor: YamlEditor, pod: PodSpecModel, request: SharedVolumeRequest): TextChange[] | undefined {
  const candidates = containersOf(pod, { ephemeral: false });
  const targets = request.containers.map((name) => candidates.find((c) => c.name === name));
  if (targets.length === 0 || targets.some((c) => !c) || pod.volumes.some((v) => v.name === request.volumeName)) return undefined;
  const changes: (TextChange | undefined)[] = [];
  for (const container of targets as ContainerModel[]) {
    const item: Record<string, unknown> = { name: request.volumeName, mountPath: request.mountPath };
    if (readsOnly(container)) item.readOnly = true;
    changes.push(addMount(editor, pod, container, item));
  }
  // Mounts first: when a container ends the pod spec, its mount and the new volumes list are inserted at the
  // same offset and must come out in this order.
  changes.push(addVolume(editor, pod, { name: request.volumeName, emptyDir: { sizeLimit: request.sizeLimit ?? DEFAULT_SIZE_LIMIT } }));
  return changes.some((c) => !c) ? undefined : (changes as TextChange[]);
}

/** duplicate-mount-path: the second mount on a path never works; dropping it keeps the first, which does. */
export const duplicateMountPath: QuickFixProvider<'duplicate-mount-path'> = (context) => {
  const { editor, container } = context;
  const mount = mountAt(container, context.start, context.data);
  const pair = container ? getPair(container.node, mount?.list ?? 'volumeMounts') : undefined;
  const seq = asSeq(pair?.value);
  if (!container || !mount || !pair || !seq) return [];
  return proposal(`Remove the second mount on ${mount.target ?? 'this path'} (volume "${mount.name ?? '?'}")`, [
    editor.removeSeqItem(seq, mount.index, { map: container.node, pair }),
  ]);
};
