// A spec change touches only the generated files it is about: no file carries
// the spec's hash (that is the provenance stamp's job), so a pull request's
// generated diff shows exactly what the change did, and a regeneration
// rewrites, formats and writes only that.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.ts';
import { synthesizeSpec } from '../../bench/support/synth-spec.mjs';
import { repoRoot } from './support/paths.ts';

const scratch = path.join(repoRoot, '.test-out/stable-output');

function writeSpec(name: string, spec: object): string {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(spec));
  return path.join(dir, 'openapi.json');
}

describe('generated files after a one-resource spec change', () => {
  it('changes only the files about that resource, the whole-API files and the stamp', async () => {
    const spec = synthesizeSpec(3) as { components: { schemas: Record<string, { description?: string }> } };
    const names = Object.keys(spec.components.schemas);
    const changed = names.find((n) => n.endsWith('Update'))!.replace(/Update$/, '');
    const before = await generate(writeSpec('before', spec), { cacheDir: null });
    spec.components.schemas[`${changed}Update`]!.description = 'A new description, in one place only.';
    const after = await generate(writeSpec('after', spec), { cacheDir: null });

    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const differing = [...after.keys()].filter((name) => after.get(name) !== before.get(name)).sort();
    const kebab = changed.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    // The resource's model and docs page, the raw types and bundled spec, and the stamp's hash.
    expect(differing).toEqual(
      ['.generate-stamp.json', `docs/${kebab}.md`, `models/${kebab}.ts`, 'openapi-types.ts', 'openapi.json'].sort(),
    );
    // The other resources' files are byte for byte what they were.
    const others = [...after.keys()].filter((name) => /^(models|client|docs)\//.test(name) && !name.includes(kebab));
    expect(others.length).toBeGreaterThan(6);
    for (const name of others) expect(after.get(name), name).toBe(before.get(name));
  });
});
