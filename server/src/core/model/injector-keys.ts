/**
 * The labels and annotations an injector reads on a pod (or pod template): the shape of the `keys` column of the
 * injectors table (model/injectors.ts), and the one reader of that column, used by completion and hover.
 */

/** One label or annotation key an injector documents. */
export interface InjectorKey {
  /** The whole key, or for a `prefix` key what comes before the name the user picks (`…/agent-inject-secret-`). */
  key: string;
  in: 'annotations' | 'labels';
  /** The sentence of the injector's own reference, as it words it. */
  doc: string;
  /** The values the reference allows, when it lists them. */
  values?: readonly string[];
  /** The default the reference (or the injector's code) states; absent when the source gives none. */
  default?: string;
  /** The key takes a name after it: `vault.hashicorp.com/agent-inject-secret-<name>`. */
  prefix?: boolean;
  /** Written by the injector or the control plane, not by the user: hover explains it, completion does not offer it. */
  generated?: boolean;
  /** Deprecated by the reference; the words say what replaces it. */
  deprecated?: string;
  /** The release the reference says it arrived in, when it says. */
  since?: string;
  /**
   * Read on a Namespace's metadata too (`also`: a default for the pods in it), or only there (`only`); absent: on a
   * pod (or pod template) only.
   */
  namespace?: 'also' | 'only';
  /** Where the row comes from (the reference page, or the injector's source file). */
  source: string;
}

/** The metadata a key is written in: a pod's (or pod template's), or a Namespace's. */
export type InjectorKeyOwner = 'pod' | 'namespace';

function readOn(entry: InjectorKey, owner: InjectorKeyOwner): boolean {
  return owner === 'pod' ? entry.namespace !== 'only' : entry.namespace !== undefined;
}

/** A key row with the injector it belongs to. */
export interface InjectorKeyMatch {
  title: string;
  entry: InjectorKey;
  /** For a prefix key: the name after the prefix (`db` in `…/agent-inject-secret-db`). */
  name?: string;
}

interface KeyTable {
  title: string;
  keys: readonly InjectorKey[];
}

/** The row of `key` in the `where` map of a pod's (or a Namespace's) metadata, among the injectors' tables: whole keys before prefixes. */
export function findInjectorKey(tables: readonly KeyTable[], where: 'annotations' | 'labels', key: string, owner: InjectorKeyOwner = 'pod'): InjectorKeyMatch | undefined {
  for (const table of tables) {
    const entry = table.keys.find((k) => k.in === where && !k.prefix && k.key === key && readOn(k, owner));
    if (entry) return { title: table.title, entry };
  }
  let best: InjectorKeyMatch | undefined;
  for (const table of tables) {
    for (const entry of table.keys) {
      if (entry.in !== where || !entry.prefix || !readOn(entry, owner) || !key.startsWith(entry.key) || key.length === entry.key.length) continue;
      if (!best || entry.key.length > best.entry.key.length) best = { title: table.title, entry, name: key.slice(entry.key.length) };
    }
  }
  return best;
}

/** The keys to offer in the `where` map: those the user writes, in table order. */
export function offeredInjectorKeys(tables: readonly KeyTable[], where: 'annotations' | 'labels', owner: InjectorKeyOwner = 'pod'): InjectorKeyMatch[] {
  return tables.flatMap((table) => table.keys.filter((k) => k.in === where && !k.generated && readOn(k, owner)).map((entry) => ({ title: table.title, entry })));
}

/** A key's row as Markdown: the reference's sentence, the allowed values, the default, its state and its source. */
export function injectorKeyMarkdown(match: InjectorKeyMatch, code: (text: string) => string): string {
  const { entry } = match;
  const name = entry.prefix ? `${entry.key}<name>` : entry.key;
  const lines = [`**${code(name)}** — ${match.title} ${entry.in === 'labels' ? 'label' : 'annotation'}${entry.generated ? ' (set by the injector, not by you)' : ''}`, entry.doc];
  if (entry.values?.length) lines.push(`Values: ${entry.values.map((v) => code(`"${v}"`)).join(', ')}`);
  if (entry.default !== undefined) lines.push(`Default: ${code(entry.default)}`);
  if (entry.since) lines.push(`Since ${entry.since}.`);
  if (entry.deprecated) lines.push(`**Deprecated**: ${entry.deprecated}`);
  if (entry.namespace === 'also') lines.push('Also read on a Namespace, for the pods in it.');
  if (entry.namespace === 'only') lines.push('Read on a Namespace, for the pods in it.');
  lines.push(`[Source](${entry.source})`);
  return lines.join('\n\n');
}
