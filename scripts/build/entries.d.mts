// Types of entries.mjs (plain JavaScript, so that the build runs with node alone).
export interface Entry {
  /** The subpath users import: `.`, `./raw`, … */
  subpath: string;
  /** Its source file, relative to the repository root. */
  source: string;
}
export interface Format {
  name: 'esm' | 'cjs';
  dir: string;
  condition: 'import' | 'require';
}
export const entries: readonly Entry[];
export const formats: readonly Format[];
export function builtPath(dir: string, source: string, extension: string): string;
export function exportsBlock(source: string): Record<'import' | 'require', { types: string; default: string }>;
