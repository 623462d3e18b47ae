// The committed generated/ and every golden tree type-check under
// tsc --strict, in one tsc run. Golden trees are copied to
// .test-out/typecheck/<feature>/; their `astra-control-sdk/runtime` imports
// resolve to src/runtime-entry.ts (support/tsc.ts), generated/'s relative
// ones to the same file.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from './support/golden.ts';
import { listFiles, repoRoot, scratchGroup } from './support/paths.ts';
import { typecheck } from './support/tsc.ts';

describe('type-check', () => {
  it('generated/ and every fixture expected tree compile under tsc --strict', async () => {
    const group = scratchGroup('typecheck');
    const files = listFiles(path.join(repoRoot, 'generated'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(repoRoot, 'generated', f));
    const fixtures = goldenFixtures();
    for (const fixture of fixtures) {
      const copy = path.join(group, fixture.name);
      cpSync(fixture.expectedDir, copy, { recursive: true });
      files.push(
        ...listFiles(copy)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(copy, f)),
      );
    }
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
    expect(files.filter((f) => f.startsWith(path.join(repoRoot, 'generated'))).length).toBeGreaterThan(90);

    const result = await typecheck(group, files);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
