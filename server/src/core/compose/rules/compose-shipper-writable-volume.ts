import { defineComposeRule } from './types';

/**
 * A log shipper (or collector) only reads what the app writes to the shared volume; mounted writable it can
 * truncate or rotate the app's files under it. Same advice as shipper-mount-read-only for pods.
 */
export const rule = defineComposeRule({
  id: 'compose-shipper-writable-volume',
  defaultSeverity: 'warning',
  summary: 'A log shipper mounts the volume it shares with the app read-only (:ro)',
  data: { service: 'string', source: 'string', short: 'boolean' },
  checkService(service, facts, context) {
    const kind = service.sidecar?.kind;
    if (kind !== 'log-shipper' && kind !== 'collector') return;
    for (const mount of service.mounts) {
      if (mount.readOnly || !mount.source || mount.type === 'tmpfs' || mount.type === 'other') continue;
      const sharedWith = facts.services.find((other, index) => index !== service.index && other.mounts.some((m) => m.source === mount.source && m.type === mount.type));
      if (!sharedWith) continue;
      context.report({
        ...(mount.sourcePair ? { pair: mount.sourcePair, target: 'value' as const } : { node: mount.node }),
        message: `Service "${service.name}" (${service.sidecar?.reason}) mounts "${mount.source}", which it shares with "${sharedWith.name}", writable: a log shipper only reads it. Mount it read-only (${mount.short ? '":ro"' : 'read_only: true'}).`,
        data: { service: service.name, source: mount.source, short: mount.short },
      });
    }
  },
});
