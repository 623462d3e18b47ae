// How generated modules import the runtime contract (src/runtime-entry.ts,
// published as `astra-control-sdk/runtime`). Inside this repository's own
// generated/ they import it by relative path, so the SDK compiles from its
// sources; output written anywhere else imports the package's export, so a
// client generated from another spec compiles wherever the package is
// installed.
import path from 'node:path';

export const PACKAGE_RUNTIME = 'astra-control-sdk/runtime';

/** The runtime's source, relative to the repository root. */
const RUNTIME_SOURCE = 'src/runtime-entry.js';

/** Gives the specifier a generated file (a path relative to the output folder) imports the runtime by. */
export type RuntimeImport = (file: string) => string;

/**
 * `projectRoot` is this repository; `out` the folder the files are written
 * to (undefined when they are only compared, as the golden tests do: that is
 * "anywhere else").
 */
export function runtimeImportFor(projectRoot: string, out: string | undefined): RuntimeImport {
  const ownOutput = out !== undefined && path.resolve(out) === path.join(projectRoot, 'generated');
  if (!ownOutput) return () => PACKAGE_RUNTIME;
  return (file) => path.posix.relative(path.posix.dirname(`generated/${file}`), RUNTIME_SOURCE);
}
