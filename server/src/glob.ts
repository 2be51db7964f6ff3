/**
 * Just enough glob matching for `sidecar-lint 'k8s/**\/*.yaml'` without a dependency: `*` (within one path
 * segment), `**` (any number of segments), `?`, `[abc]` / `[!abc]` classes and `{a,b}` alternatives.
 * Paths are matched with `/` separators; callers convert Windows paths first.
 */

const MAGIC = /[*?[{]/;

/** Whether a command-line argument is a pattern rather than a literal path. */
export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/**
 * The literal folder a pattern starts from (`k8s/apps` for `k8s/apps/**\/*.yaml`), so the walk visits only
 * what can match. `.` when the first segment already holds magic.
 */
export function globBase(pattern: string): string {
  const segments = toSlashes(pattern).split('/');
  const literal: string[] = [];
  for (const segment of segments) {
    if (hasGlobMagic(segment)) break;
    literal.push(segment);
  }
  if (literal.length === segments.length) literal.pop(); // no magic at all: the folder of the file
  if (literal.length === 1 && literal[0] === '') return '/';
  return literal.join('/') || '.';
}

/** Compiles a glob into an anchored regular expression over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  const source = `^${translate(toSlashes(pattern).replace(/^\.\//, ''))}$`;
  try {
    return new RegExp(source);
  } catch {
    // Classes are the only part passed through as written: a range out of order such as [z-a].
    throw new GlobError(`Invalid glob "${pattern}": a character class such as [a-z] must run from low to high.`);
  }
}

/** A glob that cannot be compiled, with a message for the user. */
export class GlobError extends Error {}

export function matchesGlob(pattern: string, filePath: string): boolean {
  return globToRegExp(pattern).test(toSlashes(filePath).replace(/^\.\//, ''));
}

export function toSlashes(filePath: string): string {
  return filePath.replace(/\\/g, '/');
}

function translate(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more whole segments; a trailing `**` matches everything below.
          if (i + 2 === pattern.length) out += '.*';
          else out += '(?:[^/]*(?:/|$))*';
          i += pattern[i + 2] === '/' ? 3 : 2;
          continue;
        }
        // `a**b` inside a segment behaves like `*`.
        out += '[^/]*';
        i += 2;
        continue;
      }
      out += '[^/]*';
      i++;
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close + 1;
    } else if (ch === '{') {
      const close = matchingBrace(pattern, i);
      if (close < 0) {
        out += '\\{';
        i++;
        continue;
      }
      const alternatives = splitTopLevel(pattern.slice(i + 1, close));
      out += `(?:${alternatives.map(translate).join('|')})`;
      i = close + 1;
    } else {
      out += ch.replace(/[.+^$()|\\\]}]/g, '\\$&');
      i++;
    }
  }
  return out;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    current += ch;
  }
  parts.push(current);
  return parts;
}
