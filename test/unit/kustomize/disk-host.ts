import type { KustomizeHost } from '../../../server/src/core/workspace/kustomize/host';
import { diskHost as serverDiskHost } from '../../../server/src/disk-host';

/** The CLI's view: files from the disk, with `buffers` (open editors) winning over it. */
export function diskHost(buffers: Record<string, string> = {}): KustomizeHost {
  return serverDiskHost((file) => (Object.hasOwn(buffers, file) ? buffers[file] : undefined));
}
