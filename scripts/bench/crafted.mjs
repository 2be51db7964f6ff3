// Crafted manifests that once cost time proportional to the square of their size: each aims at one regex or
// check that sees manifest text. Shared by the linear-time test (test/unit/robustness/linear-time.test.ts) and
// the benchmark's worst-case row (scripts/bench.mjs). The same size always gives the same text.

/** @param {string} containers */
const pod = (containers) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: crafted\nspec:\n  containers:\n${containers}`;
/** @param {string} body */
const configMap = (body) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crafted\ndata:\n${body}`;
/** @param {number} bytes @param {number} unit */
const count = (bytes, unit) => Math.max(1, Math.floor(bytes / unit));
/** Where an editor would ask: the end of the text, and the middle. @param {string} text */
const endAndMiddle = (text) => [text.length, text.length - 1, Math.floor(text.length / 2)];

/** @type {readonly { name: string, make: (bytes: number) => { text: string, offsets: number[] } }[]} */
export const CRAFTED = [
  {
    name: 'image-tag placeholder: an image of "<<<…"',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: "${'<'.repeat(bytes)}"\n`)),
  },
  {
    name: 'tail -f detection: a command "tail -fff…f1"',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "tail -${'f'.repeat(bytes)}1"]\n`)),
  },
  {
    name: 'while-true detection: "while true" and a run of spaces',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: busybox:1.36\n    args: ["while true${' '.repeat(bytes)}x"]\n`)),
  },
  {
    name: 'wide map: a ConfigMap with one key per line (40,000 keys near 470 KB)',
    make: (bytes) => withOffsets(configMap(Array.from({ length: count(bytes, 12) }, (_, i) => `  k${String(i).padStart(6, '0')}: v\n`).join(''))),
  },
  {
    name: 'duplicate keys: a ConfigMap repeating one key',
    make: (bytes) => withOffsets(configMap('  same: v\n'.repeat(count(bytes, 10)))),
  },
  {
    name: 'completion key: a line of spaces inside a container',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: nginx:1.27\n    k${' '.repeat(bytes)}x`), endAndMiddle),
  },
  {
    name: 'completion value: a line of "- - - …"',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: nginx:1.27\n    args:\n    ${'- '.repeat(count(bytes, 2))}x: y#`), endAndMiddle),
  },
  {
    name: 'flow completion: nested "{a: " to the end of the line',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: nginx:1.27\n    env: [${'{a: '.repeat(count(bytes, 4))}`), endAndMiddle),
  },
  {
    name: 'indentation and comments: a line of blanks and " #"',
    make: (bytes) => withOffsets(pod(`  - name: app\n    image: nginx:1.27\n    k:${' \t'.repeat(count(bytes, 4))}x${' #'.repeat(count(bytes, 4))}\n`), endAndMiddle),
  },
  {
    name: 'suppression comment: a reason of "-- -- …"',
    make: (bytes) => withOffsets(pod(`  - name: app # sidecar-lint-disable-line missing-probes ${'-- '.repeat(count(bytes, 3))}\u2028\n    image: nginx:1.27\n`)),
  },
  {
    name: 'hover on a dash: thousands of containers',
    make: (bytes) => {
      // Each container carries a comment, so 1 MB holds a few thousand (the whole core per container dominates).
      const padding = `    # ${'x'.repeat(300)}\n`;
      const items = Array.from({ length: count(bytes, 340) }, (_, i) => `  - name: c${i + 1}\n    image: nginx:1.27\n${padding}`).join('');
      const text = pod(`  - name: c0\n    image: nginx:1.27\n${items}`);
      const dash = text.indexOf('  - name: c0') + 2;
      return { text, offsets: [dash, dash + 1, text.length] };
    },
  },
];

/**
 * @param {string} text
 * @param {(text: string) => number[]} [offsets]
 */
function withOffsets(text, offsets = (t) => [0, Math.floor(t.length / 2), t.length]) {
  return { text, offsets: offsets(text) };
}
