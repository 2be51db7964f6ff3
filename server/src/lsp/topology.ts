import { buildTopology } from '../core/features/topology';
import { TopologyRequest, type TopologyParams, type TopologyResult } from '../protocol';
import type { ServerFeature } from './context';

/**
 * `sidecar/topology`: the Mermaid diagrams of an open document for the topology panel. Findings come from the
 * validator's per-document cache, so asking after every keystroke costs one diagram build.
 */
export const topologyFeature: ServerFeature = {
  register(context) {
    context.connection.onRequest(TopologyRequest, async (params: TopologyParams): Promise<TopologyResult> => {
      const current = await context.fileFor(params?.textDocument?.uri ?? '');
      if (!current) return { workloads: [] };
      const { file, settings } = current;
      if (file.declined) return { workloads: [], notice: file.declined.message };
      const lines = file.lineIndex;
      const offset = params.position ? lines.offsetAt(params.position) : undefined;
      const findings = context.service.validator.validate(file, settings);
      const workloads = buildTopology(file, { offset, findings, fileName: params.textDocument.uri });
      return {
        workloads: workloads.map((w) => ({
          name: w.name,
          kind: w.kind,
          range: lines.rangeOf(w.start, w.end),
          mermaid: w.mermaid,
          sequence: w.sequence,
          nodes: w.nodes.map((n) => ({ id: n.id, range: lines.rangeOf(n.start, n.end) })),
        })),
      };
    });
  },
};
