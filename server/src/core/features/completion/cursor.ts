import type { YamlPath } from '../../parse/nodes';

/**
 * Where the cursor is, read from the text of one document rather than from its parse: while the user types,
 * the current line is usually not valid YAML yet (`    volu`, `  - `, `image: `), but the lines around it are,
 * and indentation alone tells which map or list the cursor belongs to.
 */
export type CursorContext =
  | {
      kind: 'key';
      /** Path of the map whose keys are completed (ends with an index inside list items). */
      path: YamlPath;
      /** Column the key starts at (where new lines of an inserted block are indented from). */
      column: number;
      /** Keys already present in that map, the one being typed excluded. */
      existingKeys: Set<string>;
      /** The cursor follows a `- ` that starts a new, still empty list item. */
      itemStart: boolean;
      /** The map is written in flow style (`{a: 1, |}`): insert `key: value` on one line. */
      flow: boolean;
      /** The cursor sits at the column of a list's items, where a new `- ` item can start. */
      listPath?: YamlPath;
      /** Text of the word being completed and where it is (document-relative). */
      word: string;
      wordStart: number;
      wordEnd: number;
      /** The key typed is already followed by `:` on this line: complete the name only. */
      hasColon: boolean;
    }
  | {
      kind: 'value';
      /** Path of the value (the key's path). */
      path: YamlPath;
      key: string;
      word: string;
      wordStart: number;
      wordEnd: number;
      /** A list item scalar (`- |` under a list of strings). */
      listItem: boolean;
      /** Text to put before the value: a space right after a colon (`key:|`). */
      prefix?: string;
    };

export type KeyContext = Extract<CursorContext, { kind: 'key' }>;
export type ValueContext = Extract<CursorContext, { kind: 'value' }>;
