import type { JsonObject } from './load.ts';

/** What swagger-parser's validation reported, as plain data (it may come from the worker thread). */
export interface SwaggerParserFailure {
  message: string;
  details?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
}

export declare function loadOpenapiTypescript(): unknown;
/** Where printRawTypes keeps its previous output (see incremental-types.mjs), and who hears which way it printed. */
export interface RawTypesOptions {
  cacheFile?: string | null;
  report?: (how: 'full' | 'incremental') => void;
}

export declare function printRawTypes(document: JsonObject, options?: RawTypesOptions): Promise<string>;
/** Reads printRawTypes' entry in `cacheFile` ahead of the print that will use it. */
export declare function prepareRawTypesCache(cacheFile: string): Promise<void>;
/** Resolves once the cache entries printRawTypes queued in this thread are written. */
export declare function settleRawTypesCache(): Promise<void>;
export declare function checkWithSwaggerParser(
  document: JsonObject,
  options?: { cacheDir?: string | null },
): Promise<SwaggerParserFailure | null>;
export declare function formatTypeScript(jobs: { filepath: string; text: string }[], config: object): Promise<string[]>;
export declare function mayRecurseDirectly(document: JsonObject): boolean;
export declare function hoistRecursiveSchemas(source: string): Promise<string>;
