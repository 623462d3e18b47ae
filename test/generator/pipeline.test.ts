// Pipeline properties of scripts/generate.ts: deterministic output, --check
// on the committed generated/, --spec/--out on rejected specs (located
// messages, output folder untouched), stale files removed, file names kept
// inside the output folder.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.ts';
import { assertSafeRelativePath } from '../../scripts/pipeline/write.ts';
import { compareText, sortBy } from '../../scripts/util/order.ts';
import { cli } from './support/cli.ts';
import { fixturesDir, listFiles, repoRoot, scratchGroup } from './support/paths.ts';

const realSpec = path.join(repoRoot, 'spec/openapi.yaml');
const rel = (p: string) => path.relative(repoRoot, p);

/** Every file under a folder with its bytes (hex), to prove a folder untouched. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString('hex')]));
}

let group: string;
beforeAll(() => {
  group = scratchGroup('pipeline');
});

describe('determinism', () => {
  it('the real spec gives the same files, in the same order, every time and from any working directory', async () => {
    const first = await generate(realSpec);
    const second = await generate(realSpec);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) expect(second.get(file), file).toBe(text);

    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'astra-cwd-'));
    const cwd = process.cwd();
    let third: Map<string, string>;
    try {
      process.chdir(elsewhere);
      third = await generate(realSpec);
    } finally {
      process.chdir(cwd);
      rmSync(elsewhere, { recursive: true, force: true });
    }
    expect([...third.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) expect(third.get(file), file).toBe(text);
    // Nothing machine-specific leaks into the output.
    for (const [file, text] of first) expect(text, file).not.toContain(repoRoot);
  }, 240_000);

  it('the one ordering helper sorts by UTF-16 code units, never by locale', () => {
    expect(sortBy(['b', 'B', 'a', 'é', 'Z', '_'], (x) => x)).toEqual(['B', 'Z', '_', 'a', 'b', 'é']);
    expect(sortBy([['a', 'b'], ['a'], ['A', 'z']], (x) => x)).toEqual([['A', 'z'], ['a'], ['a', 'b']]);
    expect(compareText('a', 'a')).toBe(0);
  });
});

describe('--check', () => {
  it('passes on the committed generated/', async () => {
    const run = await cli(['--check']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^generate --check: generated\/ is up to date \(\d+ files\)\.$/);
  }, 120_000);

  it('fails on a stale copy, listing every changed, missing and extra file and the command that fixes it, and writes nothing', async () => {
    const copy = path.join(group, 'generated-copy');
    cpSync(path.join(repoRoot, 'generated'), copy, { recursive: true });
    appendFileSync(path.join(copy, 'api.md'), '\nhand edit\n');
    unlinkSync(path.join(copy, 'client/credential.ts'));
    // A file an earlier run wrote (its stamp lists it) that the spec no longer produces.
    writeFileSync(path.join(copy, 'models/leftover.ts'), 'export type Leftover = 1;\n');
    const stampFile = path.join(copy, '.generate-stamp.json');
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { files: string[] };
    writeFileSync(stampFile, JSON.stringify({ ...stamp, files: [...stamp.files, 'models/leftover.ts'] }, null, 2));
    // A file of the user's own, which the stamp does not list, is not stale.
    writeFileSync(path.join(copy, 'NOTES.md'), 'mine\n');
    const before = snapshot(copy);

    const run = await cli(['--check', '--out', rel(copy)]);
    expect(run.code).toBe(1);
    const lines = run.err.split('\n');
    expect(lines[0]).toMatch(
      /^generate --check: \.test-out\/pipeline\/generated-copy\/ is out of date with the spec \(\d+ files\):$/,
    );
    expect(lines).toContain('  changed: api.md');
    expect(lines).toContain('  missing: client/credential.ts');
    expect(lines).toContain('  stale extra file: models/leftover.ts');
    expect(lines).toContain('  changed: .generate-stamp.json');
    expect(run.err).not.toContain('NOTES.md');
    expect(lines.at(-1)).toBe('Fix: npm run generate -- --out .test-out/pipeline/generated-copy');
    expect(snapshot(copy)).toEqual(before);
  }, 120_000);
});

describe('--spec FILE --out DIR on a rejected spec', () => {
  const rejected = (name: string) => path.join(fixturesDir, 'rejected', name, 'spec/openapi.yaml');
  const at = (name: string, file = 'openapi.yaml') => `test/fixtures/rejected/${name}/spec/${file}`;

  const cases: [string, { problems: number; want: string[] }][] = [
    [
      'several-problems',
      {
        problems: 4,
        want: [
          `${at('several-problems', 'paths/others.yaml')}#/collection/get/operationId: duplicate operationId "getThing"; also used at ${at('several-problems')}#/paths/~1things~1{thing_id}/get`,
          `${at('several-problems')}#/paths/~1things~1{id}: path "/things/{id}" is equivalent to "/things/{thing_id}" at ${at('several-problems')}#/paths/~1things~1{thing_id}`,
          `${at('several-problems')}#/components/schemas/Loop/$ref: $ref cycle with no content: ${at('several-problems')}#/components/schemas/Loop2 → ${at('several-problems')}#/components/schemas/Loop → back to the start`,
          `${at('several-problems')}#/paths/~1things~1{thing_id}/get/responses/200/content/application~1json/schema/$ref: $ref cycle with no content`,
        ],
      },
    ],
    [
      'unresolvable-ref',
      {
        problems: 2,
        want: [
          `${at('unresolvable-ref')}#/paths/~1things/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Missing" does not resolve`,
          `${at('unresolvable-ref')}#/paths/~1things/post/requestBody/content/application~1json/schema/$ref: $ref "#/components/schemas/Missing" does not resolve`,
        ],
      },
    ],
    ['swagger-2.0', { problems: 1, want: [`${at('swagger-2.0')}#/openapi: unsupported OpenAPI version "2.0"`] }],
    ['openapi-3.2.0', { problems: 1, want: [`${at('openapi-3.2.0')}#/openapi: unsupported OpenAPI version "3.2.0"`] }],
    ['yaml-duplicate-keys', { problems: 1, want: [`${at('yaml-duplicate-keys')}:7:1: DUPLICATE_KEY`] }],
    [
      'yaml-two-documents',
      { problems: 1, want: [`${at('yaml-two-documents')}:7:1: several YAML documents in one file`] },
    ],
    ['yaml-unknown-tag', { problems: 1, want: [`${at('yaml-unknown-tag')}:4:10: `, 'js/function'] }],
    [
      'yaml-alias-bomb',
      { problems: 1, want: [`${at('yaml-alias-bomb')}:10:10: YAML could not be read: Excessive alias count`] },
    ],
    [
      'problem-names-collide',
      {
        problems: 4,
        want: [
          `${at('problem-names-collide', 'problems.yaml')}#/8: problem 8 would be named problemTypes.invalidJsonResource, like 9: give it a \`qualifier\``,
          `${at('problem-names-collide', 'problems.yaml')}#/9: problem 9 would be named problemTypes.invalidJsonResource, like 8`,
          `${at('problem-names-collide', 'problems.yaml')}#/11: problem 11 would be named problemTypes.snapshotNotSupportedCluster, like 12`,
          `${at('problem-names-collide', 'problems.yaml')}#/12: problem 12 would be named problemTypes.snapshotNotSupportedCluster, like 11`,
        ],
      },
    ],
    [
      'ref-outside',
      {
        problems: 2,
        want: [
          `${at('ref-outside')}#/paths/~1things/get/responses/200/content/application~1json/schema/$ref: $ref "../../../../../package.json#/name" points outside the spec folder`,
          `${at('ref-outside')}#/paths/~1things/post/requestBody/content/application~1json/schema/$ref: $ref "https://example.com/schema.json" is not a local file reference`,
        ],
      },
    ],
  ];

  it.each(cases)(
    '%s: exit 1, each problem located, the output folder byte-for-byte untouched',
    async (name, { problems, want }) => {
      const out = path.join(group, `rejected-${name}`);
      mkdirSync(path.join(out, 'client'), { recursive: true });
      writeFileSync(path.join(out, 'SENTINEL'), `${name}: this folder must survive a rejected spec\n`);
      writeFileSync(path.join(out, 'client/old.ts'), 'export const old = 1;\n');
      const before = snapshot(out);
      const siblingsBefore = readdirSync(group).sort();

      const run = await cli(['--spec', rel(rejected(name)), '--out', rel(out)]);
      expect(run.code).toBe(1);
      expect(run.err.split('\n')[0]).toBe(
        `generate: the spec was rejected (${problems} problem${problems === 1 ? '' : 's'}); nothing was written.`,
      );
      for (const w of want) expect(run.err).toContain(w);
      expect(run.err).not.toMatch(/\n\s+at /); // a located message, not a stack trace
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(group).sort()).toEqual(siblingsBefore);
      expect((globalThis as Record<string, unknown>).__yamlTagRan).toBeUndefined();
    },
  );
});

describe('--spec FILE --out DIR on a good spec', () => {
  it('replaces the folder: generated files appear, stale ones disappear, no temporary folder is left', async () => {
    const out = path.join(group, 'good');
    mkdirSync(path.join(out, 'client'), { recursive: true });
    // Left by an earlier run, whose stamp lists them.
    writeFileSync(path.join(out, 'stale.md'), 'old\n');
    writeFileSync(path.join(out, 'client/removed-resource.ts'), 'export {};\n');
    writeFileSync(
      path.join(out, '.generate-stamp.json'),
      JSON.stringify({ files: ['.generate-stamp.json', 'stale.md', 'client/removed-resource.ts'] }),
    );
    const spec = path.join(fixturesDir, 'minimal-crud/spec/openapi.yaml');

    const run = await cli(['--spec', rel(spec), '--out', rel(out)]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const files = await generate(spec);
    expect(listFiles(out)).toEqual(sortBy(files.keys(), (f) => f));
    for (const [file, text] of files) expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(text);
    expect(readdirSync(group).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);

    // A second run is a no-op and leaves the same files.
    const again = await cli(['--spec', rel(spec), '--out', rel(out)]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('no-op');
    expect(listFiles(out)).toEqual(sortBy(files.keys(), (f) => f));
  });

  it('a TRACE operation is left out with a located warning on stderr, in its own file through a $ref; the rest is generated', async () => {
    const dir = path.join(group, 'trace-spec');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: {title: Echo, version: 1.0.0}',
        'paths:',
        '  /echo:',
        '    get: {operationId: getEcho, responses: {"204": {description: OK.}}}',
        '    trace: {operationId: traceEcho, responses: {"200": {description: OK.}}}',
        "  /items/{id}: {$ref: './items.yaml#/item'}",
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'items.yaml'),
      [
        'item:',
        '  parameters: [{name: id, in: path, required: true, schema: {type: string}}]',
        '  get: {operationId: getItem, responses: {"204": {description: OK.}}}',
        '  trace: {operationId: traceItem, responses: {"200": {description: OK.}}}',
        '',
      ].join('\n'),
    );
    const out = path.join(group, 'trace-out');

    const run = await cli(['--spec', rel(path.join(dir, 'openapi.yaml')), '--out', rel(out)]);
    expect(run.code).toBe(0);
    const reason =
      'TRACE operation left out: fetch refuses to send the method (a forbidden method of the Fetch standard)';
    expect(run.err.split('\n')).toEqual([
      `generate: warning: ${rel(dir)}/openapi.yaml#/paths/~1echo/trace: ${reason}, so the client has no method for it`,
      `generate: warning: ${rel(dir)}/items.yaml#/item/trace: ${reason}, so the client has no method for it`,
    ]);
    expect(run.out).toMatch(/^generate: wrote \d+ files/);
    const client = listFiles(out)
      .filter((f) => f.startsWith('client/'))
      .map((f) => readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    expect(client).toContain("method: 'GET'");
    expect(client).not.toMatch(/trace/i);

    // A rerun with nothing changed is a no-op, and still says what is left out.
    const again = await cli(['--spec', rel(path.join(dir, 'openapi.yaml')), '--out', rel(out)]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already up to date with the spec \(no-op\)/);
    expect(again.err).toBe(run.err);
  });

  it('generate() hands warnings to onWarning only for a spec it accepts', async () => {
    const warnings: string[] = [];
    const onWarning = (w: { file: string; pointer: string; message: string }) =>
      void warnings.push(`${w.file}${w.pointer}`);
    await generate(path.join(fixturesDir, 'raw-bodies/spec/openapi.yaml'), { onWarning });
    expect(warnings).toEqual([
      `${rel(path.join(fixturesDir, 'raw-bodies/spec/openapi.yaml'))}#/paths/~1files~1{fileId}/trace`,
    ]);

    const bad = path.join(group, 'trace-rejected.yaml');
    writeFileSync(
      bad,
      [
        'openapi: 3.1.0',
        'info: {title: Echo, version: 1.0.0}',
        'paths:',
        '  /echo:',
        '    get: {operationId: same, responses: {"204": {description: OK.}}}',
        '    put: {operationId: same, responses: {"204": {description: OK.}}}',
        '    trace: {operationId: traceEcho, responses: {"200": {description: OK.}}}',
        '',
      ].join('\n'),
    );
    warnings.length = 0;
    await expect(generate(bad, { onWarning })).rejects.toThrow('duplicate operationId "same"');
    expect(warnings).toEqual([]);
  });

  it('file names derived from spec text (tags and operationIds with ../ and /) stay inside the folder', async () => {
    const out = path.join(group, 'names', 'out');
    const run = await cli(['--spec', rel(path.join(fixturesDir, 'hostile-text/spec/openapi.yaml')), '--out', rel(out)]);
    expect(run.code).toBe(0);
    for (const file of listFiles(out)) expect(path.resolve(out, file).startsWith(out + path.sep), file).toBe(true);
    expect(readdirSync(path.join(group, 'names'))).toEqual(['out']);
    expect(existsSync(path.join(group, 'escape'))).toBe(false);
  });

  it('the writer refuses any path that is not a plain relative path inside the folder', () => {
    for (const bad of ['../x.ts', '/abs.ts', 'a/../../b.ts', 'a/./b.ts', 'a//b.ts', 'a\\b.ts', '', '..', 'x\0.ts']) {
      expect(() => assertSafeRelativePath(bad), JSON.stringify(bad)).toThrow(/refusing to write/);
    }
    for (const good of ['index.ts', 'client/app.ts', 'docs/a-b.md', '.generate-stamp.json'])
      expect(() => assertSafeRelativePath(good)).not.toThrow();
  });
});
