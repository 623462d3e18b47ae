// The project must run from a plain clone: no test, script, benchmark or
// runtime module may reach for files outside the repository (CI's machine
// has nothing beside the clone that the project may rely on).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CODE = /\.(?:ts|mts|mjs|js|cjs|json|sh)$/;
const OUTSIDE = [/\.\.\/shared\b/, /\/work\/shared\b/, /\.\.\/\.library\b/];

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'fixtures' ? [] : codeFiles(file);
    return CODE.test(name) ? [file] : [];
  });
}

describe('self-contained', () => {
  const files = ['scripts', 'src', 'test', 'bench', '.ci'].flatMap((d) => codeFiles(path.join(root, d)));

  it('finds the code it audits', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no code refers to a folder outside the repository', () => {
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          OUTSIDE.some((re) => re.test(line)) && !file.endsWith('self-contained.test.ts')
            ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
