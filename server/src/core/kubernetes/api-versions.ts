import served from './data/served-api-versions.json';
import history from './generated/fields-by-version.json';

interface ServedRow {
  apiVersion: string;
  kinds: string[];
  firstServed?: string;
  lastServed?: string;
  replacement: string | null;
  note?: string;
  source: string;
}

/** Whether Kubernetes 1.<minor> serves apiVersion/kind, and what to use instead when it does not. */
export type Served =
  | { served: true }
  | { served: false; reason: 'removed'; removedIn: string; replacement: string | null; note?: string; source: string }
  | { served: false; reason: 'not-yet'; /** "1.29", or "1.35 or 1.36" where no package tells the minor */ firstServed: string; alternative?: string; source: string };

const rows = new Map<string, ServedRow>();
for (const row of served.apiVersions as ServedRow[]) for (const kind of row.kinds) rows.set(`${row.apiVersion}/${kind}`, row);
const firstSeen = history.kinds as unknown as Record<string, [number, number]>;
const HISTORY_SOURCE = 'server/src/core/kubernetes/generated/fields-by-version.json (client-node of each minor)';

const minorOf = (version: string) => Number(version.split('.')[1]);

function servedRowAt(row: ServedRow, minor: number): boolean {
  if (row.firstServed && minor < minorOf(row.firstServed)) return false;
  if (row.lastServed && minor > minorOf(row.lastServed)) return false;
  return true;
}

/** Another apiVersion of the same group and kind that 1.<minor> serves (flowcontrol v1 → v1beta3 at 1.28). */
function alternativeAt(apiVersion: string, kind: string, minor: number): string | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  let best: ServedRow | undefined;
  for (const row of served.apiVersions as ServedRow[]) {
    const rowGroup = row.apiVersion.includes('/') ? row.apiVersion.slice(0, row.apiVersion.indexOf('/')) : '';
    if (row.apiVersion === apiVersion || rowGroup !== group || !row.kinds.includes(kind) || !servedRowAt(row, minor)) continue;
    // The one served longest: v1beta3 rather than v1beta2 for a 1.28 FlowSchema.
    if (!best || minorOf(row.lastServed ?? '1.999') > minorOf(best.lastServed ?? '1.999')) best = row;
  }
  return best?.apiVersion;
}

/**
 * The served range of apiVersion/kind at a target minor, from the curated table (removed and beta versions)
 * and the generated one (GA kinds that appeared after 1.27). A minor between two packages (1.31, 1.35) counts
 * as serving: a false "not served" costs more than a missed one.
 */
export function servedAt(apiVersion: string, kind: string, minor: number): Served {
  const row = rows.get(`${apiVersion}/${kind}`);
  if (row?.lastServed && minor > minorOf(row.lastServed)) {
    return { served: false, reason: 'removed', removedIn: `1.${minorOf(row.lastServed) + 1}`, replacement: row.replacement, note: row.note, source: row.source };
  }
  if (row?.firstServed && minor < minorOf(row.firstServed)) {
    return { served: false, reason: 'not-yet', firstServed: row.firstServed, alternative: alternativeAt(apiVersion, kind, minor), source: row.source };
  }
  const seen = firstSeen[`${apiVersion}/${kind}`];
  if (seen && minor <= seen[0]) {
    const firstServed = seen[1] - seen[0] === 1 ? `1.${seen[1]}` : `1.${seen[0] + 1} or 1.${seen[1]}`;
    return { served: false, reason: 'not-yet', firstServed, alternative: alternativeAt(apiVersion, kind, minor), source: HISTORY_SOURCE };
  }
  return { served: true };
}

/** Every apiVersion/kind the tables know an edge for (for tests and documentation). */
export function servedEdges(): { apiVersion: string; kind: string; firstServed?: number; lastServed?: number }[] {
  const result: { apiVersion: string; kind: string; firstServed?: number; lastServed?: number }[] = [];
  for (const [key, row] of rows) {
    const kind = key.slice(row.apiVersion.length + 1);
    result.push({ apiVersion: row.apiVersion, kind, firstServed: row.firstServed ? minorOf(row.firstServed) : undefined, lastServed: row.lastServed ? minorOf(row.lastServed) : undefined });
  }
  for (const [key, seen] of Object.entries(firstSeen)) {
    const slash = key.lastIndexOf('/');
    if (seen[1] - seen[0] === 1) result.push({ apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), firstServed: seen[1] });
  }
  return result;
}
