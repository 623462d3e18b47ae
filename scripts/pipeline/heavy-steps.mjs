// The three heavy, pure steps of a generation, implemented once: openapi-
// typescript's raw types, swagger-parser's validation of the bundled document,
// and prettier. pipeline/offload.ts runs openapi-typescript and prettier
// in-process or on the worker thread (offload-worker.mjs), swagger-parser runs
// on the main thread; every thread calls these same functions, so the bytes
// cannot depend on which thread did the work. Plain JavaScript so the worker
// can load it under any loader.

import { createRequire } from 'node:module';
import { swaggerParserFailure, verdictWithCompiledSchema } from './schema-validator.mjs';
import { prepareRawTypesCache, printWithCache, settleRawTypesCache } from './incremental-types.mjs';

// openapi-typescript is loaded through its CommonJS build: importing its ES
// module build makes Node's ES loader detect the format of, and scan for named
// exports, the 9 MB typescript.js it imports, which costs about as much again
// as compiling it (about 0.6 s of a generation on this machine). Only the
// modules used here are loaded (its transform, printer and ref helpers): its
// entry point also loads @redocly/openapi-core for the parse, lint and bundle
// that openapiTS() does and printRawTypes() skips, a third of the load.
const require = createRequire(import.meta.url);

/** The parts of openapi-typescript's CommonJS build printRawTypes uses (the worker calls this first, to load them while the main thread reads the spec). */
export function loadOpenapiTypescript() {
  const transformSchema = require('openapi-typescript/dist/transform/index.cjs');
  const { astToString } = require('openapi-typescript/dist/lib/ts.cjs');
  const { resolveRef, scanDiscriminators } = require('openapi-typescript/dist/lib/utils.cjs');
  // Its pointer parser and TypeScript, as openapi-typescript itself resolves them.
  const fromIt = createRequire(require.resolve('openapi-typescript/dist/lib/utils.cjs'));
  const { parseRef } = fromIt('@redocly/openapi-core/lib/ref-utils.js');
  const versions = [require('openapi-typescript/package.json').version, fromIt('typescript').version];
  return { transformSchema, astToString, resolveRef, scanDiscriminators, parseRef, versions };
}

/**
 * openapi-typescript's `paths`/`components` types for a bundled document, as
 * text: its own transform and printer over the document, with the options
 * its `openapiTS()` fills in by default. `openapiTS()` first parses, lints
 * and bundles the document with Redocly; here the document is already
 * bundled (swagger-parser, internal $refs only) and is validated by
 * swagger-parser and the own checks before anything is rendered, so that
 * pass would return the same document and cost a third of the time. (It
 * was also what crashed on property names that are Object.prototype members,
 * such as `hasOwnProperty`: the transform itself handles them.)
 *
 * The transform changes the document it is given (a discriminator's mapping
 * is written into its members): pass a copy.
 *
 * With a `cacheFile`, only the members that may have changed since the run
 * that stored it are printed again (pipeline/incremental-types.mjs); the
 * bytes are the same either way. `report` is told 'full' or 'incremental'.
 */
export async function printRawTypes(document, { cacheFile = null, report } = {}) {
  if (cacheFile) await settleRawTypesCache(); // the last print's entry, if still being written
  const openapiTypescript = loadOpenapiTypescript();
  const { transformSchema, astToString, scanDiscriminators, parseRef, versions } = openapiTypescript;
  const recursive = mayRecurseDirectly(document);
  const discriminators = scanDiscriminators(document, { alphabetize: true, silent: true });
  const options = transformOptions(document, discriminators, openapiTypescript);
  // Each print gets a fresh context: the transform appends to its footer.
  const print = (part) => astToString(transformSchema(part, { ...options, injectFooter: [] }));
  const text = cacheFile
    ? printWithCache(document, {
        print,
        cacheFile,
        parseRef,
        report,
        salt: JSON.stringify({ versions, options, discriminators }),
      })
    : print(document);
  return recursive ? hoistRecursiveSchemas(text) : text;
}

export { prepareRawTypesCache, settleRawTypesCache };

/** openapiTS()'s context for `{ alphabetize: true, silent: true }`, every other option at its default. */
function transformOptions(schema, discriminators, { resolveRef }) {
  return {
    additionalProperties: false,
    alphabetize: true,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
}

// openapi-typescript prints every schema as a member of `components.schemas`
// and every reference as `components["schemas"]["X"]`. A schema that reaches
// itself through array items or unions only, with no object member in between
// (`JsonValue: string | components["schemas"]["JsonValue"][]`), is then a
// member whose type annotation refers to itself, which tsc rejects (TS2502),
// though the same type as an alias is fine. Such members are given a local
// recursive alias instead; everything else is left byte for byte.
const HOISTED_PREFIX = '__RecursiveSchema';

export async function hoistRecursiveSchemas(source) {
  if (!source.includes('components["schemas"]')) return source;
  const ts = require('typescript');
  const file = ts.createSourceFile('openapi-types.ts', source, ts.ScriptTarget.Latest, true);
  const members = schemaMembers(ts, file);
  const edges = new Map();
  for (const [name, member] of members) edges.set(name, directSchemaRefs(ts, member.type));
  const recursive = [...members.keys()].filter((name) => reaches(edges, name, name));
  if (recursive.length === 0) return source;
  const alias = new Map(recursive.map((name, i) => [name, `${HOISTED_PREFIX}${i}`]));
  const refText = (name) => `components["schemas"][${JSON.stringify(name)}]`;
  const declarations = recursive.map((name) => {
    let body = members.get(name).type.getText(file);
    for (const [target, local] of alias) body = body.replaceAll(refText(target), local);
    return `type ${alias.get(name)} = ${body};`;
  });
  let out = source;
  // Replaced from the end of the text backwards, so earlier offsets stay valid.
  const start = (name) => members.get(name).type.getStart(file);
  for (const name of [...recursive].sort((a, b) => start(b) - start(a))) {
    const type = members.get(name).type;
    out = out.slice(0, type.getStart(file)) + alias.get(name) + out.slice(type.getEnd());
  }
  return `${out.trimEnd()}\n${declarations.join('\n')}\n`;
}

/**
 * Whether some schema of `components.schemas` may reach itself other than
 * through an object's `properties`: a test on the document that over-counts
 * (every $ref outside `properties` is an edge), so a `false` is certain and
 * spares loading TypeScript to parse the printed types, which costs more than
 * openapi-typescript itself on a large spec.
 */
export function mayRecurseDirectly(document) {
  const schemas = document?.components?.schemas;
  if (schemas === null || typeof schemas !== 'object') return false;
  const prefix = '#/components/schemas/';
  const collect = (node, out) => {
    if (Array.isArray(node)) for (const member of node) collect(member, out);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(prefix)) {
      const token = node.$ref.slice(prefix.length).split('/')[0];
      out.add(decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    for (const key of Object.keys(node)) if (key !== 'properties') collect(node[key], out);
  };
  const edges = new Map();
  for (const name of Object.keys(schemas)) {
    const out = new Set();
    collect(schemas[name], out);
    edges.set(name, [...out]);
  }
  return Object.keys(schemas).some((name) => reaches(edges, name, name));
}

/** The members of `components.schemas` by schema name. */
function schemaMembers(ts, file) {
  const out = new Map();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== 'components') continue;
    for (const group of statement.members) {
      if (!ts.isPropertySignature(group) || group.name.getText(file) !== 'schemas') continue;
      if (!group.type || !ts.isTypeLiteralNode(group.type)) continue;
      for (const member of group.type.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const key = member.name;
        out.set(ts.isStringLiteral(key) || ts.isIdentifier(key) ? key.text : key.getText(file), member);
      }
    }
  }
  return out;
}

/** Schema names referenced by `type` other than from inside an object type's members. */
function directSchemaRefs(ts, type) {
  const refs = [];
  const visit = (node) => {
    if (ts.isTypeLiteralNode(node) || ts.isMappedTypeNode(node)) return;
    if (ts.isIndexedAccessTypeNode(node)) {
      const inner = node.objectType;
      if (
        ts.isIndexedAccessTypeNode(inner) &&
        inner.objectType.getText() === 'components' &&
        inner.indexType.getText() === '"schemas"' &&
        ts.isLiteralTypeNode(node.indexType) &&
        ts.isStringLiteral(node.indexType.literal)
      ) {
        refs.push(node.indexType.literal.text);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(type);
  return refs;
}

function reaches(edges, from, target) {
  const seen = new Set();
  const stack = [...(edges.get(from) ?? [])];
  while (stack.length) {
    const next = stack.pop();
    if (next === target) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return false;
}

/**
 * swagger-parser's validation of a bundled document: null when it passes, else
 * its message and details. With a cache folder, a document the compiled
 * schema check passes is answered without swagger-parser (schema-validator.mjs);
 * any other goes through swagger-parser's validate() in full, so a rejection
 * always carries its own message and details.
 */
export async function checkWithSwaggerParser(document, { cacheDir = null } = {}) {
  if (cacheDir) {
    const verdict = await verdictWithCompiledSchema(document, cacheDir);
    if (verdict !== undefined) return verdict;
  }
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    await SwaggerParser.validate(structuredClone(document), { resolve: { external: false, http: false } });
    return null;
  } catch (error) {
    return swaggerParserFailure(error);
  }
}

/** Formats TypeScript sources with prettier's babel-ts parser and the given config, in order. */
export async function formatTypeScript(jobs, config) {
  const prettier = await import('prettier');
  const out = [];
  for (const { text, filepath } of jobs)
    out.push(await prettier.format(text, { ...config, parser: 'babel-ts', filepath }));
  return out;
}
