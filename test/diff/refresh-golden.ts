// Rewrites the golden markdown report of the sample release
// (test/fixtures/diff/release-major/expected.md) from the current formatter.
// Review the diff before committing it.
//
//   npx tsx test/diff/refresh-golden.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../scripts/diff/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const release = 'test/fixtures/diff/release-major';
let markdown = '';
await main([`${release}/base.yaml`, `${release}/revision.yaml`], {
  cwd: root,
  out: (t) => (markdown += t),
  err: (t) => process.stderr.write(t),
});
writeFileSync(path.join(root, release, 'expected.md'), markdown);
console.log(`wrote ${release}/expected.md`);
