import type { JsonObject } from './load.ts';
import type { SwaggerParserFailure } from './heavy-steps.mjs';

/** A compiled OpenAPI schema check: true when valid, ajv's errors on `errors` otherwise. */
export interface CompiledValidator {
  (document: unknown): boolean;
  errors?: unknown[] | null;
}

export declare function swaggerParserSchema(
  openapi: unknown,
): { name: string; schema: JsonObject; Ajv: unknown } | null;
export declare function compileStandalone(document: unknown): string | null;
export declare function schemaValidator(cacheDir: string, document: unknown): CompiledValidator | null;
export declare const PARSED_VERSIONS: string[];
export declare function swaggerParserFailure(error: unknown): SwaggerParserFailure;
export declare function verdictWithCompiledSchema(
  document: JsonObject,
  cacheDir: string,
): Promise<SwaggerParserFailure | null | undefined>;
