import { parseKustomization, type Kustomization } from './kustomization';
import { Origins } from './origins';

type Json = Record<string, unknown>;

/** Texts kept per file (and use): the current one and a few before it, so typing and undoing hit the memo. */
const TEXTS_PER_FILE = 4;
/** Kustomization parses kept at most; past it the memo starts over. */
const MAX_KUSTOMIZATIONS = 2000;

/**
 * What successive renders share, so that an edit of one patch costs only what depends on that patch. Rendered
 * values are never changed in place: the strategic merge builds new maps and lists along what a patch writes,
 * the transformers copy on write, a JSON patch works on a copy. So the documents read from a file can be kept
 * by its text, and the outcome of a patch or of a kustomization's transformers by the identity of what went in:
 * after an edit of one patch, every resource that patch does not touch is the same object as in the last render
 * (and its printed text, parse and findings are reused downstream). All of them carry their origins in one
 * `Origins`, which is shared for that reason; it holds them weakly. A value is the same object only while every
 * file its origins name has the same text (what an inline patch writes is kept by its kustomization's whole text),
 * so where a finding on it lands in those files can be kept by the value too.
 */
export class RenderMemo {
  readonly origins = new Origins();
  private readonly documents = new Map<string, Map<string, unknown>>();
  private readonly patches = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();
  private readonly transforms = new Map<string, { kustomization: Kustomization; outputs: WeakMap<object, Json> }>();
  private readonly kustomizations = new Map<string, Kustomization | undefined>();

  /** `parseKustomization` by text: the transformers' outputs are kept by the parse's identity. The result is only read. */
  readonly kustomization = (text: string): Kustomization | undefined => {
    if (!this.kustomizations.has(text)) {
      if (this.kustomizations.size >= MAX_KUSTOMIZATIONS) this.kustomizations.clear();
      this.kustomizations.set(text, parseKustomization(text));
    }
    return this.kustomizations.get(text);
  };

  /** What `read()` makes of `text` as the file's `use` (its documents as resources, as patches…), kept by text. */
  documentsOf<T>(file: string, use: string, text: string, read: () => T): T {
    const key = `${file}\u0000${use}`;
    let texts = this.documents.get(key);
    if (!texts) this.documents.set(key, (texts = new Map()));
    if (texts.has(text)) return texts.get(text) as T;
    const value = read();
    texts.set(text, value);
    if (texts.size > TEXTS_PER_FILE) texts.delete(texts.keys().next().value as string);
    return value;
  }

  /**
   * `apply()`, `patch` applied to `base` in the way `how` names (a strategic merge, retargeted or not, or a JSON
   * patch), kept by the identity of both.
   */
  patched<T>(base: object, patch: object, how: string, apply: () => T): T {
    let byPatch = this.patches.get(base);
    if (!byPatch) this.patches.set(base, (byPatch = new WeakMap()));
    let outcomes = byPatch.get(patch);
    if (!outcomes) byPatch.set(patch, (outcomes = new Map()));
    if (!outcomes.has(how)) outcomes.set(how, apply());
    return outcomes.get(how) as T;
  }

  /** `transform()`, the transformers of the kustomization in `file` applied to `value`, kept by the parse and the value. */
  transformed(file: string, kustomization: Kustomization, value: Json, transform: () => Json): Json {
    let entry = this.transforms.get(file);
    if (entry?.kustomization !== kustomization) this.transforms.set(file, (entry = { kustomization, outputs: new WeakMap() }));
    let output = entry.outputs.get(value);
    if (!output) entry.outputs.set(value, (output = transform()));
    return output;
  }
}
