import type { Validator } from '../validation';
import { parseManifest, type ManifestFile } from '../../parse/manifest';
import type { Settings } from '../../settings';
import type { KustomizeCache } from './cache';
import type { KustomizeHost } from '../../workspace/kustomize/host';
import { validateOverlay, type OverlayCheck } from './overlay-validation';
import { normalize } from '../../workspace/kustomize/paths';
import type { ParseText, RenderedResource } from '../../workspace/kustomize/render';
import { patchUsers, type PatchUser, type PatchUsers } from '../../workspace/kustomize/users';

/** Where the file being checked sits, and how to read the others. */
export interface KustomizeContext {
  /** Absolute POSIX path of the file. */
  path: string;
  /** The workspace folder: kustomizations are looked for up to it. */
  root: string;
  host: KustomizeHost;
  /** Rendered overlays and host reads kept between checks (the editor's; the CLI's for one run). */
  cache?: KustomizeCache;
}

/** One request's view of the kustomizations: reads, renders and the overlays that use the file, through the cache when there is one. */
export interface KustomizeSession {
  host: KustomizeHost;
  parse: ParseText;
  /** The overlay in `dir` rendered and checked. */
  check(dir: string): OverlayCheck;
  /** The overlays that use the context's file as a patch; `listed` when some kustomization names it. */
  users(): PatchUsers;
  /** The rendered resources that document `doc` of the file patched (any document when left out), per overlay that uses it. */
  patched(doc?: number): PatchedResource[];
}

export interface PatchedResource {
  user: PatchUser;
  check: OverlayCheck;
  /** Index into `check.render.resources` (= slot of `check.merged`). */
  index: number;
  resource: RenderedResource;
}

/** `current`: the caller's parse of the context's file, used for its text (it is not parsed again). */
export function kustomizeSession(validator: Validator, context: KustomizeContext, settings: Settings, current?: ManifestFile): KustomizeSession {
  const { cache } = context;
  const host = cache ? cache.wrap(context.host) : context.host;
  let users: PatchUsers | undefined;
  const path = normalize(context.path);
  const session: KustomizeSession = {
    host,
    parse: cache ? cache.parse : parseManifest,
    check: (dir) =>
      cache ? cache.overlay(validator, context.host, dir, settings, current) : validateOverlay(validator, host, dir, settings, current && { parse: (text) => (text === current.text ? current : parseManifest(text)) }),
    // Overlays elsewhere in the workspace that share the patch (through a component) are found with the cache's index.
    users: () => (users ??= cache ? cache.users(context.host, context.path, context.root) : patchUsers(host, context.path, context.root)),
    patched: (doc) =>
      session.users().users.flatMap((user) => {
        const check = session.check(user.dir);
        return check.render.resources.flatMap((resource, index) =>
          resource.patchedBy.some((origin) => origin.file === path && !origin.inline && (doc === undefined || origin.doc === doc)) ? [{ user, check, index, resource }] : [],
        );
      }),
  };
  return session;
}
