/** The resource names `synthesizeSpec(count)` uses, in order. */
export declare function resourceNames(count: number): string[];
/** A synthetic Astra-style OpenAPI 3.1 document with `resources` resources (five operations each). */
export declare function synthesizeSpec(resources: number): Record<string, unknown>;
