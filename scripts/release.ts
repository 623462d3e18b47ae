// `npm run release -- <version>`: cut a release whose version number says
// what the API change means. The semver bump is taken from `npm run diff`
// between the spec at the last release's tag (`v<version>`) and the spec in
// the work tree; a release whose bump is smaller than the diff demands is
// refused. Otherwise package.json gets the version, CHANGELOG.md gets an
// entry (the notes under "Unreleased" plus the diff's markdown report), and
// both are committed and tagged `v<version>`.
//
// Exit status: 0 released, 1 refused (the bump is too small, the version is
// not newer, the work tree is not clean), 2 on an error.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Semver } from './diff/classify.ts';
import { diffSpecs } from './diff/diff.ts';
import { formatMarkdown } from './diff/format/markdown.ts';
import { DEFAULT_SPEC } from './diff/source.ts';
import { SpecError, formatDiagnostic } from './util/diagnostics.ts';

const USAGE = 'usage: npm run release -- <version>   (for example 1.4.0; the tag is v1.4.0)';
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const UNRELEASED = '## Unreleased';

export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The release date (tests fix it). */
  today?: string;
}

class Refusal extends Error {}

type Triple = [number, number, number];
const parse = (v: string): Triple | null => {
  const m = VERSION.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
};

/** The bump from one version to the next: major, minor or patch; null when `next` is not newer. */
export function bumpBetween(current: string, next: string): Semver | null {
  const a = parse(current);
  const b = parse(next);
  if (!a || !b) return null;
  if (b[0] !== a[0]) return b[0] > a[0] && b[1] === 0 && b[2] === 0 ? 'major' : null;
  if (b[1] !== a[1]) return b[1] > a[1] && b[2] === 0 ? 'minor' : null;
  return b[2] > a[2] ? 'patch' : null;
}

const RANK: Record<Semver, number> = { patch: 0, minor: 1, major: 2 };

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The newest `v<semver>` tag reachable from HEAD, or null before the first release. */
function lastReleaseTag(cwd: string): string | null {
  const tags = git(['tag', '--merged', 'HEAD', '--list', 'v*'], cwd)
    .split('\n')
    .filter((t) => parse(t.slice(1)));
  tags.sort((x, y) => {
    const a = parse(x.slice(1))!;
    const b = parse(y.slice(1))!;
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  });
  return tags.at(-1) ?? null;
}

/** CHANGELOG.md with the Unreleased notes moved under the new version, the API report beneath them. */
export function changelogWith(changelog: string, version: string, date: string, report: string | null): string {
  const start = changelog.indexOf(UNRELEASED);
  if (start < 0) throw new Refusal(`CHANGELOG.md has no "${UNRELEASED}" section to release`);
  const bodyStart = start + UNRELEASED.length;
  const next = changelog.indexOf('\n## ', bodyStart);
  const notes = changelog.slice(bodyStart, next < 0 ? undefined : next).trim();
  const api = report
    ? `### API changes\n\n${report
        .trim()
        // The report's own headings sit one level below the release's.
        .replace(/^(#{1,5}) /gm, '#$1 ')}`
    : '';
  const entry = [`## ${version} (${date})`, notes, api].filter(Boolean).join('\n\n');
  const rest = next < 0 ? '' : changelog.slice(next + 1);
  return `${changelog.slice(0, start)}${UNRELEASED}\n\n${entry}\n\n${rest}`.replace(/\n{3,}/g, '\n\n');
}

export async function release(argv: string[], io: Io): Promise<number> {
  const [version, ...extra] = argv;
  if (!version || extra.length || !parse(version)) {
    io.err(`release: ${version ? `not a version: ${JSON.stringify(version)}` : 'a version is needed'}\n${USAGE}\n`);
    return 2;
  }
  try {
    const root = git(['rev-parse', '--show-toplevel'], io.cwd);
    const pkgFile = path.join(root, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
    const bump = bumpBetween(pkg.version, version);
    if (!bump) throw new Refusal(`${version} does not follow ${pkg.version} (a major, minor or patch step, higher)`);
    if (git(['status', '--porcelain'], root))
      throw new Refusal('the work tree has uncommitted changes; commit them first');
    if (git(['tag', '--list', `v${version}`], root)) throw new Refusal(`the tag v${version} exists already`);

    const tag = lastReleaseTag(root);
    let report: string | null = null;
    if (tag) {
      const diff = await diffSpecs(`git:${tag}`, DEFAULT_SPEC, root);
      if (RANK[bump] < RANK[diff.semver]) {
        io.err(formatMarkdown(diff));
        throw new Refusal(
          `the API changes since ${tag} demand a ${diff.semver} release; ${pkg.version} → ${version} is a ${bump} one`,
        );
      }
      report = formatMarkdown(diff);
      io.out(`release: the API changes since ${tag} demand ${diff.semver}; ${version} is a ${bump} release.\n`);
    } else {
      io.out(`release: no earlier v* tag; ${version} is the first release.\n`);
    }

    const changelogFile = path.join(root, 'CHANGELOG.md');
    const date = io.today ?? new Date().toISOString().slice(0, 10);
    const changelog = changelogWith(readFileSync(changelogFile, 'utf8'), version, date, report);
    writeFileSync(pkgFile, `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
    writeFileSync(changelogFile, changelog);
    git(['add', 'package.json', 'CHANGELOG.md'], root);
    git(['commit', '-q', '-m', `Release ${version}`], root);
    git(['tag', '-a', `v${version}`, '-m', `Release ${version}`], root);
    io.out(`release: committed and tagged v${version}. Push with: git push --follow-tags\n`);
    return 0;
  } catch (e) {
    if (e instanceof Refusal) {
      io.err(`release: refused: ${e.message}\n`);
      return 1;
    }
    if (e instanceof SpecError) {
      for (const d of e.diagnostics) io.err(`release: ${formatDiagnostic(d)}\n`);
      return 2;
    }
    io.err(`release: ${(e as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: Io = { cwd: process.cwd(), out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  process.exitCode = await release(process.argv.slice(2), io);
}
