import { pathToFileURL } from 'url';
import { TopologyRequest, type TopologyParams, type TopologyResult } from '../protocol';
import type { ServerFeature } from './context';
import { kustomizeContextFor } from './kustomize';
import { logged } from './logged';

/**
 * `sidecar/topology`: the Mermaid diagrams of an open document for the topology panel. Findings come from the
 * validator's per-document cache, so asking after every keystroke costs one diagram build; the Services and the
 * resources each pod reads come from the workspace index. A failure is logged
 * and sent back as the response error, which the panel shows.
 */
export const topologyFeature: ServerFeature = {
  register(context) {
    // By method, not TopologyRequest.type: a request without params gets an empty answer, not a protocol error.
    context.connection.onRequest(
      TopologyRequest.method,
      logged(context.connection.console, TopologyRequest.method, async (params?: TopologyParams): Promise<TopologyResult> => {
        const current = await context.fileFor(params?.textDocument?.uri ?? '');
        if (!current) return { workloads: [] };
        const { file, settings } = current;
        if (file.declined) return { workloads: [], notice: file.declined.message };
        const lines = file.lineIndex;
        const offset = params?.position ? lines.offsetAt(params.position) : undefined;
        const uri = current.document.uri;
        // The index holds this buffer's version (as navigation does), so the diagram's pods are found in it.
        context.workspace.opened(current.document);
        const workspace = { index: context.workspace.index, uri, complete: context.workspace.isReady };
        const workloads = context.service.topology(file, settings, { offset, fileName: uri, workspace }, kustomizeContextFor(uri, context.documents, context.settings, context.kustomize));
        const dependsOn = [...new Set(workloads.flatMap((w) => w.files ?? []))].map((file) => pathToFileURL(file).href);
        return {
          ...(dependsOn.length ? { dependsOn } : {}),
          workloads: workloads.map((w) => ({
            name: w.name,
            kind: w.kind,
            range: lines.rangeOf(w.start, w.end),
            mermaid: w.mermaid,
            sequence: w.sequence,
            nodes: w.nodes.map((n) => (n.source ? { id: n.id, range: n.source.range, uri: pathToFileURL(n.source.file).href } : { id: n.id, range: lines.rangeOf(n.start, n.end) })),
          })),
        };
      }),
    );
  },
};
