// For `npm run bench`: the cold resolution of a kustomize tree, the first thing a fresh process does (read the
// files, parse, merge patches, transformers; no checks), then the same again warm. Prints JSON.
import { performance } from 'node:perf_hooks';
import { renderKustomization } from '../../server/src/core/workspace/kustomize/render';
import { diskHost, posixPath } from '../../server/src/disk-host';

const dir = posixPath(process.argv[2] ?? '.');
const t0 = performance.now();
const cold = renderKustomization(diskHost(), dir);
const coldMs = performance.now() - t0;
const t1 = performance.now();
renderKustomization(diskHost(), dir);
const warmMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ coldMs, warmMs, resources: cold.resources.length, patched: cold.resources.filter((r) => r.patchedBy.length > 0).length }));
