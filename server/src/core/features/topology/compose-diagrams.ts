import type { ParsedDocument } from '../../parse/document';
import { asMap, asSeq, getMap, getPair, keyText, nodeSpan, scalarText, type Span } from '../../parse/nodes';
import { buildComposeModel, type ComposeModel, type ComposeService } from '../../compose/model';
import { FlowchartBuilder, safe, type Label } from './flowchart-builder';
import { SequenceBuilder } from './sequence-builder';
import type { DiagramNode, NodeClass } from './types';

export interface ComposeDiagrams {
  name: string;
  mermaid: string;
  sequence: string;
  nodes: DiagramNode[];
}

interface Drawn {
  service: ComposeService;
  id: string;
  sidecar: boolean;
}

/**
 * Services, named volumes, bind mounts and start order of a Compose file, drawn like a pod. Services that share
 * one network namespace (`network_mode: service:<x>`) are drawn inside one box, as a pod's containers are; start
 * order follows depends_on and Compose's implicit dependencies (network_mode, volumes_from, links, ipc/pid).
 */
export function composeDiagrams(document: ParsedDocument, fileName: string | undefined, offset: number): ComposeDiagrams {
  const root = document.root;
  const model = root ? buildComposeModel(root, document.yaml, fileName) : undefined;
  const flow = new FlowchartBuilder();
  const fileSpan = (node: unknown): Span | undefined => {
    const span = nodeSpan(node);
    return span ? { start: span.start + offset, end: span.end + offset } : undefined;
  };
  const projectName = scalarText(getPair(root, 'name')?.value) ?? baseName(fileName) ?? 'compose';
  const services = model?.services ?? [];
  const drawn: Drawn[] = services.map((service) => ({ service, id: flow.nextId('c'), sidecar: !!service.networkMode?.service || !!service.sidecar }));
  // Helpers only: nothing to be a helper to, so draw them all as services.
  if (drawn.every((d) => d.sidecar)) for (const d of drawn) d.sidecar = false;
  const byName = new Map(drawn.map((d) => [d.service.name, d]));

  flow.openGroup(flow.nextId('p'), [safe('Compose '), projectName]);
  const owners = namespaceOwners(drawn, byName);
  const placed = new Set<Drawn>();
  for (const [owner, members] of owners) {
    flow.openGroup(flow.nextId('n'), [safe('network namespace of '), owner.service.name]);
    for (const member of [owner, ...members]) {
      drawService(flow, member, fileSpan);
      placed.add(member);
    }
    flow.closeGroup();
  }
  for (const d of drawn) if (!placed.has(d)) drawService(flow, d, fileSpan);

  const volumeIds = new Map<string, string>();
  for (const pair of getMap(root, 'volumes')?.items ?? []) {
    const name = keyText(pair);
    if (name === undefined || volumeIds.has(name)) continue;
    const id = flow.nextId('v');
    volumeIds.set(name, id);
    const driver = scalarText(getPair(asMap(pair.value), 'driver')?.value);
    flow.node(id, 'cylinder', [name, driver ? [safe('volume, driver '), driver] : safe('named volume')], ['volume'], fileSpan(pair.key));
  }
  const mountKey = (type: string, source: string) => (type === 'bind' ? `bind:${source}` : source);
  for (const { service } of drawn) {
    for (const mount of service.mounts) {
      if (!mount.source || (mount.type !== 'volume' && mount.type !== 'bind')) continue;
      const key = mountKey(mount.type, mount.source);
      if (volumeIds.has(key)) continue;
      const id = flow.nextId('v');
      volumeIds.set(key, id);
      flow.node(id, 'cylinder', mount.type === 'bind' ? [mount.source, safe('host path')] : [mount.source, safe('named volume, not declared')], ['volume']);
    }
  }
  flow.closeGroup();

  for (const { service, id } of drawn) {
    for (const mount of service.mounts) {
      const volumeId = mount.source ? volumeIds.get(mountKey(mount.type, mount.source)) : undefined;
      if (!volumeId) continue;
      const target = mount.target ?? '';
      if (mount.readOnly) flow.edge(volumeId, id, 'reads', [safe('reads '), target]);
      else flow.edge(id, volumeId, 'writes', [safe('writes '), target]);
    }
  }
  for (const { service, id } of drawn) {
    for (const dependency of service.dependsOn) {
      const target = byName.get(dependency.name);
      if (target) flow.edge(id, target.id, 'depends', safe(dependency.condition === 'service_healthy' ? 'starts after, healthy' : 'starts after'));
    }
    for (const dependency of service.implicitDependencies) {
      const target = byName.get(dependency.name);
      if (target) flow.edge(id, target.id, 'depends', safe(dependency.via === 'network_mode' ? 'shares network, starts after' : `starts after (${dependency.via})`));
    }
  }

  return { name: projectName, mermaid: flow.toString(), sequence: model ? composeSequence(model, drawn, projectName) : '', nodes: flow.nodes };
}

function drawService(flow: FlowchartBuilder, d: Drawn, fileSpan: (node: unknown) => Span | undefined): void {
  const { service } = d;
  const lines: Label[] = [service.name, safe(d.sidecar ? 'sidecar service' : 'service')];
  const build = getPair(service.node, 'build');
  if (service.image) lines.push(service.image);
  else if (build) lines.push([safe('build '), scalarText(build.value) ?? scalarText(getPair(asMap(build.value), 'context')?.value) ?? '.']);
  const ports = (asSeq(service.portsPair?.value)?.items ?? [])
    .map((item) => {
      const map = asMap(item);
      if (!map) return scalarText(item);
      const target = scalarText(getPair(map, 'target')?.value);
      const published = scalarText(getPair(map, 'published')?.value);
      return target ? (published ? `${published}:${target}` : target) : undefined;
    })
    .filter((text): text is string => !!text);
  if (ports.length) lines.push([safe('ports '), ports.join(' ')]);
  const classes: NodeClass[] = [d.sidecar ? 'classic' : 'app'];
  const key = fileSpan(service.pair.key);
  const value = fileSpan(service.pair.value);
  flow.node(d.id, 'box', lines, classes, key && value ? { start: key.start, end: value.end } : key);
}

/** Services that others join with network_mode: service:<owner>, with the services that join them (one level). */
function namespaceOwners(drawn: readonly Drawn[], byName: ReadonlyMap<string, Drawn>): Map<Drawn, Drawn[]> {
  const owners = new Map<Drawn, Drawn[]>();
  for (const d of drawn) {
    const owner = d.service.networkMode?.service ? byName.get(d.service.networkMode.service.name) : undefined;
    // An owner that itself joins another namespace is drawn where it is; chains stay edges.
    if (!owner || owner === d || owner.service.networkMode?.service) continue;
    const members = owners.get(owner) ?? [];
    members.push(d);
    owners.set(owner, members);
  }
  return owners;
}

/** Start order: dependencies first (explicit and implicit), file order otherwise; stop in reverse. Cycles fall back to file order. */
function composeSequence(model: ComposeModel, drawn: readonly Drawn[], projectName: string): string {
  const seq = new SequenceBuilder('compose', 'docker compose');
  for (const d of drawn) seq.participant(d.id, d.service.name);
  seq.note('over', ['compose'], [safe('up '), projectName]);
  const byName = new Map(drawn.map((d) => [d.service.name, d]));
  const order: Drawn[] = [];
  const state = new Map<Drawn, 'visiting' | 'done'>();
  const visit = (d: Drawn) => {
    if (state.get(d)) return;
    state.set(d, 'visiting');
    for (const name of [...d.service.dependsOn.map((x) => x.name), ...d.service.implicitDependencies.map((x) => x.name)]) {
      const target = byName.get(name);
      if (target && state.get(target) !== 'visiting') visit(target);
    }
    state.set(d, 'done');
    order.push(d);
  };
  drawn.forEach(visit);
  for (const d of order) {
    seq.message('compose', d.id, 'call', safe(d.sidecar ? 'start sidecar service' : 'start service'));
    const waiters = model.services.filter((s) => s.dependsOn.some((x) => x.name === d.service.name && x.condition === 'service_healthy'));
    if (waiters.length) seq.note('right of', [d.id], safe('healthcheck must pass before its dependents start'));
  }
  if (order.length > 1) seq.note('over', [order[0].id, order[order.length - 1].id], safe('running'));
  seq.note('over', ['compose'], safe('down'));
  for (const d of [...order].reverse()) seq.message('compose', d.id, 'call', safe('stop'));
  return seq.toString();
}

function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const decoded = safeDecode(fileName.replace(/[?#].*$/, ''));
  const base = decoded.split(/[/\\]/).pop();
  return base || undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
