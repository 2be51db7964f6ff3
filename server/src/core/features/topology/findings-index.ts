import type { Finding } from '../../findings';
import type { Span } from '../../parse/nodes';

/** At most this many finding codes are written on one node; the rest is counted. */
const MAX_CODES_PER_NODE = 3;

/**
 * The validator's findings of one document, looked up by the manifest span a diagram node stands for. Only errors
 * and warnings mark a node: hints and infos would turn every diagram red.
 */
export class FindingsIndex {
  private readonly findings: Finding[];
  private readonly claimed = new Set<Finding>();
  private readonly order = new Map<Finding, number>();

  constructor(findings: readonly Finding[], within: Span) {
    findings.forEach((f, i) => this.order.set(f, i));
    // By start, so a node's findings are found by binary search (one scan per node was quadratic in a big pod).
    this.findings = findings
      .filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.start >= within.start && f.start < within.end)
      .sort((a, b) => a.start - b.start);
  }

  /** Distinct codes of the errors and of the warnings that start inside `span` (file offsets); marks them as shown. */
  codesIn(span: Span | undefined): NodeFindings {
    const result: NodeFindings = { errors: [], warnings: [] };
    if (!span) return result;
    let low = 0;
    let high = this.findings.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.findings[mid].start < span.start) low = mid + 1;
      else high = mid;
    }
    const inside: Finding[] = [];
    for (let i = low; i < this.findings.length && this.findings[i].start < span.end; i++) inside.push(this.findings[i]);
    // Codes in the validator's order, as before the index was sorted.
    inside.sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    for (const f of inside) {
      this.claimed.add(f);
      const codes = f.severity === 'error' ? result.errors : result.warnings;
      if (!codes.includes(f.code)) codes.push(f.code);
    }
    return result;
  }

  /** Findings no node has shown (pod-level ones such as a missing `containers:`), with the span of the first. */
  unclaimed(): NodeFindings & { span?: Span } {
    const rest = [...this.findings].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0)).filter((f) => !this.claimed.has(f));
    const codesOf = (severity: string) => [...new Set(rest.filter((f) => f.severity === severity).map((f) => f.code))];
    return { errors: codesOf('error'), warnings: codesOf('warning'), span: rest.length ? { start: rest[0].start, end: rest[0].end } : undefined };
  }
}

/** Errors turn a node red; warnings are only written on it. */
export interface NodeFindings {
  errors: string[];
  warnings: string[];
}

/** "undefined-volume port-conflict image-tag +2" */
export function summarizeCodes(codes: string[]): string {
  if (codes.length <= MAX_CODES_PER_NODE) return codes.join(' ');
  return `${codes.slice(0, MAX_CODES_PER_NODE).join(' ')} +${codes.length - MAX_CODES_PER_NODE}`;
}
