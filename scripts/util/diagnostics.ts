// Diagnostics: every problem the pipeline finds names the file and the JSON
// pointer it is about, so a spec author can go straight to it.

export interface Diagnostic {
  /** File path as the user gave it or relative to the working directory. */
  file: string;
  /** JSON pointer inside that file (`#/paths/~1x/get`), or a line:column. */
  pointer: string;
  message: string;
}

export class SpecError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'SpecError';
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.pointer ? (d.pointer.startsWith('#') ? d.pointer : `:${d.pointer}`) : ''}: ${d.message}`;
}

export const escapePointerToken = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapePointerToken = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function pointerOf(tokens: readonly (string | number)[]): string {
  return '#' + tokens.map((t) => '/' + escapePointerToken(String(t))).join('');
}

/** `line:column` (both 1-based) of an offset in a text, for messages about YAML and JSON sources. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${Math.min(offset, text.length) - lineStart + 1}`;
}
