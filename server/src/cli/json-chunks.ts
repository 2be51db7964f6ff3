/**
 * `JSON.stringify(value, null, 2)` in pieces: the same text, but the outer `levels` of arrays and objects are
 * written an entry at a time, so a report with millions of findings never becomes one string (V8 caps a string
 * near 2^29 characters; a JSON report of ~900k findings passed it). Below `levels`, each entry is one
 * `JSON.stringify` re-indented to its depth (string contents hold no raw line break, so that is exact).
 * Values are plain data: no toJSON, no cycles.
 */
export function* jsonChunks(value: unknown, levels: number, indent = ''): Generator<string> {
  if (levels > 0 && value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries: [string | undefined, unknown][] = Array.isArray(value)
      ? value.map((item: unknown) => [undefined, item])
      : Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      yield `${open}${close}`;
      return;
    }
    yield open;
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i];
      yield `\n${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
      yield* jsonChunks(item, levels - 1, inner);
      if (i < entries.length - 1) yield ',';
    }
    yield `\n${indent}${close}`;
    return;
  }
  // In an array JSON.stringify writes undefined, functions and symbols as null.
  const text = JSON.stringify(value, null, 2) ?? 'null';
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** Joins small pieces into blocks of about `size` characters before handing them on (fewer writes). */
export function* blocks(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    buffer.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}
