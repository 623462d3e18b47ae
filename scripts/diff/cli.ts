// `npm run diff -- <base> <revision> [--format md|json|text]`
//
// Each side is a spec file (YAML or JSON, possibly split by $refs) or
// `git:<ref>` (spec/openapi.yaml at that commit; `git:<ref>:<path>` for
// another file), read without touching the work tree or the index.
// Exit status: 1 when a change is breaking, 0 when none is, 2 on an error
// (the message names the file and the JSON pointer).
import { pathToFileURL } from 'node:url';
import { diffSpecs } from './diff.ts';
import { formatJson } from './format/json.ts';
import { formatMarkdown } from './format/markdown.ts';
import { formatText } from './format/text.ts';
import { SpecError, formatDiagnostic } from '../util/diagnostics.ts';

const FORMATS = { md: formatMarkdown, json: formatJson, text: formatText } as const;
type Format = keyof typeof FORMATS;

const USAGE =
  'usage: npm run diff -- <base> <revision> [--format md|json|text]\n  <base>, <revision>: a spec file, or git:<ref> (spec/openapi.yaml at that commit), or git:<ref>:<path>';

export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = { cwd: process.cwd(), out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const positional: string[] = [];
  let format: Format = 'md';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--format' ? argv[++i] : a.startsWith('--format=') ? a.slice('--format='.length) : null;
    if (value !== null) {
      if (value === undefined || !(value in FORMATS)) {
        io.err(`diff: --format takes md, json or text, not ${JSON.stringify(value ?? '')}\n${USAGE}\n`);
        return 2;
      }
      format = value as Format;
    } else if (a === '--help' || a === '-h') {
      io.out(USAGE + '\n');
      return 0;
    } else if (a.startsWith('--')) {
      io.err(`diff: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 2) {
    io.err(`diff: expected two specs, got ${positional.length}\n${USAGE}\n`);
    return 2;
  }
  try {
    const report = await diffSpecs(positional[0]!, positional[1]!, io.cwd);
    io.out(FORMATS[format](report));
    return report.breaking ? 1 : 0;
  } catch (e) {
    if (e instanceof SpecError) {
      io.err(e.diagnostics.map((d) => `diff: ${formatDiagnostic(d)}\n`).join(''));
      return 2;
    }
    io.err(`diff: ${(e as Error).message}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
