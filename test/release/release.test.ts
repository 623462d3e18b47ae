// `npm run release -- <version>` in a temporary git repository: the bump is
// checked against `npm run diff` between the last release tag's spec and the
// work tree's; a bump smaller than the diff demands is refused with nothing
// changed; an accepted one writes package.json and CHANGELOG.md, commits and
// tags. The specs are the diff corpus's release pairs (test/fixtures/diff).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bumpBetween, changelogWith, release, type Io } from '../../scripts/release.ts';

const corpus = path.resolve(import.meta.dirname, '../fixtures/diff');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A repository whose v1.0.0 holds `release-<kind>`'s base spec and whose HEAD holds its revision. */
function repository(kind: 'major' | 'minor' | 'patch'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'astra-release-'));
  dirs.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'release@test.invalid');
  git(dir, 'config', 'user.name', 'Release test');
  mkdirSync(path.join(dir, 'spec'));
  const spec = path.join(dir, 'spec/openapi.yaml');
  copyFileSync(path.join(corpus, `release-${kind}/base.yaml`), spec);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'x', version: '1.0.0' }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changelog\n\n## Unreleased\n\n## 1.0.0\n\n- First.\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'v1');
  git(dir, 'tag', '-a', 'v1.0.0', '-m', 'v1');
  copyFileSync(path.join(corpus, `release-${kind}/revision.yaml`), spec);
  // A revision may be split across files ($refs to siblings such as label.yaml).
  for (const f of readdirSync(path.join(corpus, `release-${kind}`)))
    if (!['base.yaml', 'revision.yaml', 'expected.json', 'expected.md'].includes(f))
      copyFileSync(path.join(corpus, `release-${kind}`, f), path.join(dir, 'spec', f));
  writeFileSync(
    path.join(dir, 'CHANGELOG.md'),
    '# Changelog\n\n## Unreleased\n\n### Added\n\n- Something new.\n\n## 1.0.0\n\n- First.\n',
  );
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'API change');
  return dir;
}

function run(dir: string, version: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: dir, out: (t) => void out.push(t), err: (t) => void err.push(t), today: '2026-12-06' };
  return release([version], io).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

describe('npm run release', () => {
  it.each([
    ['major', '1.1.0', 'minor'],
    ['major', '1.0.1', 'patch'],
    ['minor', '1.0.1', 'patch'],
  ] as const)('a %s API change refuses %s (a %s release), and changes nothing', async (kind, version, bump) => {
    const dir = repository(kind);
    const head = git(dir, 'rev-parse', 'HEAD');
    const result = await run(dir, version);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `the API changes since v1.0.0 demand a ${kind} release; 1.0.0 → ${version} is a ${bump} one`,
    );
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'tag', '--list')).toBe('v1.0.0');
  });

  it.each([
    ['major', '2.0.0'],
    ['minor', '1.1.0'],
    ['minor', '2.0.0'],
    ['patch', '1.0.1'],
  ] as const)(
    'a %s API change accepts %s: version, changelog entry with the report, commit and tag',
    async (kind, version) => {
      const dir = repository(kind);
      const result = await run(dir, version);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version).toBe(version);
      const changelog = readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toMatch(
        new RegExp(
          `## Unreleased\\n\\n## ${version.replace(/\./g, '\\.')} \\(2026-12-06\\)\\n\\n### Added\\n\\n- Something new\\.\\n\\n### API changes\\n`,
        ),
      );
      expect(changelog.indexOf('## 1.0.0')).toBeGreaterThan(changelog.indexOf('### API changes'));
      expect(git(dir, 'tag', '--list', `v${version}`)).toBe(`v${version}`);
      expect(git(dir, 'log', '-1', '--format=%s')).toBe(`Release ${version}`);
      expect(git(dir, 'status', '--porcelain')).toBe('');
    },
  );

  it('refuses a version that does not follow the current one, a dirty work tree, and an existing tag', async () => {
    const dir = repository('patch');
    expect((await run(dir, '1.0.0')).err).toContain('1.0.0 does not follow 1.0.0');
    expect((await run(dir, '1.2.1')).err).toContain('1.2.1 does not follow 1.0.0');
    writeFileSync(path.join(dir, 'spec/openapi.yaml'), 'edited: true\n');
    expect((await run(dir, '1.0.1')).err).toContain('uncommitted changes');
    git(dir, 'checkout', '-q', '--', '.');
    git(dir, 'tag', 'v1.0.1');
    expect((await run(dir, '1.0.1')).err).toContain('the tag v1.0.1 exists already');
  });

  it('rejects arguments that are not a version with exit 2', async () => {
    const dir = repository('patch');
    const result = await run(dir, 'v1.1');
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage: npm run release -- <version>');
  });
});

describe('bumpBetween', () => {
  it.each([
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.2.3', null],
    ['1.2.3', '2.1.0', null],
    ['1.2.3', '1.3.1', null],
    ['1.2.3', '1.1.9', null],
    ['0.1.0', '1.0.0', 'major'],
  ] as const)('%s → %s is %s', (from, to, want) => {
    expect(bumpBetween(from, to)).toBe(want);
  });
});

describe('changelogWith', () => {
  it('moves the Unreleased notes under the version and nests the report one heading level down', () => {
    const text = changelogWith('# C\n\n## Unreleased\n\n- a\n\n## 1.0.0\n\n- b\n', '1.1.0', 'D', '## Report\n\nbody');
    expect(text).toBe(
      '# C\n\n## Unreleased\n\n## 1.1.0 (D)\n\n- a\n\n### API changes\n\n### Report\n\nbody\n\n## 1.0.0\n\n- b\n',
    );
  });
});
