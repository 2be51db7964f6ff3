import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../../parse/nodes';

/** A diagram node and the manifest text it stands for (file offsets), so a click can reveal it in the editor. */
export interface DiagramNode extends Span {
  /** Generated id (c0, v0, m0…), never taken from the manifest. */
  id: string;
  /**
   * The file and range that wrote it, when that is not the drawn document (a kustomize overlay's merged pod is
   * drawn from the rendering; its parts were written in the base and the patches).
   */
  source?: { file: string; range: Range };
}

/** The two diagrams of one pod-carrying document (or of a Compose file). */
export interface WorkloadDiagram extends Span {
  /** metadata.name, the Compose project name, or a placeholder for an unnamed workload. */
  name: string;
  /** Pod, Deployment, Job…, or Compose. */
  kind: string;
  /** Mermaid flowchart: containers, volumes, mounts, ports, findings. */
  mermaid: string;
  /** Mermaid sequence diagram: start and stop order. */
  sequence: string;
  nodes: DiagramNode[];
  /** Other files the diagram was drawn from (a kustomize overlay's bases, patches, kustomizations): a change to one redraws it. */
  files?: string[];
}

/** Node classes; the flowchart declares a classDef for each. */
export type NodeClass = 'app' | 'native' | 'init' | 'classic' | 'ephemeral' | 'injected' | 'volume' | 'service' | 'reference' | 'missing' | 'problem';

/**
 * Colours for the node classes: light fills with dark text and saturated strokes read the same on light and dark
 * editor themes, whichever Mermaid theme draws the rest of the picture.
 */
export const CLASS_STYLES: Record<NodeClass, string> = {
  app: 'fill:#c8e6c9,stroke:#2e7d32,stroke-width:2px,color:#102a12',
  native: 'fill:#bbdefb,stroke:#1565c0,stroke-width:2px,color:#0d2137',
  init: 'fill:#e1bee7,stroke:#6a1b9a,stroke-width:1px,color:#2a0c33',
  classic: 'fill:#ffe0b2,stroke:#e65100,stroke-width:2px,color:#3a1a00',
  ephemeral: 'fill:#eceff1,stroke:#546e7a,stroke-width:1px,stroke-dasharray:4 3,color:#1c262b',
  injected: 'fill:#fff9c4,stroke:#8d6e00,stroke-width:2px,stroke-dasharray:6 3,color:#2b2400',
  volume: 'fill:#b2ebf2,stroke:#00838f,stroke-width:1px,color:#00262b',
  service: 'fill:#d1c4e9,stroke:#4527a0,stroke-width:2px,color:#1a0f3d',
  reference: 'fill:#f0f4c3,stroke:#827717,stroke-width:1px,color:#262300',
  missing: 'fill:#ffcdd2,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3,color:#3b0000',
  problem: 'stroke:#d32f2f,stroke-width:3px',
};

/** Edge styles, applied with `linkStyle <index>`. */
export const PROBLEM_EDGE_STYLE = 'stroke:#d32f2f,stroke-width:2px,color:#d32f2f';
