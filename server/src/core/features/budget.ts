import { defaultSeverity, docsHref } from '../codes';
import type { Finding } from '../findings';
import type { Settings } from '../settings';

/**
 * A caller's limit on one `validate` (the editor's time budget): asked between documents and phases, never inside
 * one, so a single step (the parse, one rule) is never cut; `description` names it in the notice.
 */
export interface Budget {
  exhausted(): boolean;
  readonly description: string;
  /** Told where checking stopped (the first document left unchecked) when the budget ran out. */
  stopped?(at: number): void;
}

/** One validation's view of its budget: once exhausted it stays so, and says whether it stopped anything. */
export class BudgetRun {
  stopped = false;
  constructor(private readonly budget: Budget | undefined) {}

  over(): boolean {
    if (!this.stopped && this.budget?.exhausted()) this.stopped = true;
    return this.stopped;
  }
}

/**
 * The notice for a file whose check `limit` stopped at offset `at`, with `unchecked` of its `total` documents not
 * checked to the end (also used by the editor when it stops a check itself).
 */
export function checkedPartly(at: number, unchecked: number, total: number, limit: Pick<Budget, 'description'>, settings: Settings): Finding[] {
  const level = settings.rules['checked-partly'];
  if (level === 'off') return [];
  const which = total === 1 ? 'the file was' : `${unchecked} of the file's ${total} documents were`;
  const finding: Finding = {
    code: 'checked-partly',
    severity: level ?? defaultSeverity('checked-partly'),
    message: `Checked partly: ${limit.description} ran out here, so ${which} not checked to the end (what was found before this point is reported). Hover, completion and fixes still work; run sidecar-lint on the file for a full check.`,
    start: at,
    end: at,
  };
  const href = docsHref('checked-partly', settings.docsBaseUrl);
  return [href ? { ...finding, href } : finding];
}
