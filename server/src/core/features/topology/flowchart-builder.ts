import { CLASS_STYLES, PROBLEM_EDGE_STYLE, type DiagramNode, type NodeClass } from './types';
import { mermaidLabel } from './escape';

/** Node shapes we draw: a box for a container or service, a cylinder for a volume. */
export type NodeShape = 'box' | 'cylinder';

export type EdgeKind = 'writes' | 'reads' | 'conflict' | 'depends' | 'routes';

const EDGE_ARROWS: Record<EdgeKind, string> = {
  writes: '-->',
  reads: '-.->',
  conflict: '-.-',
  depends: '-.->',
  routes: '==>',
};

/**
 * Writes Mermaid flowchart text. Ids are generated here; label lines are escaped here, joined with `<br/>` that we
 * add (never the manifest), so the rest of the topology code cannot forget to escape.
 */
export class FlowchartBuilder {
  private readonly body: string[] = [];
  private readonly edges: string[] = [];
  private readonly problemEdges: number[] = [];
  private readonly classes = new Map<NodeClass, string[]>();
  private readonly counters = new Map<string, number>();
  readonly nodes: DiagramNode[] = [];

  /** A fresh id with the given prefix: c0, c1…, v0… */
  nextId(prefix: string): string {
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    return `${prefix}${n}`;
  }

  openGroup(id: string, title: Label): void {
    this.body.push(`  subgraph ${id}["${labelText(title)}"]`, '    direction TB');
  }

  closeGroup(): void {
    this.body.push('  end');
  }

  /**
   * A node with escaped label lines; `raw` lines (our own words, already safe) are not escaped again.
   * `span` (file offsets) lets a click reveal the manifest text.
   */
  node(id: string, shape: NodeShape, lines: Label[], classes: NodeClass[], span?: { start: number; end: number }): void {
    const label = joinLines(lines);
    this.body.push(shape === 'cylinder' ? `    ${id}[("${label}")]` : `    ${id}["${label}"]`);
    for (const c of classes) {
      const members = this.classes.get(c) ?? [];
      members.push(id);
      this.classes.set(c, members);
    }
    if (span) this.nodes.push({ id, start: span.start, end: span.end });
  }

  edge(from: string, to: string, kind: EdgeKind, label: Label, problem = false): void {
    if (problem) this.problemEdges.push(this.edges.length);
    this.edges.push(`  ${from} ${EDGE_ARROWS[kind]}|"${labelText(label)}"| ${to}`);
  }

  toString(): string {
    const lines = ['flowchart TB', ...this.body, ...this.edges];
    const used = [...this.classes.keys()];
    // classDef order is CSS order: `problem` comes last so its red stroke wins over the role colour.
    const order: NodeClass[] = ['app', 'native', 'init', 'classic', 'ephemeral', 'injected', 'volume', 'service', 'reference', 'missing', 'problem'];
    for (const c of order) if (used.includes(c)) lines.push(`  classDef ${c} ${CLASS_STYLES[c]}`);
    for (const c of order) {
      const members = this.classes.get(c);
      if (members?.length) lines.push(`  class ${members.join(',')} ${c}`);
    }
    if (this.problemEdges.length) lines.push(`  linkStyle ${this.problemEdges.join(',')} ${PROBLEM_EDGE_STYLE}`);
    return `${lines.join('\n')}\n`;
  }
}

/** A label line: manifest text to escape, our own words marked `{ safe }`, or parts joined together. */
export type Label = string | { safe: string } | Label[];

/** Our own fixed wording, known to be inert: skips escaping (still checked in tests). */
export function safe(text: string): Label {
  return { safe: text };
}

export function labelText(label: Label): string {
  if (typeof label === 'string') return mermaidLabel(label);
  if (Array.isArray(label)) return label.map(labelText).join('');
  return label.safe;
}

function joinLines(lines: Label[]): string {
  return lines.map(labelText).join('<br/>');
}
