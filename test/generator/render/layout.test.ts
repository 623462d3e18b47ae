// The width decisions of the layouts at printWidth (120): each construct
// that breaks, built so that its one-line form is 119, 120 and 121 columns
// wide, must stay on one line up to 120, break at 121, and print exactly what
// prettier prints for the same code.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import type { TypeNode } from '../../../scripts/model/types.ts';
import { type Doc, print } from '../../../scripts/render/layout.ts';
import {
  PRETTIER_FORM,
  Vouch,
  arrayDoc,
  braces,
  importStatement,
  stringProperty,
  tsString,
  typeAliasDoc,
  valueProperty,
} from '../../../scripts/render/typescript-layout.ts';
import { type MethodShape, methodDoc } from '../../../scripts/render/method-layout.ts';
import { repoRoot } from '../support/paths.ts';

const configFile = path.join(repoRoot, '.prettierrc.json');

async function prettierOf(text: string): Promise<string> {
  const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
  return prettier.format(text, { ...config, parser: 'babel-ts', filepath: 'x.ts' });
}

function layout(doc: Doc, indent = 0, column = indent): string {
  return print(doc, { printWidth: PRETTIER_FORM.printWidth, startIndent: indent, startColumn: column });
}

const types = () => ({ vouch: new Vouch(), propertyDocLines: () => [] });
const literals = (...values: string[]): Extract<TypeNode, { kind: 'union' }> => ({
  kind: 'union',
  members: values.map((value) => ({ kind: 'literal', value })),
});
const pad = (name: string, width: number) => name + 'x'.repeat(Math.max(0, width));

/**
 * Each construct: `render(n)` gives the file text, with a name `n` columns
 * longer than the shortest; `line` is the line whose flat width is measured.
 */
interface Construct {
  render(extra: number): string;
  /** The one-line form of the measured line at `extra` 0 (its width grows one column per `extra`). */
  flatLine: (extra: number) => string;
}

const METHOD: MethodShape = {
  kind: 'get',
  descriptor: 'getThingOperation',
  ids: ['thingId'],
  result: { doc: 'Thing', hug: true, name: 'Thing' },
  body: null,
  typeParams: [],
  query: null,
  selectable: false,
  options: 'RequestOptions',
  sendsBody: false,
};

const member = (name: string, arrow: string) =>
  `export function things(rt: Runtime) {\n  return {\n    ${name}: ${arrow}\n  };\n}\n`;

const CONSTRUCTS: Record<string, Construct> = {
  'import list': {
    render: (n) => importStatement(['Alpha', pad('Beta', n), 'Gamma'], './module.js', true) + '\n',
    flatLine: (n) => `import type { Alpha, ${pad('Beta', n)}, Gamma } from './module.js';`,
  },
  'union alias (moves after =, then one member a line)': {
    render: (n) => layout(typeAliasDoc(pad('State', n), literals('pending', 'running', 'completed'), types())) + '\n',
    flatLine: (n) => `export type ${pad('State', n)} = 'pending' | 'running' | 'completed';`,
  },
  'union alias, on its own line': {
    render: (n) =>
      layout(typeAliasDoc('S', literals(pad('pending', n), 'running', 'completed', 'failed'), types())) + '\n',
    flatLine: (n) => `  '${pad('pending', n)}' | 'running' | 'completed' | 'failed';`,
  },
  'union property': {
    render: (n) =>
      layout(
        typeAliasDoc(
          'T',
          {
            kind: 'object',
            additional: null,
            properties: [
              {
                name: pad('state', n),
                required: false,
                readOnly: true,
                writeOnly: false,
                secret: false,
                type: literals('pending', 'running'),
                doc: { constraints: [], deprecated: false },
              },
            ],
          },
          types(),
        ),
      ) + '\n',
    flatLine: (n) => `  readonly ${pad('state', n)}?: 'pending' | 'running';`,
  },
  'array type argument': {
    render: (n) =>
      layout(
        typeAliasDoc('Capabilities', { kind: 'array', items: literals(pad('neptune', n), 'proxy', 'relay') }, types()),
      ) + '\n',
    flatLine: (n) => `export type Capabilities = Array<'${pad('neptune', n)}' | 'proxy' | 'relay'>;`,
  },
  'union in an intersection': {
    render: (n) =>
      layout(
        typeAliasDoc(
          'Reading',
          { kind: 'intersection', members: [{ kind: 'ref', name: 'Base' }, literals(pad('percent', n), 'bytes')] },
          types(),
        ),
      ) + '\n',
    flatLine: (n) => `export type Reading = Base & ('${pad('percent', n)}' | 'bytes');`,
  },
  'index signature of a recursive map': {
    render: (n) =>
      layout(
        typeAliasDoc(
          'Tree',
          {
            kind: 'object',
            properties: [],
            additional: {
              kind: 'union',
              members: [{ kind: 'ref', name: 'Tree' }, ...literals(pad('leaf', n), 'x').members],
            },
          } as TypeNode,
          { ...types(), recursive: new Set(['Tree']) },
        ),
      ) + '\n',
    flatLine: (n) => `export type Tree = { [key: string]: Tree | '${pad('leaf', n)}' | 'x' };`,
  },
  'descriptor list': {
    render: (n) =>
      `const op = {\n  queryParams: ${layout([arrayDoc(['limit', pad('filter', n)].map(tsString)), ','], 2, 2 + 'queryParams: '.length)}\n};\n`,
    flatLine: (n) => `  queryParams: ['limit', '${pad('filter', n)}'],`,
  },
  'method on one line, else its body on the next': {
    render: (n) => member('get', layout([methodDoc({ ...METHOD, descriptor: pad('op', n) }), ','], 4, 9)),
    flatLine: (n) =>
      `    get: (thingId: string, options?: RequestOptions): ApiPromise<Thing> => rt.get<Thing>(${pad('op', n)}, [thingId], options),`,
  },
  'method parameters, one a line': {
    render: (n) =>
      member(
        'get',
        layout([methodDoc({ ...METHOD, ids: ['thingId', pad('partId', n)], descriptor: 'op' }), ','], 4, 9),
      ),
    flatLine: (n) =>
      `    get: (thingId: string, ${pad('partId', n)}: string, options?: RequestOptions): ApiPromise<Thing> =>`,
  },
  'call arguments, one a line': {
    render: (n) =>
      member(
        'get',
        layout(
          [methodDoc({ ...METHOD, ids: [pad('thingId', 52 + n)], descriptor: pad('getThingOperation', 40) }), ','],
          4,
          9,
        ),
      ),
    flatLine: (n) => `      rt.get<Thing>(${pad('getThingOperation', 40)}, [${pad('thingId', 52 + n)}], options),`,
  },
  'problem entry': {
    render: (n) =>
      `const problems = {\n  notFound: ${layout(
        [
          braces(
            [
              valueProperty('number', '1'),
              valueProperty('status', '404'),
              stringProperty('title', pad('Not found', n)),
              stringProperty('type', '/problems/1'),
              valueProperty('extensions', arrayDoc([])),
            ],
            ',',
            false,
          ),
          ',',
        ],
        2,
        12,
      )}\n};\n`,
    flatLine: (n) =>
      `  notFound: { number: 1, status: 404, title: '${pad('Not found', n)}', type: '/problems/1', extensions: [] },`,
  },
};

describe('layout at the printWidth boundary', () => {
  const cases = Object.keys(CONSTRUCTS).flatMap((name) => [119, 120, 121].map((width) => [name, width] as const));
  it.each(cases)('%s, one-line form %i columns wide', async (name, width) => {
    const construct = CONSTRUCTS[name]!;
    const extra = width - construct.flatLine(0).length;
    expect(construct.flatLine(extra)).toHaveLength(width);
    const text = construct.render(extra);
    expect(text).toBe(await prettierOf(text));
    const flat = text.split('\n').includes(construct.flatLine(extra));
    expect(flat, `the ${width}-column line ${flat ? 'stayed' : 'was broken'}:\n${text}`).toBe(width <= 120);
  });
});

describe('tsString', () => {
  const tests: [string, string][] = [
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`'a' "b"`, `'\\'a\\' "b"'`],
    [`'a' "b" "c"`, `'\\'a\\' "b" "c"'`],
    [`'a' 'b' "c"`, `"'a' 'b' \\"c\\""`],
    ['line\nbreak\\', "'line\\nbreak\\\\'"],
    ['\u2028', "'\\u2028'"],
    ['del \u007f, emoji \u{1f600}', "'del \u007f, emoji \u{1f600}'"],
    ['tab\t', "'tab\\t'"],
  ];
  it.each(tests)('%j → %s, as prettier quotes it', async (value, want) => {
    expect(tsString(value)).toBe(want);
    const text = `export const x = ${want};\n`;
    expect(await prettierOf(text)).toBe(text);
  });
});
