import { namespacesOf, type NamespaceModel } from '../../model/injection';
import { getMap, getString } from '../../parse/nodes';
import type { ManifestFile } from '../../parse/manifest';
import type { WorkspaceIndex } from './workspace-index';

/**
 * The Namespaces that can turn mesh injection on for the pods of `file` (model/injection.ts): those the file declares,
 * then those of the workspace that its documents name in `metadata.namespace` (a Namespace labelled
 * `istio-injection: enabled` in namespaces.yaml injects a Deployment in app.yaml, as the webhook's namespaceSelector
 * does). The file's own Namespace wins over the index's copy of it; only the named ones are read, so the validator's
 * cache key stays the same when an unrelated Namespace changes.
 */
export function podNamespaces(file: ManifestFile, workspace: WorkspaceIndex | undefined): NamespaceModel[] {
  const own = namespacesOf(file.slots.map((slot) => slot.document));
  if (!workspace) return own;
  const named = new Set<string>();
  for (const slot of file.slots) {
    const name = getString(getMap(slot.document.root, 'metadata'), 'namespace');
    if (name && !own.some((n) => n.name === name)) named.add(name);
  }
  const found: NamespaceModel[] = [];
  for (const name of [...named].sort()) {
    for (const resource of workspace.find('Namespace', '', name)) {
      const document = workspace.fileOf(resource.uri)?.slotAt(resource.offset)?.document;
      const model = document ? namespacesOf([document])[0] : undefined;
      if (model) {
        found.push(model);
        break;
      }
    }
  }
  return [...own, ...found];
}
