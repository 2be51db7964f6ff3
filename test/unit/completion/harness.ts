import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/core/features/completion';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret } from '../helpers';

/** What the completion tests share: completing at a caret, reading items, applying their edits, a pod to complete in. */

const service = createLanguageService();
const settings = defaultSettings();

export function completeAt(textWithCaret: string, options = {}): { list: CompletionList; text: string; offset: number } {
  const { text, offset } = caret(textWithCaret);
  return { list: complete(service, parseManifest(text), offset, settings, options), text, offset };
}

export function labels(list: CompletionList): string[] {
  return list.items.map((i) => i.label);
}

export function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(list).join(', ')}`);
  return found;
}

export function newText(i: CompletionItem): string {
  return (i.textEdit as TextEdit).newText;
}

/** Applies an item's edits (main and additional) to the text, last edit first. */
export function apply(text: string, i: CompletionItem): string {
  const file = parseManifest(text);
  const edits = [i.textEdit as TextEdit, ...(i.additionalTextEdits ?? [])].map((e) => ({
    start: file.lineIndex.offsetAt(e.range.start),
    end: file.lineIndex.offsetAt(e.range.end),
    text: e.newText,
  }));
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of edits) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

export function sorted(list: CompletionList): string[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

/** A Pod named web whose spec is `spec` (its lines, indented under `spec:`). */
export function pod(spec: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}`;
}

/** A Pod with one container `app` (nginx) up to its image line; a test appends the lines it is about. */
export function appPod(rest: string): string {
  return pod(`  containers:
    - name: app
      image: nginx:1.27.5
${rest}`);
}

export const POD = appPod(`      ports:
        - name: http
          containerPort: 8080
      |
  volumes:
    - name: logs
      emptyDir: {}
    - name: config
      configMap:
        name: app-config
`);
