import type { Document } from 'yaml';
import { asMap, deref, getPair, scalarText } from '../parse/nodes';

/** A host port range a service publishes: `"8080:80"`, `"127.0.0.1:9090-9091:9090-9091/udp"`, or the long syntax. */
export interface PublishedPort {
  /** "" for all interfaces. */
  hostIp: string;
  first: number;
  last: number;
  protocol: string;
  /** What to underline: the short-syntax scalar, or the long syntax's `published` value. */
  node: unknown;
}

const RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

function range(text: string): { first: number; last: number } | undefined {
  const match = RANGE.exec(text.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return first > 0 && last >= first && last <= 65535 ? { first, last } : undefined;
}

/**
 * The host ports a `ports:` item publishes; [] when it publishes none (a container port only, an ephemeral host
 * port, or `${…}` interpolation whose value is unknown here).
 */
export function parsePort(item: unknown, _document: Document.Parsed): PublishedPort[] {
  const node = deref(item);
  const map = asMap(node);
  if (map) {
    const publishedPair = getPair(map, 'published');
    const published = scalarText(publishedPair?.value);
    const hostRange = published === undefined ? undefined : range(published);
    if (!hostRange) return [];
    const protocol = (scalarText(getPair(map, 'protocol')?.value) ?? 'tcp').toLowerCase();
    return [{ hostIp: normalizeIp(scalarText(getPair(map, 'host_ip')?.value) ?? ''), ...hostRange, protocol, node: publishedPair?.value ?? item }];
  }
  const text = scalarText(node);
  if (text === undefined || text.includes('$')) return [];
  const slash = text.lastIndexOf('/');
  const protocol = slash >= 0 ? text.slice(slash + 1).toLowerCase() : 'tcp';
  let rest = slash >= 0 ? text.slice(0, slash) : text;
  let hostIp = '';
  if (rest.startsWith('[')) {
    // [::1]:8080:80
    const close = rest.indexOf(']:');
    if (close < 0) return [];
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (parts.length === 3 && !hostIp) hostIp = parts.shift() ?? '';
  if (parts.length !== 2) return [];
  const hostRange = range(parts[0]);
  return hostRange ? [{ hostIp: normalizeIp(hostIp), ...hostRange, protocol, node: item }] : [];
}

function normalizeIp(ip: string): string {
  return ip === '0.0.0.0' || ip === '::' ? '' : ip;
}

/**
 * Two publications collide when address, protocol and ranges overlap. All interfaces against one address may
 * collide too, depending on the host's socket options; that case is left alone rather than guessed.
 */
export function portsCollide(a: Omit<PublishedPort, 'node'>, b: Omit<PublishedPort, 'node'>): boolean {
  if (a.protocol !== b.protocol || a.hostIp !== b.hostIp) return false;
  return a.first <= b.last && b.first <= a.last;
}
