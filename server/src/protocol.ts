/** Custom requests shared by the server and the client. */
export const StatusRequest = 'sidecar/status';
export interface StatusResult {
  kubernetesVersion: string;
  validate: boolean;
  /** Rule ids known to the server. */
  rules: string[];
  /** The .sidecarlint.yaml that applies to the document asked about, if any. */
  configFile?: string;
}

/** Pod topology diagrams of a document (issue 5): one entry per pod-carrying document, the one at `position` first. */
export const TopologyRequest = 'sidecar/topology';
export interface TopologyParams {
  textDocument: { uri: string };
  position?: { line: number; character: number };
}
export interface TopologyRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface TopologyWorkload {
  name: string;
  kind: string;
  range: TopologyRange;
  /** Mermaid flowchart; every manifest name in it is escaped. */
  mermaid: string;
  /** Mermaid sequence diagram of start and stop order. */
  sequence: string;
  /** Diagram node id (c0, v0…) -> the manifest text it stands for. */
  nodes: { id: string; range: TopologyRange }[];
}
export interface TopologyResult {
  workloads: TopologyWorkload[];
  /** Why there is nothing to draw when the server declined the file (too large, binary). */
  notice?: string;
}
