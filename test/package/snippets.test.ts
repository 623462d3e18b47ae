// Extraction of ```ts snippets from markdown (support/snippets.ts).
import { describe, expect, it } from 'vitest';
import { tsSnippets } from './support/snippets.ts';

describe('tsSnippets', () => {
  it('finds ts and typescript fences with the line their code starts on, and the package imports', () => {
    const md = [
      '# t',
      '```ts',
      "import { a } from 'pkg';",
      "import b from 'other';",
      '```',
      '```sh',
      'npm i',
      '```',
      '```typescript',
      "import type { c } from 'pkg/raw';",
      '```',
    ].join('\n');
    expect(tsSnippets(md, 'pkg')).toEqual([
      { line: 3, code: "import { a } from 'pkg';\nimport b from 'other';\n", imports: ['pkg'] },
      { line: 10, code: "import type { c } from 'pkg/raw';\n", imports: ['pkg/raw'] },
    ]);
  });

  it('ignores other languages and does not take a longer package name for the package', () => {
    expect(
      tsSnippets(['```js', "import 'pkg';", '```', '```ts', "import x from 'pkg-extra';", '```'].join('\n'), 'pkg'),
    ).toEqual([{ line: 5, code: "import x from 'pkg-extra';\n", imports: [] }]);
  });
});
