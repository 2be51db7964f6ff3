import { scalarText } from '../../parse/nodes';
import type { ComposeModel, ComposeService } from '../model';
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
  check(model, context) {
    for (const service of model.services) {
      if (service.restartPair || service.deployRestartPair) continue;
      const main = mainServiceOf(service, model);
      if (!main?.restartPair) continue;
      const policy = scalarText(main.restartPair.value);
      if (!policy || policy === 'no' || policy === '"no"') continue;
      context.report({
        pair: service.pair,
        message: `Sidecar service "${service.name}" has no restart policy, but "${main.name}" restarts (${policy}): after a crash or a reboot "${main.name}" comes back without it. Add restart: ${policy}.`,
        data: { service: service.name, main: main.name, policy },
      });
    }
  },
});

/**
 * The service a sidecar serves: the one whose network it joins, else (for a recognised helper: log shipper,
 * proxy, exporter) the first non-helper it shares a volume with or depends on.
 */
export function mainServiceOf(service: ComposeService, model: ComposeModel): ComposeService | undefined {
  const joined = service.networkMode?.service?.name;
  if (joined) return model.byName.get(joined);
  if (!service.sidecar) return undefined;
  const isMain = (other: ComposeService | undefined) => !!other && other !== service && !other.sidecar && !other.networkMode?.joinsContainer;
  const volumes = new Set(service.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => m.source));
  const sharing = model.services.find((other) => isMain(other) && other.mounts.some((m) => m.type === 'volume' && m.source && volumes.has(m.source)));
  if (sharing) return sharing;
  return service.dependsOn.map((d) => model.byName.get(d.name)).find(isMain);
}
