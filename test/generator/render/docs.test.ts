// The generated docs read as a user reads them: rendered by a real markdown
// renderer (markdown-it), every page of generated/ and of the golden trees
// shows code as written and well-formed tables; and they say what the spec
// and the SDK say: every request field described, every example body valid
// for its schema, problems only where the operation can get them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../../scripts/pipeline/load.ts';
import { buildModel } from '../../../scripts/model/build.ts';
import type { ApiModel } from '../../../scripts/model/types.ts';
import { codeSpans } from '../../../scripts/render/escape.ts';
import { fieldProse, operationDocFacts, resourceDocViews, tableMembers } from '../../../scripts/render/docs-views.ts';
import { makeAjv } from '../../support/spec-checks.ts';
import { goldenFixtures } from '../support/golden.ts';
import { where } from '../../../src/filter.ts';
import { listFiles, repoRoot } from '../support/paths.ts';

const generatedDir = path.join(repoRoot, 'generated');

/** Every generated markdown page: generated/ and the golden trees. */
function markdownPages(): [string, string][] {
  const dirs = [generatedDir, ...goldenFixtures().map((f) => f.expectedDir)];
  return dirs.flatMap((dir) =>
    listFiles(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f): [string, string] => [
        path.relative(repoRoot, path.join(dir, f)),
        readFileSync(path.join(dir, f), 'utf8'),
      ]),
  );
}

const md = new MarkdownIt({ html: true });

/** Unescaped `|` outside code spans… and inside them too: GFM splits a row on every unescaped pipe. */
const cellCount = (row: string) => (row.replace(/\\\\/g, '').match(/(?<!\\)\|/g) ?? []).length;

describe('generated markdown, rendered by markdown-it', () => {
  const pages = markdownPages();

  it('covers generated/ and the golden trees', () => {
    expect(pages.filter(([f]) => f.startsWith('generated/')).length).toBeGreaterThan(40);
    expect(pages.some(([f]) => f.startsWith('test/fixtures/'))).toBe(true);
  });

  it('shows no entity or markdown escape (`a\\[*\\].b`) inside any code span', () => {
    const bad: string[] = [];
    let spans = 0;
    for (const [file, text] of pages)
      for (const token of md.parse(text, {}))
        for (const child of token.children ?? [])
          if (child.type === 'code_inline') {
            spans++;
            if (/&(lt|gt|amp|quot|#\d+);|\\\[\*\\\]/.test(child.content)) bad.push(`${file}: ${child.content}`);
          }
    expect(bad).toEqual([]);
    expect(spans).toBeGreaterThan(1000);
  });

  it('renders the spec’s own code spans unchanged (`<name>` in a media type, array paths)', () => {
    const text = readFileSync(path.join(generatedDir, 'docs/account.md'), 'utf8');
    const codes = md
      .parse(text, {})
      .flatMap((t) => (t.children ?? []).filter((c) => c.type === 'code_inline').map((c) => c.content));
    expect(codes).toContain('application/astra-<name>+json');
    expect(codes).toContain('a[*].b');
  });

  it('has tables whose every row has the header’s column count, each read as a table', () => {
    const bad: string[] = [];
    let tables = 0;
    for (const [file, text] of pages) {
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!(lines[i]!.startsWith('|') && lines[i + 1]?.startsWith('| ---'))) continue;
        tables++;
        const want = cellCount(lines[i]!);
        if (cellCount(lines[i + 1]!) !== want) bad.push(`${file}:${i + 2}: delimiter row`);
        for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++)
          if (cellCount(lines[j]!) !== want)
            bad.push(`${file}:${j + 1}: ${cellCount(lines[j]!)} pipes, header ${want}`);
      }
      const rendered = md.parse(text, {}).filter((t) => t.type === 'table_open').length;
      const written = lines.filter((l, i) => l.startsWith('|') && lines[i + 1]?.startsWith('| ---')).length;
      if (rendered !== written) bad.push(`${file}: ${written} tables written, ${rendered} rendered`);
    }
    expect(bad).toEqual([]);
    expect(tables).toBeGreaterThan(200);
  });

  it('holds no HTML but the banner comment and anchors', () => {
    const bad: string[] = [];
    for (const [file, text] of pages)
      for (const token of md.parse(text, {})) {
        if (token.type === 'html_block' && !/^<!-- [^\n]* -->\n$/.test(token.content))
          bad.push(`${file}: ${token.content}`);
        for (const child of token.children ?? [])
          if (child.type === 'html_inline' && !/^(<a id="[\w-]+">|<\/a>)$/.test(child.content))
            bad.push(`${file}: ${child.content}`);
      }
    expect(bad).toEqual([]);
  });

  it('links only to pages and anchors that exist', () => {
    const anchors = new Map<string, Set<string>>();
    for (const [file, text] of pages)
      anchors.set(file, new Set([...text.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]!)));
    const bad: string[] = [];
    for (const [file, text] of pages)
      for (const token of md.parse(text, {}))
        for (const child of token.children ?? []) {
          const href = child.type === 'link_open' ? String(child.attrGet('href') ?? '') : '';
          if (!href || /^https?:/.test(href)) continue;
          const [target, anchor] = href.split('#');
          const page = target ? path.relative(repoRoot, path.join(repoRoot, path.dirname(file), target)) : file;
          if (!anchors.has(page)) bad.push(`${file}: ${href} (no page)`);
          else if (anchor && !anchors.get(page)!.has(anchor)) bad.push(`${file}: ${href} (no anchor)`);
        }
    expect(bad).toEqual([]);
  });
});

describe('docs of the real spec', () => {
  let model: ApiModel;
  let bundled: Record<string, unknown>;
  beforeAll(async () => {
    ({ bundled } = await load(path.join(repoRoot, 'spec/openapi.yaml')));
    model = buildModel(bundled as never);
  });

  it('describes every field of every request table and every parameter (the spec has the words)', () => {
    const ctx = { schemas: new Map(model.schemas.map((s) => [s.name, s])) };
    const missing: string[] = [];
    for (const { operation: op } of operationDocFacts(model)) {
      for (const p of op.requestBody ? tableMembers(op.requestBody.type, ctx) : [])
        if (!['type', 'version'].includes(p.name) && !fieldProse(p, ctx)) missing.push(`${op.id} body ${p.name}`);
      for (const p of [...op.parameters.path, ...op.parameters.header])
        if (!p.doc.description) missing.push(`${op.id} ${p.location} ${p.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('describes every member of every type a page documents: response fields, list items, nested types', () => {
    const ctx = { schemas: new Map(model.schemas.map((s) => [s.name, s])) };
    const missing: string[] = [];
    let members = 0;
    for (const page of resourceDocViews(model))
      for (const type of page.types)
        for (const p of tableMembers({ kind: 'ref', name: type.name }, ctx)) {
          members++;
          if (!fieldProse(p, ctx)) missing.push(`${page.file}: ${type.name}.${p.name}`);
        }
    expect(members).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it('shows example bodies that, with what the SDK fills, validate against the request schema (ajv)', () => {
    // The bundled document is one schema resource, so every body's $ref (and every $ref inside) resolves.
    const ajv = makeAjv();
    ajv.addSchema({ components: bundled.components }, 'spec.json');
    const paths = bundled.paths as Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>
    >;
    const failures: string[] = [];
    let checked = 0;
    for (const { operation: op, exampleInput } of operationDocFacts(model)) {
      if (!exampleInput) continue;
      checked++;
      const sent = {
        ...(op.resourceType ? { type: op.resourceType } : {}),
        ...(op.versions.length ? { version: op.versions[0] } : {}),
        ...exampleInput,
      };
      const ref =
        paths[op.path]![op.method.toLowerCase()]!.requestBody!.content[op.requestBody!.mediaType]!.schema.$ref!;
      const validate = ajv.compile({ $ref: `spec.json${ref}` });
      const errors = validate(sent) ? [] : [ajv.errorsText(validate.errors)];
      if (errors.length) failures.push(`${op.id}: ${errors.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it('shows examples that set the field their schema’s if/then rules key on, so the rule they illustrate is checked', () => {
    const components = (bundled.components as { schemas: Record<string, Json> }).schemas;
    type Json = { $ref?: string; allOf?: Json[]; if?: { properties?: Record<string, { const?: unknown }> } };
    /** Fields named with a `const` by an `if` reached through $ref and allOf. */
    const discriminators = (schema: Json | undefined, seen = new Set<string>()): string[] => {
      if (!schema) return [];
      if (schema.$ref) {
        if (seen.has(schema.$ref)) return [];
        seen.add(schema.$ref);
        return discriminators(components[schema.$ref.split('/').pop()!], seen);
      }
      const own = Object.entries(schema.if?.properties ?? {})
        .filter(([, p]) => p.const !== undefined)
        .map(([k]) => k);
      return [...own, ...(schema.allOf ?? []).flatMap((s) => discriminators(s, seen))];
    };
    const missing: string[] = [];
    let ruled = 0;
    for (const { operation: op, exampleInput } of operationDocFacts(model)) {
      if (!exampleInput || op.requestBody?.type.kind !== 'ref') continue;
      const keys = new Set(discriminators({ $ref: `#/components/schemas/${op.requestBody.type.name}` }));
      if (!keys.size) continue;
      ruled++;
      if (![...keys].some((k) => k in exampleInput)) missing.push(`${op.id}: sets none of ${[...keys].join(', ')}`);
    }
    expect(missing).toEqual([]);
    expect(ruled).toBeGreaterThanOrEqual(2);
  });

  it('shows the credential example with the keyStore parts its keyType requires', () => {
    const create = operationDocFacts(model).find((f) => f.operation.id === 'createCredential')!;
    expect(create.exampleInput).toMatchObject({
      keyType: 's3',
      keyStore: { accessKey: expect.any(String), accessSecret: expect.any(String) },
    });
  });

  it('lists query-parameter problems only for operations that take query parameters', () => {
    const pages = resourceDocViews(model);
    const credential = pages.find((p) => p.file === 'docs/credential.md')!;
    const statuses = (summary: string) =>
      credential.methods.find((m) => m.summary === summary)!.errors.map((e) => e.status);
    expect(statuses('List all credentials')).toContain('400');
    expect(statuses('Retrieve a credential')).not.toContain('400');
    const create = credential.methods.find((m) => m.summary === 'Create a new credential')!;
    const queryProblems = model.problems.filter((p) => p.aboutQuery);
    expect(queryProblems.length).toBeGreaterThan(0);
    for (const p of queryProblems) {
      expect(create.errors.map((e) => e.problems).join(' ')).not.toContain(`#problem-${p.number})`);
      expect(credential.methods[0]!.errors.map((e) => e.problems).join(' ')).toContain(`#problem-${p.number})`);
    }
  });

  it('names the SDK-filled members once, never as body fields, and documents waitFor and ifMatch where they exist', () => {
    const pages = resourceDocViews(model);
    for (const page of pages)
      for (const m of page.methods) {
        expect(m.bodyFields.map((f) => f.name)).not.toContain('`type`');
        if (m.bodyFields.length && m.sdkFills) expect(m.sdkFills).toMatch(/^The SDK fills `type`/);
      }
    const backups = pages.find((p) => p.methods.some((m) => m.signature.startsWith('astra.apps.appBackups.waitFor(')));
    expect(backups, 'astra.apps.appBackups.waitFor is documented').toBeDefined();
    const withState = model.operations.filter((op) => op.states.length).length;
    const waitFors = pages.flatMap((p) => p.methods).filter((m) => /\.waitFor\(/.test(m.signature)).length;
    expect(waitFors).toBe(withState);
    const conditional = model.operations.filter((op) => op.conditional).length;
    const ifMatch = pages
      .flatMap((p) => p.methods)
      .filter((m) => m.parameters.some((r) => r.name === '`options.ifMatch`')).length;
    expect(ifMatch).toBe(conditional);
  });

  it('does not contradict the SDK: include yields objects, filter names exactly the operators where() has', () => {
    const pages = readdirSync(path.join(generatedDir, 'docs')).map((f) =>
      readFileSync(path.join(generatedDir, 'docs', f), 'utf8'),
    );
    for (const text of pages) expect(text).not.toMatch(/each item is (instead )?an array/);
    const operators = Object.keys(where('name'));
    expect(operators.length).toBeGreaterThan(0);
    const filterRow = resourceDocViews(model)
      .flatMap((p) => p.methods)
      .flatMap((m) => m.parameters)
      .find((r) => r.name === '`query.filter`')!;
    const named = codeSpans(filterRow.description)
      .filter((s) => s.code && /^`[a-z]+`$/.test(s.text))
      .map((s) => s.text.slice(1, -1));
    expect(named.sort()).toEqual([...operators].sort());
  });

  it('keeps the spec’s code spans whole in the field descriptions', () => {
    const page = resourceDocViews(model).find((p) => p.file === 'docs/credential.md')!;
    const keyType = page.methods.flatMap((m) => m.bodyFields).find((f) => f.name === '`keyType`')!;
    expect(
      codeSpans(keyType.description)
        .filter((s) => s.code)
        .map((s) => s.text),
    ).toContain('`passwordHash`');
  });
});
