import type { Finding } from '../../../server/src/core/findings';
import { createLanguageService, type LanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings, type Settings } from '../../../server/src/core/settings';
import { readFixture } from '../helpers';

let service: LanguageService | undefined;

/** All findings of the real language service (schemas and every rule) for a text, by file offsets. */
export function lint(text: string, overrides: Partial<Settings> = {}, fileName?: string): Finding[] {
  service ??= createLanguageService();
  return service.validator.validate(parseManifest(text), defaultSettings(overrides), fileName);
}

/** A finding as a reader checks it: the exact text underlined and its 1-based line. */
export interface Underline {
  code: string;
  severity: string;
  text: string;
  line: number;
  message: string;
  data?: Record<string, unknown>;
}

export function underlines(text: string, codes: string | readonly string[], overrides: Partial<Settings> = {}, fileName?: string): Underline[] {
  const wanted = typeof codes === 'string' ? [codes] : codes;
  const file = parseManifest(text);
  return lint(text, overrides, fileName)
    .filter((finding) => wanted.includes(finding.code))
    .map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      text: text.slice(finding.start, finding.end),
      line: file.lineIndex.positionAt(finding.start).line + 1,
      message: finding.message,
      data: finding.data,
    }));
}

/** The short form most assertions compare against. */
export function brief(found: Underline[]): { code: string; severity: string; text: string; line: number }[] {
  return found.map(({ code, severity, text, line }) => ({ code, severity, text, line }));
}

export function ruleFixture(ruleId: string, which: 'bad' | 'good'): string {
  return readFixture('rules', ruleId, `${which}.yaml`);
}
