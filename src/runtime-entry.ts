// Entry point `astra-control-sdk/runtime`: what generated client code imports.
// The generator writes `astra-control-sdk/runtime` into output generated
// outside this repository (and the relative path to this file into the
// repository's own generated/), so a client generated from another spec
// compiles wherever the package is installed: its resource tree is built
// with `createResourceTree(createRuntime(options))`.

export type * from './operation.js';
export { createRuntime } from './internal/runtime.js';
export type { ClientOptions as RuntimeOptions } from './internal/config.js';
export { encodePathSegment } from './internal/request.js';
