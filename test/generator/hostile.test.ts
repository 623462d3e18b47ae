// Hostile specs (test/fixtures/hostile-*/): text that must reach the output
// exactly and only as text, names that are not identifiers, recursion and
// depth. Each spec is generated with the CLI into .test-out/hostile/<name>/,
// then the output is read back with the TypeScript compiler and compared with
// the spec, and compiled under tsc --strict.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseSpecText, type JsonObject } from '../../scripts/pipeline/load.ts';
import jsYaml from 'js-yaml';
import {
  descriptors,
  jsDocText,
  problemEntries,
  propertyNames,
  stringLiteralUnion,
  typeAliases,
} from './support/ast.ts';
import { fixturesDir, listFiles, repoRoot, scratchGroup } from './support/paths.ts';
import { typecheck, type TscResult } from './support/tsc.ts';
import { cli, type CliRun } from './support/cli.ts';

const GENERATED = ['hostile-text', 'hostile-recursion', 'hostile-deep-allowed', 'hostile-prototype-keys'];
const specOf = (name: string) => path.join(fixturesDir, name, 'spec/openapi.yaml');
const rel = (p: string) => path.relative(repoRoot, p);

let group: string;
const runs = new Map<string, CliRun>();
const outDir = (name: string) => path.join(group, name);
const read = (name: string, file: string) => readFileSync(path.join(outDir(name), file), 'utf8');
const filesOf = (name: string) => listFiles(outDir(name));
let tsc: TscResult;

beforeAll(async () => {
  group = scratchGroup('hostile');
  for (const name of GENERATED) runs.set(name, await cli(['--spec', rel(specOf(name)), '--out', rel(outDir(name))]));
  const tsFiles = GENERATED.flatMap((n) =>
    filesOf(n)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(outDir(n), f)),
  );
  tsc = await typecheck(group, tsFiles);
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).__hostileRan;
});

describe('hostile specs that must generate', () => {
  it.each(GENERATED)('%s generates', (name) => {
    const run = runs.get(name)!;
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('the output compiles under tsc --strict', () => {
    expect(tsc.output).toBe('');
    expect(tsc.ok).toBe(true);
  });

  it('every output file stays inside its output folder; nothing lands beside it', () => {
    for (const name of GENERATED) {
      const dir = outDir(name);
      for (const file of filesOf(name)) {
        const full = path.resolve(dir, file);
        expect(full.startsWith(dir + path.sep), file).toBe(true);
        expect(file.split('/')).not.toContain('..');
      }
    }
    // The scratch group holds only the src link, the tsconfig and one folder per spec.
    const top = new Set(listFiles(group).map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['src', 'tsconfig.json', ...GENERATED].sort());
    // Tags and operationIds that climb (`../../../escape/tag`, `../../etc/passwd`) became plain names.
    expect(filesOf('hostile-text')).toEqual(
      expect.arrayContaining(['client/escape-tag.ts', 'docs/escape-tag.md', 'docs/a-b.md', 'docs/resource.md']),
    );
    expect(existsSync(path.join(repoRoot, 'escape'))).toBe(false);
  });
});

describe('hostile-text: the output says exactly what the spec says', () => {
  const spec = parseSpecText(readFileSync(specOf('hostile-text'), 'utf8'), 'hostile-text') as JsonObject;
  const schemas = (spec.components as JsonObject).schemas as JsonObject;
  const models = () =>
    new Map([
      ...typeAliases(read('hostile-text', 'models/common.ts')),
      ...typeAliases(read('hostile-text', 'models/escape-tag.ts')),
    ]);

  it('enum values, with quotes, backslashes, newlines, separators and case-folding twins, are byte-exact and in order', () => {
    const want = (schemas.HostileEnum as JsonObject).enum as string[];
    expect(want).toEqual(expect.arrayContaining(['A', 'a', 'two\nlines', 'back\\slash', 'sep\u2028arator']));
    expect(stringLiteralUnion(models().get('HostileEnum')!.type)).toEqual(want);
    expect(stringLiteralUnion(models().get('Constructor')!.type)).toEqual(['toString', 'valueOf']);
  });

  it('property names (reserved, not identifiers, __proto__, constructor) are byte-exact and in order', () => {
    const want = Object.keys((schemas.Hostile as JsonObject).properties as JsonObject);
    expect(want).toEqual(
      expect.arrayContaining([
        'class',
        'a-b',
        '1x',
        'with space',
        '"quote',
        '__proto__',
        'constructor',
        'back\\slash',
        '*/',
        '${x}',
        '{{x}}',
      ]),
    );
    expect(propertyNames(models().get('Hostile')!.type)).toEqual(want);
    expect(propertyNames(models().get('Proto')!.type)).toEqual(['constructor']);
  });

  it('schema names that collide after naming get distinct types', () => {
    expect([...models().keys()].sort()).toEqual([
      'AB',
      'AB2',
      'Constructor',
      'Hostile',
      'HostileEnum',
      'HostileList',
      'Proto',
      'T1x',
    ]);
    expect(models().get('AB')!.type.getText()).toBe('string');
    expect(models().get('AB2')!.type.getText()).toBe('number');
  });

  it('operationIds, paths and parameter names reach the descriptors byte-exact', () => {
    const found = [...descriptors(read('hostile-text', 'client/escape-tag.ts')).values()];
    const want: [string, string, string[]][] = [];
    for (const [p, item] of Object.entries(spec.paths as JsonObject)) {
      for (const m of ['get', 'post', 'put', 'delete']) {
        const op = (item as JsonObject)[m] as JsonObject | undefined;
        if (op)
          want.push([
            op.operationId as string,
            p,
            [...p.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!).filter((n) => n !== 'account_id'),
          ]);
      }
    }
    expect(found.map((d) => [d.id, d.path, d.pathParams]).sort()).toEqual(want.sort());
    expect(found.map((d) => d.id).sort()).toEqual(['../../etc/passwd', '__proto__', 'a/b', 'constructor']);
  });

  it('problem titles and extensions are byte-exact; their constant names are safe', () => {
    const entries = problemEntries(read('hostile-text', 'problems.ts'));
    expect([...entries.keys()]).toEqual(['proto', 'constructor_', 'x']);
    expect([...entries.values()]).toEqual([
      { title: '__proto__', extensions: ['*/', "it's"] },
      { title: 'constructor', extensions: [] },
      { title: '../../x', extensions: [] },
    ]);
  });

  it('descriptions stay inside their doc comments, comment closers neutralised', () => {
    const hostile = models().get('Hostile')!;
    const doc = jsDocText(hostile);
    expect(doc).toContain(
      'Ends the comment *\\/ then /* opens one; `backticks` ``` fences; ${process.exit(3)}; {{constructor}} {{{x}}} {{#each this}}x{{/each}} <script>alert(1)</script> [a](b) # h',
    );
    expect(doc).toContain('@example {"class":"*\\/ ``` </script>","a-b":"${x}"}');
  });

  it('nothing from the spec is executed or treated as a template', () => {
    expect((globalThis as Record<string, unknown>).__hostileRan).toBeUndefined();
    // Template syntax appears literally in every kind of output.
    expect(read('hostile-text', 'docs/index.md')).toContain('{{#each x}}loop{{/each}} ${globalThis.__hostileRan = 1}');
    expect(read('hostile-text', 'api.md')).toContain('List */ things {{#each this}}x{{/each}} `tick` ${1+1}');
    expect(read('hostile-text', 'client/escape-tag.ts')).toContain(
      'List *\\/ things {{#each this}}x{{/each}} `tick` ${1+1}',
    );
    expect(read('hostile-text', 'client/escape-tag.ts')).toContain(
      'Line two with \\u2028 separator and {{{triple}}} and <b>bold</b>',
    );
    expect(read('hostile-text', 'docs/escape-tag.md')).toContain('{{{raw}}}');
    expect(read('hostile-text', 'docs/escape-tag.md')).toContain(
      "| `options.headers['x-weird header */']` | `string` | no | header */ {{x}} |",
    );
    expect(read('hostile-text', 'openapi.json')).toContain('"version": "1.0.0 */ ${process.exit(7)}"');
  });

  it('markdown carries no raw HTML, headings or links from the spec', () => {
    for (const file of filesOf('hostile-text').filter((f) => f.endsWith('.md'))) {
      const body = read('hostile-text', file).replace(/^<!-- .* -->\n/, '');
      expect(body, file).not.toMatch(/<(script|img|b)\b/i);
      expect(body, file).not.toMatch(/^# Not a heading/m);
      expect(body, file).not.toMatch(/[^\\]\[link\]\(/);
    }
    expect(read('hostile-text', 'docs/index.md')).toContain(
      '# Hostile &lt;script&gt;alert(1)&lt;/script&gt; {{title}} */',
    );
    expect(read('hostile-text', 'docs/index.md')).toContain(
      '\\# Not a heading \\[link\\](javascript:alert(1)) \\| pipe \\|',
    );
  });
});

describe('hostile-recursion and depth', () => {
  it('recursion through pointers, odd names, modules and unions terminates with named or cut types', () => {
    const models = new Map([
      ...typeAliases(read('hostile-recursion', 'models/common.ts')),
      ...typeAliases(read('hostile-recursion', 'models/right.ts')),
    ]);
    expect(models.get('SelfRef1')!.type.getText()).toMatch(/next\?: SelfRef1;/);
    expect(models.get('Right')!.type.getText()).toMatch(/left\?: Left;/);
    expect(models.get('Expr')!.type.getText()).toMatch(/args: Expr\[\];/);
    // Recursion through array items is a recursive type, not a rejection.
    expect(models.get('JsonValue')!.type.getText()).toBe(
      'string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }',
    );
    expect(models.get('Nest')!.type.getText()).toBe('Nest[]');
    // The inline cycle is cut where it repeats.
    expect(models.get('Inline')!.type.getText().replace(/\s+/g, ' ')).toBe(
      '{ child?: { child?: { child?: unknown; }; }; }',
    );
  });

  it('a schema nested to the depth limit generates, every level kept', () => {
    const deep = typeAliases(read('hostile-deep-allowed', 'models/deep.ts')).get('Deep')!.type.getText();
    for (let i = 0; i < 47; i++) expect(deep).toContain(`n${i}?:`);
  });

  it('one level deeper is rejected, naming the file and the pointer; nothing is written', async () => {
    const out = outDir('hostile-too-deep');
    const run = await cli(['--spec', rel(specOf('hostile-too-deep')), '--out', rel(out)]);
    expect(run.code).toBe(1);
    // The first pointer longer than MAX_DEPTH (98 tokens).
    const pointer = `#/components/schemas/Deep${Array.from({ length: 48 }, (_, i) => `/properties/n${i}`).join('')}`;
    expect(pointer.split('/').length - 1).toBe(MAX_DEPTH + 1);
    expect(run.err).toContain(
      `test/fixtures/hostile-too-deep/spec/openapi.yaml${pointer}: nested more than ${MAX_DEPTH} levels deep`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('schemas that contain themselves with no object or array in between are rejected, each named', async () => {
    const out = outDir('hostile-recursion-rejected');
    const run = await cli(['--spec', rel(specOf('hostile-recursion-rejected')), '--out', rel(out)]);
    expect(run.code).toBe(1);
    const file = 'test/fixtures/hostile-recursion-rejected/spec/openapi.yaml';
    expect(run.err).toContain(
      `${file}#/components/schemas/A: schema "A" contains itself with no object or array in between (A → B → A)`,
    );
    expect(run.err).toContain(`${file}#/components/schemas/B: schema "B" contains itself`);
    expect(run.err).toContain(
      `${file}#/components/schemas/U: schema "U" contains itself with no object or array in between (U → U)`,
    );
    expect(run.err).not.toContain('Arr');
    expect(run.err).not.toContain('Holder');
    expect(existsSync(out)).toBe(false);
  });
});

describe('hostile-prototype-keys: names that are Object.prototype members', () => {
  it('every property keeps its name and optionality, in the models and in the raw types', () => {
    const models = typeAliases(read('hostile-prototype-keys', 'models/default.ts'));
    // The spec's `Record` is emitted as RecordModel: `Record` would shadow the global.
    const record = models.get('RecordModel')!.type.getText().replace(/\s+/g, ' ');
    for (const member of [
      'hasOwnProperty: string;',
      'constructor: string;',
      'valueOf?: number;',
      'isPrototypeOf?: boolean;',
      'toString?: string;',
      '__proto__?: string;',
    ])
      expect(record).toContain(member);
    const raw = read('hostile-prototype-keys', 'openapi-types.ts');
    expect(raw).toMatch(/hasOwnProperty: string;/);
    expect(raw).toMatch(/propertyIsEnumerable: "yes" \| "no";/);
    expect(raw).not.toContain('__astraPrototypeKey_');
  });
});

describe('the nesting limit agrees with the YAML loader', () => {
  const nested = (depth: number) => {
    let text = 'x';
    for (let i = 0; i < depth; i++) text = `{a: ${text}}`;
    return text;
  };
  it('js-yaml reads a value exactly MAX_DEPTH collections deep and refuses one more', () => {
    expect(() => jsYaml.load(nested(MAX_DEPTH), { schema: jsYaml.CORE_SCHEMA })).not.toThrow();
    expect(() => jsYaml.load(nested(MAX_DEPTH + 1), { schema: jsYaml.CORE_SCHEMA })).toThrow(/maxDepth/);
  });
  it('the loader reads the deeper text too (through the yaml library), so the one depth check decides', () => {
    expect(parseSpecText(nested(MAX_DEPTH + 1), 'deep.yaml')).toBeTruthy();
  });
});

describe('nesting far beyond the limit', () => {
  it.each(['json', 'yaml'])(
    'a %s document nested 200,000 levels is rejected with a location, not a crash',
    async (ext) => {
      const dir = path.join(scratchGroup('hostile-very-deep'), ext);
      mkdirSync(dir, { recursive: true });
      const spec = path.join(dir, `openapi.${ext}`);
      const nest = '['.repeat(200_000) + ']'.repeat(200_000);
      writeFileSync(
        spec,
        ext === 'json'
          ? `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"x-deep":${nest}}`
          : `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-deep: ${nest}\n`,
      );
      const out = path.join(dir, 'out');
      const run = await cli(['--spec', rel(spec), '--out', rel(out)]);
      expect(run.code).toBe(1);
      expect(run.err).toContain('the spec was rejected (1 problem); nothing was written.');
      expect(run.err).toMatch(new RegExp(`${rel(spec).replace(/[.]/g, '\\.')}(#/x-deep/0/0|:4:)`));
      expect(run.err).not.toMatch(/^\s+at /m);
      expect(existsSync(out)).toBe(false);
    },
  );
});
