import { closest } from '../text/closest';
import type { RemovedApiVersion, SchemaProblem } from './types';

/**
 * A kind that a built-in apiVersion does not serve (`apps/v1 Deploymnet`, `v1 pod`, `policy/v1 PodSecurityPolicy`):
 * kubectl's REST mapping fails with "no matches for kind", and nothing reaches the API server. Only apiVersions
 * the schemas know in full are judged, so a custom resource (its own group) or a beta version is never called
 * unknown. `List` and `<Kind>List` are kubectl's own collection kinds.
 */
export function unknownKindProblem(
  apiVersion: string,
  kind: string,
  kindsByVersion: ReadonlyMap<string, readonly string[]>,
  removals: readonly RemovedApiVersion[],
): SchemaProblem | undefined {
  const served = kindsByVersion.get(apiVersion);
  if (!served || served.includes(kind)) return undefined;
  if (kind === 'List' || (kind.endsWith('List') && served.includes(kind.slice(0, -4)))) return undefined;
  const head = `no matches for kind "${kind}" in version "${apiVersion}"`;
  const suggestion = closest(kind, served);
  if (suggestion) {
    return { path: ['kind'], target: 'value', code: 'unknown-kind', message: `${head}: did you mean ${suggestion}?`, data: { suggestion } };
  }
  // The kind exists, under another apiVersion (`apps/v1 CronJob`).
  for (const [otherVersion, kinds] of kindsByVersion) {
    const other = kinds.find((k) => k.toLowerCase() === kind.toLowerCase()) ?? (kinds.includes(kind) ? kind : undefined);
    if (other) {
      return {
        path: ['apiVersion'],
        target: 'value',
        code: 'unknown-kind',
        message: `${head}: ${other} is served by ${otherVersion}.`,
        data: { suggestion: other, replacement: otherVersion },
      };
    }
  }
  const minor = (version: string) => Number(version.split('.')[1] ?? 0);
  const gone = removals.filter((r) => r.kind === kind).sort((a, b) => minor(b.removedIn) - minor(a.removedIn))[0];
  if (gone) {
    return {
      path: ['kind'],
      target: 'value',
      code: 'unknown-kind',
      message: `${head}: the last apiVersion of ${kind}, ${gone.apiVersion}, was removed in Kubernetes ${gone.removedIn}${gone.replacement ? `; use ${gone.replacement}` : ''}.${!gone.replacement && gone.note ? ` ${gone.note}` : ''}`,
    };
  }
  return { path: ['kind'], target: 'value', code: 'unknown-kind', message: `${head}: ${apiVersion} serves ${served.join(', ')}.` };
}
