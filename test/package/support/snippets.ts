// The TypeScript snippets of a markdown document: every ```ts fence, with the
// line its code starts on, and the package entry points it imports.

export interface Snippet {
  /** 1-based line of the snippet's first code line in the document. */
  line: number;
  code: string;
  /** `astra-control-sdk…` specifiers it imports. */
  imports: string[];
}

export function tsSnippets(markdown: string, packageName: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const code = lines.slice(start, end).join('\n') + '\n';
    const imports = [...code.matchAll(/from\s+'([^']+)'/g)]
      .map((m) => m[1]!)
      .filter((s) => s === packageName || s.startsWith(packageName + '/'));
    snippets.push({ line: start + 1, code, imports });
    i = end;
  }
  return snippets;
}
