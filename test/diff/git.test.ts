// `git:<ref>` sides, against a temporary repository: spec/ is read as it is
// at the commit, $ref'd files included, and neither the work tree nor the
// index is touched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/diff/cli.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/diff');
const repo = mkdtempSync(path.join(os.tmpdir(), 'astra-diff-git-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const label = readFileSync(path.join(fixtures, 'refactor-no-change/label.yaml'), 'utf8');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: repo, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return {
    code,
    stdout,
    stderr,
    json: () => JSON.parse(stdout) as { semver: string; changes: { id: string; message: string }[] },
  };
}

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('config', 'commit.gpgsign', 'false');
  // v1: the spec split in two files (Label lives in spec/label.yaml).
  write('spec/openapi.yaml', readFileSync(path.join(fixtures, 'refactor-no-change/revision.yaml'), 'utf8'));
  write('spec/label.yaml', label);
  git('add', '-A');
  git('commit', '-qm', 'v1');
  git('tag', 'v1');
  // v2: only the $ref'd file changes, Label loses `value`.
  write('spec/label.yaml', label.replace('    value:\n      type: string\n', ''));
  git('commit', '-qam', 'v2');
  // Uncommitted: a staged change and a work-tree change, which git: sides must not see.
  write('spec/label.yaml', label.replace('  type: object\n', '  type: object\n  required: [name]\n'));
  git('add', 'spec/label.yaml');
  write(
    'spec/openapi.yaml',
    readFileSync(path.join(repo, 'spec/openapi.yaml'), 'utf8').replace('version: 1.0.0', 'version: 9.9.9'),
  );
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('git: sides', () => {
  it('reads spec/ and its $ref’d files from each commit, leaving the work tree and index as they were', async () => {
    const status = git('--no-optional-locks', 'status', '--porcelain');
    const index = readFileSync(path.join(repo, '.git/index'));
    const indexTime = statSync(path.join(repo, '.git/index')).mtimeMs;

    const r = await run('git:v1', 'git:main', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const ids = r.json().changes.map((c) => c.id);
    expect(ids).toContain('request-property-removed');
    expect(ids).toContain('response-property-removed');
    expect(r.json().changes.every((c) => /labels\[\]\.value/.test(c.message))).toBe(true);

    expect(git('--no-optional-locks', 'status', '--porcelain')).toBe(status);
    expect(readFileSync(path.join(repo, '.git/index'))).toEqual(index);
    expect(statSync(path.join(repo, '.git/index')).mtimeMs).toBe(indexTime);
  });

  it('compares a commit with the work tree', async () => {
    const r = await run('git:HEAD', 'spec/openapi.yaml', '--format', 'json');
    expect(r.code).toBe(1);
    const changes = r.json().changes;
    expect(changes.map((c) => c.id)).toContain('api-version-changed');
    // The staged `required: [name]` of the work tree's label.yaml is seen on this side only (and breaks requests).
    expect(changes.map((c) => c.id)).toContain('request-property-became-required');
  });

  it('takes another file with git:<ref>:<path>', async () => {
    const r = await run('git:v1:spec/openapi.yaml', 'git:v1', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ breaking: false, semver: 'patch', changes: [] });
  });

  it('exits 2 on an unknown ref, naming it', async () => {
    const r = await run('git:no-such-tag', 'git:main');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('diff: git:no-such-tag: unknown git ref "no-such-tag"\n');
  });

  it('exits 2 when the commit has no such spec file', async () => {
    const r = await run('git:v1:api/openapi.yaml', 'git:main');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^diff: git:v1:api\/openapi\.yaml: no file api\/openapi\.yaml at v1 \([0-9a-f]{12}\)\n$/);
  });

  it('names the commit’s file and JSON pointer when a spec at a commit does not load', async () => {
    write('spec/label.yaml', 'Label:\n  $ref: "#/Nowhere"\n');
    git('add', '-A');
    git('commit', '-qm', 'broken');
    const r = await run('git:v1', 'git:HEAD');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('diff: git:HEAD:spec/label.yaml#/Label/$ref: $ref "#/Nowhere" does not resolve');
    expect(r.stderr).not.toContain(os.tmpdir());
  });

  it('refuses a ref that looks like an option', async () => {
    const r = await run('git:--output=x', 'git:main');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a git ref');
  });
});
