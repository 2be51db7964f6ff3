import type { ComposeFacts, ServiceFacts } from '../facts';
import type { ComposeService } from '../model';
import { defineComposeRule } from './types';

/**
 * When the main service restarts (restart: always / unless-stopped / on-failure) and its sidecar does not,
 * a crashed or rebooted host brings the app back without its proxy, log shipper or exporter.
 */
export const rule = defineComposeRule({
  id: 'compose-sidecar-restart',
  defaultSeverity: 'warning',
  summary: 'A sidecar service has a restart policy when the service it serves has one',
  data: { service: 'string', main: 'string', policy: 'string' },
  checkService(service, facts, context) {
    if (service.restartPair || service.deployRestartPair) return;
    const main = mainServiceOf(service, facts);
    const policy = main?.restart;
    if (!main || !policy || policy === 'no' || policy === '"no"') return;
    context.report({
      pair: service.pair,
      message: `Sidecar service "${service.name}" has no restart policy, but "${main.name}" restarts (${policy}): after a crash or a reboot "${main.name}" comes back without it. Add restart: ${policy}.`,
      data: { service: service.name, main: main.name, policy },
    });
  },
});

/**
 * The service a sidecar serves: the one whose network it joins, else (for a recognised helper: log shipper,
 * proxy, exporter) the first non-helper it shares a volume with or depends on.
 */
export function mainServiceOf(service: ComposeService, facts: ComposeFacts): ServiceFacts | undefined {
  const joined = service.networkMode?.service?.name;
  if (joined) return facts.byName.get(joined);
  if (!service.sidecar) return undefined;
  const own = facts.services[service.index];
  const isMain = (other: ServiceFacts | undefined) => !!other && other !== own && !other.sidecar && !other.joinsContainer;
  const volumes = new Set(service.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => m.source));
  const sharing = facts.services.find((other) => isMain(other) && other.mounts.some((m) => m.type === 'volume' && m.source && volumes.has(m.source)));
  if (sharing) return sharing;
  return service.dependsOn.map((d) => facts.byName.get(d.name)).find(isMain);
}
