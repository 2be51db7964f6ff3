import { isScalar } from 'yaml';
import { asMap, getPair, getSeq, keySpan, nodeSpan, pathAt, scalarText, type MapNode } from '../../parse/nodes';
import { containersOf, type ContainerModel } from '../../model/pod';
import { parseImageReference } from '../../model/images';
import { parseCpu, parseMemory } from '../../model/quantity';
import { SIDECAR_IMAGES } from '../../model/sidecar-images';
import { classifySidecar } from '../../model/known-sidecars';
import { imageRepository } from '../../model/images';
import { closest } from '../../text/closest';
import type { TextChange } from '../../edit/yaml-edit';
import { proposal, type FixProposal, type QuickFixProvider } from './types';
import { own } from '../../text/own';

/** Small for helpers (they share the node with the app), a modest start for the app: placeholders to tune. */
const SIDECAR_RESOURCES = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } };
const APP_RESOURCES = { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } };

function isSidecar(container: ContainerModel): boolean {
  return container.role === 'native-sidecar' || (container.list === 'containers' && container.index > 0 && !!classifySidecar(container));
}

export const missingResources: QuickFixProvider<'missing-resources'> = (context) => {
  const { editor, container } = context;
  if (!container) return [];
  const sidecar = isSidecar(container);
  const values = sidecar ? SIDECAR_RESOURCES : APP_RESOURCES;
  const title = `Add ${sidecar ? 'sidecar-sized' : 'placeholder'} resource requests and limits`;
  const resourcesPair = getPair(container.node, 'resources');
  if (!resourcesPair) return proposal(title, [editor.insertIntoMap(container.node, editor.fragment({ resources: values }))], { isPreferred: true });
  const resources = asMap(resourcesPair.value);
  if (!resources || resources.items.length === 0) return proposal(title, [editor.setBlockValue(resourcesPair, editor.fragment(values))], { isPreferred: true });
  // Only what is missing, inside the maps that exist: the user's own values stay, and a placeholder never
  // contradicts them (a request above the user's limit, a limit below the user's request).
  const existing = (section: 'requests' | 'limits', name: 'cpu' | 'memory') => scalarText(getPair(asMap(getPair(resources, section)?.value), name)?.value);
  const parse = { cpu: parseCpu, memory: parseMemory };
  const placeholder = (section: 'requests' | 'limits', name: 'cpu' | 'memory'): string => {
    const wanted = values[section][name];
    const other = existing(section === 'requests' ? 'limits' : 'requests', name);
    const [mine, theirs] = [parse[name](wanted), parse[name](other)];
    if (other === undefined || mine === undefined || theirs === undefined) return wanted;
    return (section === 'requests' ? mine > theirs : mine < theirs) ? other : wanted;
  };
  const changes: (TextChange | undefined)[] = [];
  for (const section of ['requests', 'limits'] as const) {
    const pair = getPair(resources, section);
    const map = asMap(pair?.value);
    // What the finding names as missing when it says so (a minimal edit), else every absent value.
    const named = section === 'requests' ? context.data.missingRequests : context.data.missingLimits;
    const missing = (['cpu', 'memory'] as const)
      .filter((name) => !getPair(map, name) && (!named || named.includes(name)))
      .map((name) => [name, placeholder(section, name)]);
    if (missing.length === 0) continue;
    const entries = Object.fromEntries(missing);
    if (!pair) changes.push(editor.insertIntoMap(resources, editor.fragment({ [section]: entries })));
    else if (map && map.items.length > 0) changes.push(editor.insertIntoMap(map, editor.fragment(entries)));
    else changes.push(editor.setBlockValue(pair, editor.fragment(entries)));
  }
  return changes.length ? proposal(title, changes, { isPreferred: true }) : [];
};

/** The first declared port: by name when it has one (probes survive renumbering), else by number. */
export function firstPort(container: ContainerModel): { ref: string | number; name?: string; number?: number } | undefined {
  const item = asMap(getSeq(container.node, 'ports')?.items[0]);
  const name = scalarText(getPair(item, 'name')?.value);
  const number = Number(scalarText(getPair(item, 'containerPort')?.value));
  if (!item || (!name && !Number.isInteger(number))) return undefined;
  return { ref: name ?? number, name, number: Number.isInteger(number) ? number : undefined };
}

const HTTP_PORTS = new Set([80, 443, 3000, 5000, 8000, 8080, 8443, 8888, 9090]);

export const missingProbes: QuickFixProvider<'missing-probes'> = (context) => {
  const { editor, container } = context;
  if (!container) return [];
  const port = firstPort(container);
  if (!port) return [];
  // HTTP when the port says so (name or a well-known web port); otherwise a TCP connect, which any server answers.
  const http = /http|web|api|metrics/i.test(port.name ?? '') || (port.number !== undefined && HTTP_PORTS.has(port.number));
  const handler = http ? { httpGet: { path: '/', port: port.ref } } : { tcpSocket: { port: port.ref } };
  const probes: Record<string, unknown> = {};
  if (!getPair(container.node, 'readinessProbe')) probes.readinessProbe = { ...handler, periodSeconds: 10 };
  if (!getPair(container.node, 'livenessProbe')) probes.livenessProbe = { ...handler, initialDelaySeconds: 10, periodSeconds: 20 };
  if (Object.keys(probes).length === 0) return [];
  return proposal(`Add ${http ? 'HTTP' : 'TCP'} readiness and liveness probes on port ${port.ref}`, [editor.insertIntoMap(container.node, editor.fragment(probes))], {
    isPreferred: true,
  });
};

/** Base images people leave on latest, with a current stable tag each; sidecar images come from the shared table. */
const BASE_IMAGE_TAGS: Record<string, string> = {
  alpine: '3.20',
  busybox: '1.36',
  debian: '12',
  ubuntu: '24.04',
  nginx: '1.27',
  httpd: '2.4',
  redis: '7.4',
  postgres: '16',
  mysql: '8.4',
  memcached: '1.6',
  python: '3.12',
  node: '20',
  golang: '1.22',
};

/** A pinned tag for a well-known image repository, or undefined. */
export function knownImageTag(repository: string): string | undefined {
  const normalized = imageRepository(repository);
  const sidecar = SIDECAR_IMAGES.find((entry) => imageRepository(entry.image) === normalized);
  if (sidecar) return parseImageReference(sidecar.image).tag;
  return own(BASE_IMAGE_TAGS, normalized);
}

export const imageTag: QuickFixProvider<'image-tag'> = (context) => {
  const { editor, container } = context;
  const image = container?.image?.trim();
  if (!container?.imageNode || !image) return [];
  const reference = parseImageReference(image);
  if (reference.digest) return [];
  const known = knownImageTag(reference.repository);
  if (known) {
    return proposal(`Pin ${reference.repository}:${known}`, [editor.replaceScalar(container.imageNode, `${reference.repository}:${known}`)], {
      isPreferred: true,
    });
  }
  // No version we can vouch for: a visible placeholder that the image-tag rule reads as "filled in later" and
  // that the kubelet rejects (InvalidImageName) if it is ever deployed as is: loud, never a silent latest.
  return proposal(`Add a version placeholder (${reference.repository}:<version>)`, [
    editor.replaceScalar(container.imageNode, `${reference.repository}:<version>`),
  ]);
};

/** `DB_PASSWORD` in `myapp` → Secret `myapp-secrets`, key `db-password`. */
export const secretInEnv: QuickFixProvider<'secret-in-env'> = (context) => {
  const { editor, container, pod } = context;
  const env = container ? getSeq(container.node, 'env') : undefined;
  if (!env || !pod) return [];
  const item =
    asMap(env.items.find((entry) => within(entry, context.start))) ??
    (context.data.envIndex !== undefined ? asMap(env.items[context.data.envIndex]) : undefined);
  const name = scalarText(getPair(item, 'name')?.value);
  const valuePair = getPair(item, 'value');
  const key = valuePair ? keySpan(valuePair) : undefined;
  const valueEnd = valuePair ? editor.pairContentEnd(valuePair) : undefined;
  if (!item || !name || !valuePair || !key || valueEnd === undefined || getPair(item, 'valueFrom')) return [];
  const secretName = `${slug(pod.workload.name ?? container?.name ?? 'app')}-secrets`;
  const secretKey = slug(name);
  const lines = editor.fragment({ valueFrom: { secretKeyRef: { name: secretName, key: secretKey } } });
  return proposal(`Read ${name} from Secret "${secretName}" (key "${secretKey}")`, [editor.replacePair(valuePair, lines)], { isPreferred: true });
};

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'app';
}

function within(node: unknown, offset: number): boolean {
  const span = nodeSpan(node);
  return !!span && offset >= span.start && offset <= span.end;
}

export const duplicateContainerName: QuickFixProvider<'duplicate-container-name'> = (context) => {
  const { editor, container, pod } = context;
  if (!container?.nameNode || !container.name || !pod) return [];
  const taken = new Set(containersOf(pod, { ephemeral: true }).map((c) => c.name));
  let n = 2;
  while (taken.has(`${container.name}-${n}`)) n++;
  const name = `${container.name}-${n}`;
  return proposal(`Rename to "${name}"`, [editor.replaceScalar(container.nameNode, name)], { isPreferred: true });
};

/** The scalar under `offset`, when the diagnostic underlines one. */
function scalarAt(root: unknown, offset: number): unknown {
  const chain = pathAt(root, offset);
  const last = chain[chain.length - 1]?.node;
  return isScalar(last) ? last : undefined;
}

export const portConflict: QuickFixProvider<'port-conflict'> = (context) => {
  const { editor, pod, container } = context;
  const node = scalarAt(context.document.yaml.contents, context.start);
  const port = Number(scalarText(node));
  if (!pod || !container || !node || !Number.isInteger(port)) return [];
  const used = new Set<number>();
  for (const c of containersOf(pod, { ephemeral: false })) {
    for (const item of getSeq(c.node, 'ports')?.items ?? []) {
      for (const field of ['containerPort', 'hostPort']) {
        const value = Number(scalarText(getPair(asMap(item), field)?.value));
        if (Number.isInteger(value)) used.add(value);
      }
    }
  }
  let free = port + 1;
  while (used.has(free) && free < 65535) free++;
  if (free > 65535) return [];
  // Not preferred: the process inside must listen on the new port too, which only its own config can change.
  return proposal(`Change port to ${free} (then make the process listen on it)`, [editor.replaceScalar(node, String(free), true)]);
};

export const probePortNotExposed: QuickFixProvider<'probe-port-not-exposed'> = (context) => {
  const { editor, container } = context;
  const node = scalarAt(context.document.yaml.contents, context.start);
  const portName = scalarText(node) ?? context.data.portName;
  if (!container || !node || !portName) return [];
  const ports = getSeq(container.node, 'ports');
  const items = (ports?.items ?? []).map((item) => asMap(item)).filter((m): m is MapNode => !!m);
  const names = items.map((m) => scalarText(getPair(m, 'name')?.value)).filter((n): n is string => !!n);
  const fixes: FixProposal[] = [];
  const suggestion = closest(portName, names);
  if (suggestion) fixes.push(...proposal(`Change to port "${suggestion}"`, [editor.replaceScalar(node, suggestion)], { isPreferred: true }));
  // One port without a name: the probe almost certainly means it; naming it keeps the probe readable.
  const unnamed = items.filter((m) => !getPair(m, 'name'));
  if (unnamed.length === 1 && items.length === 1 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(portName) && portName.length <= 15) {
    const port = unnamed[0];
    const number = scalarText(getPair(port, 'containerPort')?.value);
    fixes.push(
      ...proposal(number ? `Name port ${number} "${portName}"` : `Name the port "${portName}"`, [editor.insertIntoMap(port, [`name: ${portName}`], getPair(port, 'containerPort'))], {
        isPreferred: !suggestion,
      }),
    );
  }
  return fixes;
};

