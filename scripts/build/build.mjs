// `npm run build`: dist/esm (ES modules, .d.ts, declaration maps) and
// dist/cjs (CommonJS and .d.ts for require() on Node 20), both by the
// TypeScript compiler from the entry points in entries.mjs.
//
// Why tsc twice rather than a bundler or a dual-package tool: tsc is the only
// tool that writes declarations (and their maps) exactly as the checker sees
// them, and one module per source file keeps `instanceof` and the generated
// client modules as they are in the repository. tshy does the same two tsc
// passes but wants every source under src/, and the SDK's sources are src/
// plus the generator's output in generated/. esbuild stays what it is in this
// project: the size budget's minifier (test/package/size-budget.test.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { entries, formats } from './entries.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Compiles the entry points with one tsconfig; returns the diagnostics as text ('' when clean). */
function compile(configFile) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, configFile),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const rootNames = entries.map((e) => path.join(root, e.source));
  const program = ts.createProgram({ rootNames, options: parsed.options, projectReferences: parsed.projectReferences });
  const emitted = program.emit();
  const checks = parsed.options.noCheck ? program.getSyntacticDiagnostics() : ts.getPreEmitDiagnostics(program);
  const diagnostics = [...parsed.errors, ...checks, ...emitted.diagnostics];
  return ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/** Every file under a folder, as absolute paths. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

// What tsc writes for a module that declares only types (the models, the
// openapi-typescript file, the operation contract), comments aside.
const TYPE_ONLY_JS = new Set(['export{};', '"usestrict";Object.defineProperty(exports,"__esModule",{value:true});']);
const RELATIVE_IMPORT = /(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Deletes the JavaScript tsc emits for type-only modules: nothing loads it
 * (imports of types are erased), and it would be half the package's files.
 * Their .d.ts stay. Fails the build if some emitted module does import one.
 */
function pruneTypeOnlyModules(dir) {
  const js = walk(dir).filter((f) => f.endsWith('.js'));
  const isTypeOnly = (f) =>
    TYPE_ONLY_JS.has(
      readFileSync(f, 'utf8')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\s+/g, ''),
    );
  const typeOnly = new Set(js.filter(isTypeOnly));
  for (const f of js.filter((f) => !typeOnly.has(f))) {
    for (const [, specifier] of readFileSync(f, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = path.resolve(path.dirname(f), specifier);
      if (typeOnly.has(target))
        throw new Error(`build: ${path.relative(root, f)} loads the type-only module ${specifier}`);
      if (!existsSync(target))
        throw new Error(`build: ${path.relative(root, f)} imports ${specifier}, which was not emitted`);
    }
  }
  for (const f of typeOnly) rmSync(f);
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const config of ['tsconfig.build.json', 'tsconfig.build-cjs.json']) {
  const report = compile(config);
  if (report) {
    console.error(`build: ${config} does not compile:\n${report}`);
    process.exit(1);
  }
}
for (const format of formats) pruneTypeOnlyModules(path.join(root, format.dir));
// dist/cjs holds CommonJS .js and .d.ts files: this marks them so for Node and TypeScript.
mkdirSync(path.join(root, 'dist/cjs'), { recursive: true });
writeFileSync(path.join(root, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
console.log(`build: dist/esm and dist/cjs written for ${entries.map((e) => e.subpath).join(', ')}`);
