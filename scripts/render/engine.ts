// Handlebars, set up once: templates from templates/ compiled in strict mode,
// with a closed list of helpers, and HTML escaping off because every helper
// escapes for its own context (a TypeScript file is not HTML). Spec text is
// only ever passed as data, never compiled as a template.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { markdownCode, markdownJsonBlock, markdownText, stringLiteral } from './escape.ts';

const HELPERS = {
  /** A TypeScript string literal. */
  str: (value: unknown) => stringLiteral(String(value)),
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

export function loadTemplates(dir: string): Templates {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const options: CompileOptions = {
    strict: true,
    noEscape: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
    preventIndent: true,
  };
  const partialsDir = path.join(dir, 'partials');
  for (const file of readdirSync(partialsDir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    hb.registerPartial(
      file.replace(/\.hbs$/, ''),
      hb.compile(readFileSync(path.join(partialsDir, file), 'utf8'), options),
    );
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(name, view) {
      let template = compiled.get(name);
      if (!template) {
        template = hb.compile(readFileSync(path.join(dir, `${name}.hbs`), 'utf8'), options);
        compiled.set(name, template);
      }
      return template(view);
    },
  };
}
