import type { Rule } from '../types';
import { rule as undefinedVolume } from '../undefined-volume';
import { rule as unusedVolume } from '../unused-volume';
import { rule as duplicateMountPath } from '../duplicate-mount-path';
import { rule as emptydirSizeLimit } from '../emptydir-size-limit';
import { rule as shipperMountReadOnly } from '../shipper-mount-read-only';
import { rule as subpathNoUpdates } from '../subpath-no-updates';

export const rules = [undefinedVolume, unusedVolume, duplicateMountPath, shipperMountReadOnly, emptydirSizeLimit, subpathNoUpdates] as const satisfies readonly Rule[];
