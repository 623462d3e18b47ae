// openapi.json skips prettier: render/prettier-json.ts prints prettier's JSON
// layout itself. These tests hold it to that, byte for byte, on the
// project's spec, every fixture spec, a synthetic spec and generated values;
// where the printer declines (returns null) the generator runs prettier, so
// a decline is never wrong, only slower, and the real specs must not need it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { printJsonLikePrettier } from '../../../scripts/render/prettier-json.ts';
import { load } from '../../../scripts/pipeline/load.ts';
import { synthesizeSpec } from '../../../bench/support/synth-spec.mjs';
import { fixturesDir, repoRoot } from '../support/paths.ts';
import { goldenFixtures } from '../support/golden.ts';

const prettierJson = (value: unknown, printWidth: number) =>
  prettier.format(JSON.stringify(value, null, 2), { parser: 'json', printWidth });

describe('printJsonLikePrettier', () => {
  it('prints the committed bundled spec exactly as prettier does', async () => {
    const value = JSON.parse(readFileSync(path.join(repoRoot, 'generated/openapi.json'), 'utf8'));
    expect(printJsonLikePrettier(value, 120)).toBe(await prettierJson(value, 120));
  });

  it('prints every fixture spec and a synthetic spec exactly as prettier does, at several widths', async () => {
    const specs: [string, unknown][] = [['synthetic', synthesizeSpec(12)]];
    for (const f of goldenFixtures()) specs.push([f.name, (await load(f.specFile)).bundled]);
    for (const [name, spec] of specs)
      for (const width of [120, 60, 30]) {
        const ours = printJsonLikePrettier(spec, width);
        expect(ours, `${name}: declined at width ${width}`).not.toBeNull();
        expect(ours, name).toBe(await prettierJson(spec, width));
      }
  });

  it('declines, rather than guesses, where the display width of the text is not its length', async () => {
    const spec = (await load(path.join(fixturesDir, 'hostile-text/spec/openapi.yaml'))).bundled;
    const ours = printJsonLikePrettier(spec, 120);
    if (ours !== null) expect(ours).toBe(await prettierJson(spec, 120));
    expect(printJsonLikePrettier({ tags: ['名前', 'x'] }, 120)).toBeNull();
  });

  it('prints generated JSON values exactly as prettier does, or declines', async () => {
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(8, 20, 40, 120), async (value, width) => {
        const ours = printJsonLikePrettier(value, width);
        if (ours === null) return;
        printed++;
        expect(ours).toBe(await prettierJson(value, width));
      }),
      { numRuns: 400 },
    );
    expect(printed).toBeGreaterThan(200);
  });

  it('lays out the cases prettier decides by width and shape', () => {
    const doc = {
      a: ['x', 'y'],
      b: [
        [1, 2],
        [3, 4],
      ],
      c: [{}],
      d: [{ e: 1 }],
      f: [],
      g: {},
    };
    expect(printJsonLikePrettier(doc, 120)).toBe(
      [
        '{',
        '  "a": ["x", "y"],',
        '  "b": [',
        '    [1, 2],',
        '    [3, 4]',
        '  ],',
        '  "c": [{}],',
        '  "d": [',
        '    {',
        '      "e": 1',
        '    }',
        '  ],',
        '  "f": [],',
        '  "g": {}',
        '}',
        '',
      ].join('\n'),
    );
    // 14 columns: `  "a": ["x", "y"],` is 18, so the array breaks.
    expect(printJsonLikePrettier({ a: ['x', 'y'], b: 1 }, 14)).toBe(
      '{\n  "a": [\n    "x",\n    "y"\n  ],\n  "b": 1\n}\n',
    );
    // Numbers that do not fit are filled by prettier: declined.
    expect(printJsonLikePrettier({ a: [1, 2, 3, 4, 5, 6] }, 10)).toBeNull();
  });
});
