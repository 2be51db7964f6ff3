import { asSeq, getSeq, keySpan, type MapNode } from '../../parse/nodes';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import { mountsOf } from '../../model/volume-mounts';
import type { TextChange, YamlEditor } from '../../edit/yaml-edit';
import { kubernetesMinor, type Settings } from '../../settings';
import { setRestartPolicyAlways } from './restart-policy';
import { proposal, type FixProposal, type FixTarget, type QuickFixProvider } from './types';
import { containerLabel } from '../../model/containers';

/** Native sidecars exist from 1.28 (behind the SidecarContainers gate) and are on by default from 1.29. */
export function nativeSidecarsAvailable(settings: Settings): boolean {
  return kubernetesMinor(settings.kubernetesVersion) >= 28;
}

function gateNote(settings: Settings): string {
  return kubernetesMinor(settings.kubernetesVersion) === 28 ? ' (needs the SidecarContainers feature gate on 1.28)' : '';
}

/**
 * Where a new native sidecar goes in initContainers. Init containers and sidecars start in list order, so the
 * end of the list is right unless a regular init container reads (readOnly) a volume the sidecar writes: that one
 * consumes what the sidecar produces (credentials of a secrets agent, a proxy's socket…) and must start after it.
 */
export function nativeSidecarInsertIndex(pod: PodSpecModel, container: ContainerModel): number {
  const written = new Set(mountsOf(container).filter((m) => m.list === 'volumeMounts' && !m.readOnly && m.name).map((m) => m.name as string));
  const reader = pod.initContainers.find(
    (init) => init.role === 'init' && mountsOf(init).some((m) => m.readOnly && m.name !== undefined && written.has(m.name)),
  );
  return reader ? reader.index : pod.initContainers.length;
}

/**
 * Moves a container from `containers` into `initContainers` with `restartPolicy: Always`, keeping its comments.
 * The new `initContainers:` (when missing) goes right above `containers:`, its dashes where those of
 * `containers` are, so the moved lines keep their indentation.
 */
export function toNativeSidecar(editor: YamlEditor, pod: PodSpecModel, container: ContainerModel): TextChange[] | undefined {
  const containers = getSeq(pod.spec, 'containers');
  if (container.list !== 'containers' || !containers || containers.items.length < 2 || !pod.containersPair) return undefined;
  const block = editor.seqItemBlock(containers, container.index);
  const sourceDash = editor.dashColumn(containers);
  if (!block || sourceDash === undefined) return undefined;

  const inner: TextChange[] = [];
  if (container.restartPolicy !== 'Always') {
    const change = setRestartPolicyAlways(editor, container);
    if (!change) return undefined;
    inner.push(change);
  }

  const removal = editor.removeSeqItem(containers, container.index);
  if (!removal) return undefined;
  const initPair = pod.initContainersPair;
  const initSeq = asSeq(initPair?.value);
  let insertion: TextChange | undefined;
  if (initSeq && initSeq.items.length > 0) {
    const destDash = editor.dashColumn(initSeq);
    if (destDash === undefined) return undefined;
    const lines = editor.blockText(block, destDash - sourceDash, inner);
    if (!lines) return undefined;
    const index = nativeSidecarInsertIndex(pod, container);
    if (index >= initSeq.items.length) {
      const last = editor.seqItemBlock(initSeq, initSeq.items.length - 1);
      if (!last) return undefined;
      insertion = { start: last.lastLineEnd, end: last.lastLineEnd, newText: lines.map((line) => editor.eol + line).join('') };
    } else {
      const before = editor.seqItemBlock(initSeq, index);
      if (!before) return undefined;
      insertion = { start: before.start, end: before.start, newText: lines.map((line) => line + editor.eol).join('') };
    }
  } else if (initPair) {
    // `initContainers: []` or an empty `initContainers:`: the key is there, its list is not.
    const lines = editor.blockText(block, -sourceDash, inner);
    insertion = lines && editor.setBlockValue(initPair, lines, true);
  } else {
    const containersKey = keySpan(pod.containersPair);
    const start = editor.attachedCommentsStart(pod.containersPair);
    if (!containersKey || start === undefined) return undefined;
    const column = editor.lines.column(containersKey.start);
    const moved = editor.blockText(block, 0, inner);
    if (!moved) return undefined;
    const lines = [' '.repeat(column) + 'initContainers:', ...moved];
    insertion = { start, end: start, newText: lines.map((line) => line + editor.eol).join('') };
  }
  return insertion ? [insertion, removal] : undefined;
}

/** The reverse: a native sidecar back into `containers`, without its restartPolicy; an emptied initContainers goes. */
export function toClassicSidecar(editor: YamlEditor, pod: PodSpecModel, container: ContainerModel): TextChange[] | undefined {
  const initSeq = getSeq(pod.spec, 'initContainers');
  const containers = getSeq(pod.spec, 'containers');
  if (container.list !== 'initContainers' || !initSeq || !containers || containers.items.length === 0 || !pod.initContainersPair) return undefined;
  const block = editor.seqItemBlock(initSeq, container.index);
  const sourceDash = editor.dashColumn(initSeq);
  const destDash = editor.dashColumn(containers);
  const last = editor.seqItemBlock(containers, containers.items.length - 1);
  if (!block || sourceDash === undefined || destDash === undefined || !last) return undefined;
  const inner: TextChange[] = [];
  if (container.restartPolicyPair) {
    const change = editor.removePair(container.node, container.restartPolicyPair);
    if (!change) return undefined;
    inner.push(change);
  }
  const lines = editor.blockText(block, destDash - sourceDash, inner);
  if (!lines) return undefined;
  const removal = editor.removeSeqItem(initSeq, container.index, { map: pod.spec as MapNode, pair: pod.initContainersPair });
  if (!removal) return undefined;
  return [removal, { start: last.lastLineEnd, end: last.lastLineEnd, newText: lines.map((line) => editor.eol + line).join('') }];
}

export function nativeSidecarProposal(context: FixTarget, container: ContainerModel, extra: Partial<FixProposal> = {}): FixProposal[] {
  if (!context.pod || !nativeSidecarsAvailable(context.settings)) return [];
  const changes = toNativeSidecar(context.editor, context.pod, container);
  if (!changes) return [];
  return proposal(`Convert ${containerLabel(container)} to a native sidecar (initContainers, restartPolicy: Always)${gateNote(context.settings)}`, changes, extra);
}

export function classicSidecarProposal(context: FixTarget, container: ContainerModel, extra: Partial<FixProposal> = {}): FixProposal[] {
  if (!context.pod) return [];
  const changes = toClassicSidecar(context.editor, context.pod, container);
  if (!changes) return [];
  return proposal(`Convert ${containerLabel(container)} to a classic sidecar (move to containers)`, changes, extra);
}

/** job-classic-sidecar, proxy-start-order: the fix is the native sidecar itself. */
export const convertToNative: QuickFixProvider<'job-classic-sidecar' | 'proxy-start-order'> = (context) =>
  context.container && context.container.list === 'containers' ? nativeSidecarProposal(context, context.container, { isPreferred: true }) : [];

/** restart-policy-on-app-container: the user meant a native sidecar; dropping the field is the alternative. */
export const restartPolicyOnAppContainer: QuickFixProvider<'restart-policy-on-app-container'> = (context) => {
  const container = context.container;
  if (!container || container.list !== 'containers') return [];
  const removal = container.restartPolicyPair ? context.editor.removePair(container.node, container.restartPolicyPair) : undefined;
  return [
    ...nativeSidecarProposal(context, container, { isPreferred: true }),
    ...proposal(`Remove restartPolicy from ${containerLabel(container)}`, [removal]),
  ];
};

/** native-sidecar-unsupported-version: on an older cluster the sidecar has to be a classic one. */
export const unsupportedNativeSidecar: QuickFixProvider<'native-sidecar-unsupported-version'> = (context) =>
  context.container && context.container.list === 'initContainers' ? classicSidecarProposal(context, context.container) : [];

