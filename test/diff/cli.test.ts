// `npm run diff` as users meet it: formats, exit codes (0 none breaking,
// 1 breaking, 2 error), located messages for bad input, and the markdown of
// a sample release against its golden file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { main } from '../../scripts/diff/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string, side: 'base' | 'revision') => `test/fixtures/diff/${name}/${side}.yaml`;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'astra-diff-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: root, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('npm run diff', () => {
  it('exits 1 on a breaking change and prints one JSON document in the contract shape', async () => {
    const r = await run(fixture('release-major', 'base'), fixture('release-major', 'revision'), '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['breaking', 'semver', 'changes']);
    expect(doc.breaking).toBe(true);
    expect(doc.semver).toBe('major');
    for (const c of doc.changes) expect(Object.keys(c)).toEqual(['id', 'level', 'operation', 'location', 'message']);
    expect(doc.changes.find((c: { id: string }) => c.id === 'operation-removed')).toEqual({
      id: 'operation-removed',
      level: 'breaking',
      operation: 'DELETE /accounts/{account_id}/core/v1/widgets/{widget_id}',
      location: '#/paths/~1accounts~1{account_id}~1core~1v1~1widgets~1{widget_id}/delete',
      message: 'operation removed (it was deprecated): SDK method `astra.widgets.delete` is gone',
    });
  });

  it('exits 0 when nothing breaks: minor for additions, patch for documentation only', async () => {
    const minor = await run(fixture('release-minor', 'base'), fixture('release-minor', 'revision'), '--format=json');
    expect(minor.code).toBe(0);
    expect(JSON.parse(minor.stdout)).toMatchObject({ breaking: false, semver: 'minor' });
    const patch = await run(fixture('release-patch', 'base'), fixture('release-patch', 'revision'), '--format', 'json');
    expect(patch.code).toBe(0);
    expect(JSON.parse(patch.stdout)).toMatchObject({ breaking: false, semver: 'patch' });
  });

  it('reads JSON specs as well as YAML ones: the same document reports nothing', async () => {
    const json = path.join(tmp, 'base.json');
    writeFileSync(
      json,
      JSON.stringify(YAML.parse(readFileSync(path.join(root, fixture('release-major', 'base')), 'utf8'))),
    );
    const r = await run(fixture('release-major', 'base'), json, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ breaking: false, semver: 'patch', changes: [] });
  });

  it('renders the markdown comment of a sample release as in the golden file', async () => {
    const r = await run(fixture('release-major', 'base'), fixture('release-major', 'revision'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(path.join(root, 'test/fixtures/diff/release-major/expected.md'), 'utf8'));
  });

  it('prints text for terminals, levels in order', async () => {
    const r = await run(fixture('release-major', 'base'), fixture('release-major', 'revision'), '--format', 'text');
    expect(r.code).toBe(1);
    const at = (word: string) => r.stdout.indexOf(`\n${word}\n`);
    expect(at('BREAKING')).toBeGreaterThan(0);
    expect(at('NON-BREAKING')).toBeGreaterThan(at('BREAKING'));
    expect(at('INFO')).toBeGreaterThan(at('NON-BREAKING'));
    expect(r.stdout).toContain('      at #/info/version [api-version-changed]');
  });

  it('exits 2 naming the file when a spec is missing', async () => {
    const r = await run('test/fixtures/diff/nowhere.yaml', fixture('release-major', 'revision'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('diff: test/fixtures/diff/nowhere.yaml: spec file not found\n');
  });

  it('exits 2 with file and line:column when a spec does not parse', async () => {
    const file = path.join(tmp, 'duplicate-key.yaml');
    writeFileSync(file, 'openapi: 3.1.0\ninfo:\n  title: A\n  title: B\n  version: 1.0.0\npaths: {}\n');
    const r = await run(file, fixture('release-major', 'revision'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^diff: .*duplicate-key\.yaml:4:3: /);
  });

  it('exits 2 with file and JSON pointer when a $ref does not resolve', async () => {
    const file = path.join(tmp, 'broken-ref.yaml');
    writeFileSync(
      file,
      readFileSync(path.join(root, fixture('release-major', 'base')), 'utf8').replace(
        "$ref: '#/components/schemas/WidgetList'",
        "$ref: '#/components/schemas/Nothing'",
      ),
    );
    const r = await run(fixture('release-major', 'base'), file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'broken-ref.yaml#/paths/~1accounts~1{account_id}~1core~1v1~1widgets/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Nothing" does not resolve',
    );
  });

  it('exits 2 on bad arguments, with the usage', async () => {
    for (const argv of [[fixture('release-major', 'base')], ['a', 'b', '--format', 'html'], ['a', 'b', '--colour']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: npm run diff -- <base> <revision>');
    }
  });
});
