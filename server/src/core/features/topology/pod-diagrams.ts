import { admittedPod, type Injection } from '../../model/injection';
import { asMap, asSeq, getPair, nodeSpan, scalarText, type Span, type YamlPath } from '../../parse/nodes';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import { claimTemplateNames, mountsOf, type MountModel } from '../../model/volume-mounts';
import { classifySidecar, type SidecarClassification } from '../../model/known-sidecars';
import { summarizeCodes, type FindingsIndex, type NodeFindings } from './findings-index';
import { FlowchartBuilder, safe, type Label } from './flowchart-builder';
import { SequenceBuilder } from './sequence-builder';
import type { DiagramNode, NodeClass } from './types';
import { drawWorkspaceLinks, type TopologyWorkspace } from './workspace-links';

/** How a container shows up in the diagrams: its generated id, role words and start position. */
interface ContainerEntry {
  container: ContainerModel;
  id: string;
  /** Display name: the manifest name, or a placeholder for a container being typed. */
  name: Label;
  nodeClass: NodeClass;
  /** "native sidecar 2", "init container 1", "app container", "classic sidecar". */
  roleWords: string;
  classic?: SidecarClassification;
  /** 1-based position among regular init containers. */
  initOrder?: number;
  ports: PortEntry[];
  span: Span;
}

interface PortEntry {
  port: string;
  protocol: string;
  name?: string;
}

export interface PodDiagrams {
  mermaid: string;
  sequence: string;
  nodes: DiagramNode[];
}

/** What else a pod's diagram shows: the file that wrote each node (kustomize), the workspace around the pod. */
export interface PodDiagramExtras {
  /** A line for container and volume nodes naming the file that wrote them (path from the document root). */
  source?: (path: YamlPath) => Label | undefined;
  workspace?: TopologyWorkspace;
}

/**
 * The flowchart and the sequence diagram of one pod spec. `offset` turns the document's chunk-relative offsets
 * into file offsets; `findings` are the validator's findings of the file (file offsets). With a `workspace`, the
 * Services that route to the pod and the resources it reads are drawn beside it.
 */
export function podDiagrams(pod: PodSpecModel, title: Label, offset: number, findings: FindingsIndex, injections: readonly Injection[] = [], extras: PodDiagramExtras = {}): PodDiagrams {
  const { source, workspace } = extras;
  const flow = new FlowchartBuilder();
  const fileSpan = (node: unknown): Span | undefined => {
    const span = nodeSpan(node);
    return span ? { start: span.start + offset, end: span.end + offset } : undefined;
  };
  const entries = describeContainers(pod, flow, fileSpan);
  const longRunning = entries.filter((e) => e.container.role !== 'init' && e.container.role !== 'ephemeral');
  const conflicts = portConflicts(longRunning);

  const group = flow.nextId('p');
  flow.openGroup(group, title);
  if (entries.length === 0) flow.node(flow.nextId('e'), 'box', [safe('no containers yet')], ['problem'], fileSpan(pod.specPair?.key));
  for (const entry of entries) {
    const lines: Label[] = [entry.name, safe(entry.roleWords)];
    if (entry.container.role === 'native-sidecar') lines.push(safe('starts before app, stops after'));
    if (entry.classic) lines.push([safe('runs beside the app - '), entry.classic.reason]);
    if (entry.container.image) lines.push(entry.container.image);
    if (entry.ports.length) lines.push([safe('ports '), entry.ports.map(portText).join(' ')]);
    const from = source?.(entry.container.path);
    if (from) lines.push(from);
    const codes = findings.codesIn(entry.span);
    const clashing = [...(conflicts.clashing.get(entry) ?? [])];
    if (clashing.length) lines.push([safe('port clash '), clashing.join(' ')]);
    lines.push(...findingLines(codes));
    const classes: NodeClass[] = [entry.nodeClass];
    if (codes.errors.length || clashing.length) classes.push('problem');
    flow.node(entry.id, 'box', lines, classes, entry.span);
  }
  drawInjected(flow, pod, injections);

  const volumeIds = new Map<string, string>();
  const volumeIdsByIndex: string[] = [];
  pod.volumes.forEach((volume, index) => {
    const id = flow.nextId('v');
    volumeIdsByIndex[volume.index] = id;
    if (volume.name && !volumeIds.has(volume.name)) volumeIds.set(volume.name, id);
    const span = fileSpan(volume.node);
    const codes = findings.codesIn(span);
    const lines: Label[] = [volume.name ?? safe(`volume ${index + 1}`), volume.source ?? safe('no source')];
    const from = source?.(volume.path);
    if (from) lines.push(from);
    lines.push(...findingLines(codes));
    flow.node(id, 'cylinder', lines, codes.errors.length ? ['volume', 'problem'] : ['volume'], span);
  });
  for (const claim of claimTemplateNames(pod)) {
    if (volumeIds.has(claim)) continue;
    const id = flow.nextId('v');
    volumeIds.set(claim, id);
    flow.node(id, 'cylinder', [claim, safe('volumeClaimTemplate')], ['volume']);
  }

  const mounts = entries.flatMap((entry) => mountsOf(entry.container).map((mount) => ({ entry, mount })));
  const missingIds = new Map<string, string>();
  for (const { mount } of mounts) {
    if (!mount.name || volumeIds.has(mount.name) || missingIds.has(mount.name)) continue;
    const id = flow.nextId('m');
    missingIds.set(mount.name, id);
    flow.node(id, 'cylinder', [mount.name, safe('not declared in volumes')], ['missing'], fileSpan(mount.namePair?.value));
  }
  const unclaimed = findings.unclaimed();
  if (unclaimed.errors.length || unclaimed.warnings.length) {
    const classes: NodeClass[] = unclaimed.errors.length ? ['problem'] : [];
    flow.node(flow.nextId('f'), 'box', [safe('pod findings'), ...findingLines(unclaimed)], classes, unclaimed.span);
  }
  flow.closeGroup();

  for (const { entry, mount } of mounts) {
    if (!mount.name) continue;
    const volumeId = volumeIds.get(mount.name);
    const target = volumeId ?? missingIds.get(mount.name);
    if (!target) continue;
    mountEdge(flow, entry.id, target, mount, volumeId === undefined);
  }
  for (const conflict of conflicts.pairs) {
    flow.edge(conflict.a.id, conflict.b.id, 'conflict', [safe('same port '), conflict.port], true);
  }
  if (workspace) {
    drawWorkspaceLinks(flow, workspace, pod, {
      group,
      container: (list, index) => entries.find((e) => e.container.list === list && e.container.index === index)?.id,
      volume: (index) => volumeIdsByIndex[index],
    });
  }

  return { mermaid: flow.toString(), sequence: podSequence(pod, entries, title), nodes: flow.nodes };
}

/** The containers the injectors add (not in the file): dashed, with who adds them and where they start. */
function drawInjected(flow: FlowchartBuilder, pod: PodSpecModel, injections: readonly Injection[]): void {
  if (injections.length === 0) return;
  const admitted = admittedPod(pod, injections);
  const order = [...admitted.initContainers, ...admitted.containers];
  order.forEach((entry, index) => {
    const injected = entry.injected;
    if (!injected) return;
    const injection = injections.find((i) => i.mesh === injected.mesh);
    const role = injected.role === 'native-sidecar' ? 'native sidecar' : injected.role === 'init' ? 'init container' : 'classic sidecar, runs beside the app';
    const lines: Label[] = [safe(injected.name), safe(`injected by ${injection?.title ?? injected.mesh} - ${role}`), safe(`starts ${index + 1} of ${order.length}`)];
    if (injected.ports.length) lines.push(safe(`ports ${injected.ports.join(' ')}`));
    flow.node(flow.nextId('i'), 'box', lines, ['injected']);
  });
}

function findingLines(findings: NodeFindings): Label[] {
  const lines: Label[] = [];
  if (findings.errors.length) lines.push([safe('errors: '), summarizeCodes(findings.errors)]);
  if (findings.warnings.length) lines.push([safe('warnings: '), summarizeCodes(findings.warnings)]);
  return lines;
}

function mountEdge(flow: FlowchartBuilder, containerId: string, volumeId: string, mount: MountModel, missing: boolean): void {
  const where = mount.target ?? '';
  if (mount.list === 'volumeDevices') {
    flow.edge(containerId, volumeId, 'writes', [safe('device '), where], missing);
  } else if (mount.readOnly) {
    flow.edge(volumeId, containerId, 'reads', [safe('reads '), where], missing);
  } else {
    flow.edge(containerId, volumeId, 'writes', [safe('writes '), where], missing);
  }
}

function describeContainers(pod: PodSpecModel, flow: FlowchartBuilder, fileSpan: (node: unknown) => Span | undefined): ContainerEntry[] {
  const entries: ContainerEntry[] = [];
  let initOrder = 0;
  const add = (container: ContainerModel, nodeClass: NodeClass, roleWords: string, extra: Partial<ContainerEntry> = {}) => {
    entries.push({
      container,
      id: flow.nextId('c'),
      name: container.name ?? safe(`unnamed ${container.list === 'containers' ? 'container' : container.list.replace('Containers', ' container')} ${container.index + 1}`),
      nodeClass,
      roleWords,
      ports: portsOf(container),
      span: fileSpan(container.node) ?? { start: offsetOf(fileSpan(pod.spec)), end: offsetOf(fileSpan(pod.spec)) },
      ...extra,
    });
  };
  for (const container of pod.initContainers) {
    if (container.role === 'native-sidecar') add(container, 'native', `native sidecar ${container.sidecarOrder ?? ''}`.trim());
    else add(container, 'init', `init container ${++initOrder}`, { initOrder });
  }
  // A pod of helpers only (a fluent-bit DaemonSet) has no separate app: its first container is the app.
  const classified = pod.containers.map((c) => classifySidecar(c));
  const allHelpers = classified.every((c) => c !== undefined);
  pod.containers.forEach((container, index) => {
    const classic = allHelpers && index === 0 ? undefined : classified[index];
    if (classic) add(container, 'classic', `classic sidecar, ${classic.kind === 'unknown' ? 'helper' : classic.kind}`, { classic });
    else add(container, 'app', 'app container');
  });
  for (const container of pod.ephemeralContainers) add(container, 'ephemeral', 'ephemeral container');
  return entries;
}

function offsetOf(span: Span | undefined): number {
  return span?.start ?? 0;
}

function portsOf(container: ContainerModel): PortEntry[] {
  const seq = asSeq(getPair(container.node, 'ports')?.value);
  if (!seq) return [];
  const result: PortEntry[] = [];
  for (const item of seq.items) {
    const map = asMap(item);
    const port = scalarText(getPair(map, 'containerPort')?.value);
    if (!port) continue;
    result.push({ port, protocol: scalarText(getPair(map, 'protocol')?.value) ?? 'TCP', name: scalarText(getPair(map, 'name')?.value) });
  }
  return result;
}

function portText(port: PortEntry): string {
  return `${port.port}/${port.protocol}${port.name ? ` ${port.name}` : ''}`;
}

/** Two containers that run at the same time share the pod's network namespace: one port, one listener. */
/** A diagram cannot show more clash edges than this; every clashing container is still marked. */
const MAX_CONFLICT_EDGES = 500;

/**
 * Pairs of long-running containers that listen on the same port and protocol (in container order), and the
 * clashing ports of each container. Grouped by port: comparing every pair of containers was quadratic.
 */
function portConflicts(entries: ContainerEntry[]): { pairs: { a: ContainerEntry; b: ContainerEntry; port: string }[]; clashing: Map<ContainerEntry, Set<string>> } {
  const groups = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    for (const p of entry.ports) {
      const key = `${p.port}/${p.protocol}`;
      const group = groups.get(key) ?? [];
      if (group[group.length - 1] !== i) group.push(i);
      groups.set(key, group);
    }
  });
  const pairs: { a: ContainerEntry; b: ContainerEntry; port: string }[] = [];
  const clashing = new Map<ContainerEntry, Set<string>>();
  entries.forEach((entry, i) => {
    const later: { j: number; port: string }[] = [];
    for (const p of entry.ports) {
      const port = `${p.port}/${p.protocol}`;
      const group = groups.get(port) ?? [];
      if (group.length < 2) continue;
      if (!clashing.has(entry)) clashing.set(entry, new Set());
      clashing.get(entry)?.add(port);
      for (let k = firstAfter(group, i); k < group.length && pairs.length + later.length < MAX_CONFLICT_EDGES; k++) later.push({ j: group[k], port });
    }
    later.sort((x, y) => x.j - y.j);
    for (const { j, port } of later) if (pairs.length < MAX_CONFLICT_EDGES) pairs.push({ a: entry, b: entries[j], port });
  });
  return { pairs, clashing };
}

/** Index of the first member greater than `i` in an ascending list. */
function firstAfter(sorted: readonly number[], i: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= i) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Start and stop order as the kubelet runs it: the init list in order (an init container runs to completion, a
 * native sidecar only has to start), then every regular container at once; on the way down the regular
 * containers stop first and native sidecars stop in reverse order.
 */
function podSequence(pod: PodSpecModel, entries: ContainerEntry[], title: Label): string {
  const seq = new SequenceBuilder('kubelet', 'kubelet');
  const running = entries.filter((e) => e.container.role !== 'ephemeral');
  for (const entry of running) seq.participant(entry.id, entry.name);
  seq.note('over', ['kubelet'], [safe('starts '), title]);
  const sidecars: ContainerEntry[] = [];
  for (const entry of running) {
    if (entry.container.role === 'init') {
      seq.message('kubelet', entry.id, 'call', safe(`start init container ${entry.initOrder}`));
      seq.message(entry.id, 'kubelet', 'reply', safe('runs to completion, exits 0'));
    } else if (entry.container.role === 'native-sidecar') {
      seq.message('kubelet', entry.id, 'call', safe(`start native sidecar ${entry.container.sidecarOrder}`));
      // The kubelet moves on once the sidecar has started: after its startupProbe passes, if it has one.
      const started = getPair(entry.container.node, 'startupProbe') ? 'startupProbe passed, keeps running' : 'started (no startupProbe), keeps running';
      seq.note('right of', [entry.id], safe(started));
      sidecars.push(entry);
    }
  }
  const main = running.filter((e) => e.container.list === 'containers');
  seq.parallel(
    main.length > 1 ? safe('containers start together') : undefined,
    main.map((entry) => () =>
      seq.message('kubelet', entry.id, 'call', safe(entry.classic ? 'start classic sidecar (no ordering)' : 'start app container'))),
  );
  const together = [...sidecars, ...main];
  if (together.length > 1) seq.note('over', [together[0].id, together[together.length - 1].id], safe('running together'));

  if (pod.runsToCompletion) {
    const endless = main.filter((e) => e.classic?.longRunning);
    const finishing = main.filter((e) => !e.classic?.longRunning);
    for (const entry of finishing) seq.message(entry.id, 'kubelet', 'reply', safe('exits when its work is done'));
    for (const entry of endless) {
      seq.note('right of', [entry.id], safe('never exits - the pod never completes (move it to initContainers with restartPolicy Always)'));
    }
    if (endless.length) seq.message('kubelet', endless[0].id, 'call', safe('stopped only when the pod is deleted'));
  } else {
    seq.note('over', ['kubelet'], safe('pod deleted or rolled'));
    seq.parallel(
      main.length > 1 ? safe('containers stop together') : undefined,
      main.map((entry) => () => seq.message('kubelet', entry.id, 'call', safe('SIGTERM, stop'))),
    );
  }
  for (const entry of [...sidecars].reverse()) {
    seq.message('kubelet', entry.id, 'call', safe(`stop native sidecar ${entry.container.sidecarOrder} (after the app containers)`));
  }
  return seq.toString();
}
