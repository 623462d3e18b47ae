// Handlebars, set up once: templates from templates/ compiled in strict mode,
// with a closed list of helpers, and HTML escaping off because every helper
// escapes for its own context (a TypeScript file is not HTML). Spec text is
// only ever passed as data, never compiled as a template.
//
// Compiling the templates costs a generation a few hundred milliseconds, so
// Handlebars' precompiled form of each (the JavaScript source compile() itself
// evaluates) is kept in a cache file, keyed by a hash of the Handlebars
// version, the options and the template's text.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { markdownCode, markdownJsonBlock, markdownText } from './escape.ts';
import { importStatement, tsString } from './typescript-layout.ts';

const HELPERS = {
  /** A TypeScript string literal, in prettier's quotes. */
  str: (value: unknown) => tsString(String(value)),
  /** `import type { A, B } from 'x';`, laid out as prettier would. */
  importTypes: (names: unknown, from: unknown) => importStatement(names as string[], String(from), true),
  /** `import { a, type B } from 'x';`, likewise. */
  importNames: (names: unknown, from: unknown) => importStatement(names as string[], String(from), false),
  /** Inline markdown text in a paragraph or heading. */
  md: (value: unknown) => markdownText(String(value ?? '')),
  /** Inline markdown text in a table cell. */
  cell: (value: unknown) => markdownText(String(value ?? ''), 'cell'),
  /** Inline markdown code in a paragraph. */
  code: (value: unknown) => markdownCode(String(value ?? '')),
  /** Inline markdown code in a table cell. */
  cellCode: (value: unknown) => markdownCode(String(value ?? ''), 'cell'),
  /** A fenced JSON block. */
  jsonBlock: (value: unknown) => markdownJsonBlock(String(value ?? '')),
} as const;

export type TemplateName =
  | 'model-module.ts'
  | 'client-module.ts'
  | 'index.ts'
  | 'models-index.ts'
  | 'problems.ts'
  | 'resource-doc.md'
  | 'docs-index.md'
  | 'problems.md'
  | 'api.md';

export interface Templates {
  render(name: TemplateName, view: object): string;
}

/** `cacheDir` holds the precompiled templates; null compiles every template afresh. */
export function loadTemplates(dir: string, cacheDir: string | null = null): Templates {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const options: CompileOptions = {
    strict: true,
    noEscape: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
    preventIndent: true,
  };
  const precompiled = precompiledCache(cacheDir, JSON.stringify([Handlebars.VERSION, options]));
  const compile = (file: string) => {
    const source = readFileSync(file, 'utf8');
    const spec = precompiled.get(source, () => hb.precompile(source, options) as string);
    // The same evaluation Handlebars.compile() performs on its own output.
    return hb.template(new Function(`return ${spec};`)() as TemplateSpecification);
  };
  const partialsDir = path.join(dir, 'partials');
  for (const file of readdirSync(partialsDir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    hb.registerPartial(file.replace(/\.hbs$/, ''), compile(path.join(partialsDir, file)));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of readdirSync(dir).sort())
    if (file.endsWith('.hbs')) compiled.set(file.replace(/\.hbs$/, ''), compile(path.join(dir, file)));
  precompiled.save();
  return {
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no template ${name}.hbs in ${dir}`);
      return template(view);
    },
  };
}

/** Precompiled template sources by a hash of `salt` and the template text, in one file under `cacheDir`. */
function precompiledCache(cacheDir: string | null, salt: string) {
  const file = cacheDir && path.join(cacheDir, 'templates-v1.json');
  let stored: Record<string, unknown> = {};
  try {
    if (file) stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    stored = {}; // missing or unreadable: compiled afresh
  }
  const used: Record<string, string> = {};
  let missed = false;
  return {
    get(source: string, precompile: () => string): string {
      const key = createHash('sha256').update(salt).update('\0').update(source).digest('hex');
      const hit = stored[key];
      if (typeof hit === 'string') return (used[key] = hit);
      missed = true;
      return (used[key] = precompile());
    },
    save(): void {
      if (!file || !missed) return;
      mkdirSync(cacheDir, { recursive: true });
      const temp = `${file}.${process.pid}-${Date.now()}.tmp`;
      writeFileSync(temp, JSON.stringify(used));
      renameSync(temp, file);
    },
  };
}
