import type { JsonObject } from './load.ts';

/** A compiled OpenAPI schema check: true when valid, ajv's errors on `errors` otherwise. */
export interface CompiledValidator {
  (document: unknown): boolean;
  errors?: unknown[] | null;
}

export declare function swaggerParserSchema(
  openapi: unknown,
): { name: string; schema: JsonObject; Ajv: unknown } | null;
export declare function compileStandalone(openapi: unknown): string | null;
export declare function schemaValidator(cacheDir: string, openapi: unknown): CompiledValidator | null;
