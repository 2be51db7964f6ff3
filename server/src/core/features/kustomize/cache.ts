import type { Validator } from '../validation';
import { ManifestParser, parseManifest, type ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import { stringify } from 'yaml';
import { isKustomizationFileName, type KustomizeHost } from '../../workspace/kustomize/host';
import type { Kustomization } from '../../workspace/kustomize/kustomization';
import { validateOverlay, type OverlayCheck, type Placed } from './overlay-validation';
import { normalize } from '../../workspace/kustomize/paths';
import { RenderMemo } from '../../workspace/kustomize/render-memo';
import { indexKustomizations, patchUsers, type KustomizationIndex, type PatchUsers } from '../../workspace/kustomize/users';

/** Parses kept at most (texts of files read by renders); past it the memo starts over. */
const MAX_PARSES = 2000;

interface CachedCheck {
  settings: string;
  check: OverlayCheck;
  /** Every path the render read or looked for (files, folders, kustomization names that were not there). */
  reads: Set<string>;
}

/**
 * Rendered and checked overlays, kept until a path they read changes. Each entry records every path its render
 * read or looked for, so a change to one (an edit of an open buffer, a save, a file created, changed or deleted on
 * disk) drops exactly the overlays that depend on it. Host answers are remembered too (disk reads are the slow
 * part) and dropped the same way; so is the index of kustomizations when a kustomization file comes or goes.
 */
export class KustomizeCache {
  private readonly texts = new Map<string, string | undefined>();
  private readonly folders = new Map<string, boolean>();
  private readonly listings = new Map<string, string[] | undefined>();
  private readonly checks = new Map<string, CachedCheck>();
  private readonly indexes = new Map<string, KustomizationIndex>();
  private readonly usersOf = new Map<string, { users: PatchUsers; reads: Set<string> }>();
  private readonly recording: Set<string>[] = [];
  /** Parses by text (files of the bases do not change when a patch is edited), and a parser per overlay's rendering. */
  private readonly parses = new Map<string, ManifestFile>();
  private readonly parsers = new Map<string, ManifestParser>();
  readonly parse = (text: string): ManifestFile => {
    let file = this.parses.get(text);
    if (!file) {
      if (this.parses.size >= MAX_PARSES) this.parses.clear();
      this.parses.set(text, (file = parseManifest(text)));
    }
    return file;
  };
  /** Documents, merges, transformer outputs and kustomization parses of earlier renders (rendered values are never changed in place). */
  private memo = new RenderMemo();
  /** `parseKustomization` by text (read only by the renders and by patchUsers). */
  readonly kustomization = (text: string): Kustomization | undefined => this.memo.kustomization(text);
  /** YAML text of rendered values, by identity: a resource no edit touched is the same object as in the last render. */
  private printed = new WeakMap<object, string>();
  /** Where findings on rendered values landed in their files, by value (see OverlayReuse.places). */
  private places = new WeakMap<object, Map<number, Placed>>();
  /** Renders done (not answered from the cache), for tests and the benchmark. */
  renders = 0;

  /** `host` with its answers remembered until `invalidate`. */
  wrap(host: KustomizeHost): KustomizeHost {
    const remember = <T>(map: Map<string, T>, path: string, read: () => T): T => {
      for (const reads of this.recording) reads.add(path);
      if (!map.has(path)) map.set(path, read());
      return map.get(path) as T;
    };
    const wrapped: KustomizeHost = {
      readFile: (path) => remember(this.texts, path, () => host.readFile(path)),
      isDirectory: (path) => remember(this.folders, path, () => host.isDirectory(path)),
    };
    if (host.subfolders) wrapped.subfolders = (path) => remember(this.listings, path, () => host.subfolders?.(path));
    // Listings for completion are read fresh: they are asked for once per request and never kept.
    if (host.entries) wrapped.entries = (path) => host.entries?.(path);
    return wrapped;
  }

  /**
   * The overlay in `dir` rendered and checked, from the cache while nothing it read changed. `current`: the
   * caller's parse of a file it is checking (the patch being edited), used for that text instead of parsing it
   * again; it is not kept (an editor's parser may take its tree over for the next version).
   */
  overlay(validator: Validator, host: KustomizeHost, dir: string, settings: Settings, current?: ManifestFile): OverlayCheck {
    const key = JSON.stringify(settings);
    const cached = this.checks.get(dir);
    if (cached && cached.settings === key) return cached.check;
    const reads = new Set<string>();
    this.recording.push(reads);
    try {
      this.renders++;
      let parser = this.parsers.get(dir);
      if (!parser) this.parsers.set(dir, (parser = new ManifestParser()));
      // Each render prints its resources again; most are the very objects of the last render.
      const print = (value: unknown): string => {
        if (typeof value !== 'object' || value === null) return stringify(value);
        let text = this.printed.get(value);
        if (text === undefined) this.printed.set(value, (text = stringify(value)));
        return text;
      };
      const parse = current ? (text: string) => (text === current.text ? current : this.parse(text)) : this.parse;
      const check = validateOverlay(validator, this.wrap(host), dir, settings, { parse, parser, kustomization: this.kustomization, memo: this.memo, stringify: print, places: this.places });
      this.checks.set(dir, { settings: key, check, reads });
      return check;
    } finally {
      this.recording.pop();
    }
  }

  /**
   * The overlays that use `path` as a patch (patchUsers, with the index of `root`), kept until a path it read
   * changes or a kustomization file comes or goes: an edit of the patch itself does not ask again.
   */
  users(host: KustomizeHost, path: string, root: string): PatchUsers {
    const key = `${normalize(path)}\u0000${normalize(root)}`;
    const cached = this.usersOf.get(key);
    if (cached) return cached.users;
    const reads = new Set<string>();
    this.recording.push(reads);
    try {
      const users = patchUsers(this.wrap(host), path, root, this.index(host, root), this.kustomization);
      this.usersOf.set(key, { users, reads });
      return users;
    } finally {
      this.recording.pop();
    }
  }

  /** The kustomizations below a workspace folder (walked once, until a kustomization file is created or deleted). */
  index(host: KustomizeHost, root: string): KustomizationIndex {
    let index = this.indexes.get(root);
    if (!index) this.indexes.set(root, (index = indexKustomizations(this.wrap(host), root)));
    return index;
  }

  /** A path changed, appeared or vanished: forget what was read from it and the overlays that read it. */
  invalidate(path: string): void {
    const changed = normalize(path);
    this.texts.delete(changed);
    this.folders.delete(changed);
    const parent = changed.slice(0, Math.max(1, changed.lastIndexOf('/')));
    this.listings.delete(parent);
    this.listings.delete(changed);
    for (const [dir, entry] of this.checks) if (entry.reads.has(changed)) this.checks.delete(dir);
    for (const [key, entry] of this.usersOf) if (entry.reads.has(changed)) this.usersOf.delete(key);
    if (isKustomizationFileName(changed)) {
      this.indexes.clear();
      this.usersOf.clear();
    }
  }

  clear(): void {
    this.texts.clear();
    this.folders.clear();
    this.listings.clear();
    this.checks.clear();
    this.indexes.clear();
    this.usersOf.clear();
    this.parses.clear();
    this.parsers.clear();
    this.memo = new RenderMemo();
    this.printed = new WeakMap();
    this.places = new WeakMap();
  }
}
