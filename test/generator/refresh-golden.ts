// Regenerates every golden tree: test/fixtures/<feature>/expected/ becomes
// exactly what generate returns for test/fixtures/<feature>/spec/
// (the generator's own files only, see support/golden.ts). The golden
// test never writes; run this on purpose, then read every changed file and
// check it says what the spec says before committing it.
//
//   npm run golden:refresh                 every feature fixture
//   npm run golden:refresh -- pagination   only the ones named
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../scripts/generate.ts';
import { diffTrees, goldenFixtures, goldenOutput, readTree } from './support/golden.ts';
import { repoRoot } from './support/paths.ts';

const only = process.argv.slice(2);
const fixtures = goldenFixtures().filter((f) => !only.length || only.includes(f.name));
if (only.length && fixtures.length !== only.length) {
  console.error(
    `refresh-golden: no fixture named ${only.filter((n) => !fixtures.some((f) => f.name === n)).join(', ')}`,
  );
  process.exit(2);
}
for (const fixture of fixtures) {
  const files = goldenOutput(await generate(fixture.specFile));
  const diff = diffTrees(readTree(fixture.expectedDir), files);
  rmSync(fixture.expectedDir, { recursive: true, force: true });
  for (const [file, text] of files) {
    const full = path.join(fixture.expectedDir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const changes = [
    ...diff.missing.map((f) => `-${f}`),
    ...diff.extra.map((f) => `+${f}`),
    ...diff.changed.map((f) => `~${f}`),
  ];
  console.log(
    `${path.relative(repoRoot, fixture.expectedDir)}: ${files.size} files${changes.length ? `; ${changes.join(' ')}` : ', unchanged'}`,
  );
}
