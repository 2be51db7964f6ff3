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

  constructor(findings: readonly Finding[], within: Span) {
    this.findings = findings.filter(
      (f) => (f.severity === 'error' || f.severity === 'warning') && f.start >= within.start && f.start < within.end,
    );
  }

  /** Distinct codes of the errors and of the warnings that start inside `span` (file offsets); marks them as shown. */
  codesIn(span: Span | undefined): NodeFindings {
    const result: NodeFindings = { errors: [], warnings: [] };
    if (!span) return result;
    for (const f of this.findings) {
      if (f.start < span.start || f.start >= span.end) continue;
      this.claimed.add(f);
      const codes = f.severity === 'error' ? result.errors : result.warnings;
      if (!codes.includes(f.code)) codes.push(f.code);
    }
    return result;
  }

  /** Findings no node has shown (pod-level ones such as a missing `containers:`), with the span of the first. */
  unclaimed(): NodeFindings & { span?: Span } {
    const rest = this.findings.filter((f) => !this.claimed.has(f));
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
