// Loads the TypeScript pipeline for scripts/cli.mjs, compiled once per
// version of the generator's own code instead of on every run. The entry and
// everything under scripts/ it imports are bundled by esbuild into one ES
// module under node_modules/.cache/astra-control-sdk/compiled/, named by a
// hash of scripts/, package.json and package-lock.json; libraries stay
// imports of node_modules. Each module's `import.meta.url` and
// `import.meta.dirname` are replaced by its source location, so paths
// computed from them (the project root, the worker's file) are those of the
// sources. Where esbuild cannot run, tsx loads the sources as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesUnder } from './stamp.mjs';

/** A hash of everything the compiled bundle depends on. */
function codeHash(projectRoot) {
  const hash = createHash('sha256');
  for (const rel of filesUnder(path.join(projectRoot, 'scripts')))
    hash
      .update(`${rel}\0`)
      .update(readFileSync(path.join(projectRoot, 'scripts', rel)))
      .update('\0');
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(projectRoot, file);
    if (existsSync(full)) hash.update(`${file}\0`).update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Replaces `import.meta.url` and `import.meta.dirname` in each bundled source by its own location. */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)));
      return { contents: text, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
    });
  },
};

/** The module `entry` (relative to the project root), compiled; falls back to tsx. */
export async function loadCompiled(projectRoot, entry) {
  const dir = path.join(projectRoot, 'node_modules/.cache/astra-control-sdk/compiled', codeHash(projectRoot));
  const bundle = path.join(dir, `${path.basename(entry).replace(/\.[^.]+$/, '')}.mjs`);
  if (!existsSync(bundle)) {
    let esbuild;
    try {
      esbuild = await import('esbuild');
    } catch {
      const { register } = await import('tsx/esm/api');
      register();
      return import(pathToFileURL(path.join(projectRoot, entry)).href);
    }
    mkdirSync(dir, { recursive: true });
    const temp = `${bundle}.${process.pid}.tmp.mjs`;
    await esbuild.build({
      entryPoints: [path.join(projectRoot, entry)],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      plugins: [sourceLocations],
    });
    renameSync(temp, bundle);
    // Bundles of earlier versions of scripts/ are of no further use.
    for (const old of readdirSync(path.dirname(dir)))
      if (old !== path.basename(dir) && /^[0-9a-f]{32}$/.test(old))
        rmSync(path.join(path.dirname(dir), old), { recursive: true, force: true });
  }
  return import(pathToFileURL(bundle).href);
}
