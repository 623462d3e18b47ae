// The package's entry points: the one table the build, the exports-map check
// and the package tests read. Adding an entry point (such as `./testing`,
// whose source is src/testing/index.ts) is one row here plus its block in
// package.json's `exports`, which test/package/exports.test.ts compares with
// this table.

/** @type {readonly { subpath: string; source: string }[]} */
export const entries = [
  { subpath: '.', source: 'src/index.ts' },
  { subpath: './raw', source: 'src/raw-entry.ts' },
  { subpath: './runtime', source: 'src/runtime-entry.ts' },
  { subpath: './testing', source: 'src/testing/index.ts' },
];

/** Where `npm run build` writes the two halves. */
export const formats = [
  { name: 'esm', dir: 'dist/esm', condition: 'import' },
  { name: 'cjs', dir: 'dist/cjs', condition: 'require' },
];

/** `src/index.ts` built in `dist/esm` → `./dist/esm/src/index.js` (and `.d.ts`). */
export function builtPath(dir, source, extension) {
  return `./${dir}/${source.replace(/\.ts$/, extension)}`;
}

/** The `exports` block an entry must have: types first in each condition. */
export function exportsBlock(source) {
  return Object.fromEntries(
    formats.map((f) => [
      f.condition,
      { types: builtPath(f.dir, source, '.d.ts'), default: builtPath(f.dir, source, '.js') },
    ]),
  );
}
