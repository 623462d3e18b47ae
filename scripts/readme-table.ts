// Keeps the README's resource table (resource → paths → operations) in step
// with the spec. `tsx scripts/readme-table.ts` rewrites the table between the
// markers; `--check` exits 1 when it is stale (run by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './pipeline/load.ts';
import { buildModel } from './model/build.ts';
import { flatten } from './render/views.ts';
import { markdownText, markdownCode } from './render/escape.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BEGIN = '<!-- resource-table:begin (npm run readme-table) -->';
const END = '<!-- resource-table:end -->';

export async function resourceTable(specFile = path.join(root, 'spec/openapi.yaml')): Promise<string> {
  const model = buildModel((await load(specFile)).bundled);
  const nodes = flatten(model.resources);
  const rows = model.tags.map((tag) => {
    const ops = model.operations.filter((o) => o.tag === tag.name);
    const paths = [...new Set(ops.map((o) => o.path.replace(/^\/accounts\/\{account_id\}(?=\/)/, '…')))];
    const accessors = nodes
      .filter((n) => n.operations.some((o) => o.tag === tag.name))
      .map((n) => `astra.${n.chain.join('.')}`);
    const methods = ops.map((o) => o.method);
    const count = (m: string) => methods.filter((x) => x === m).length;
    const summary = ['GET', 'POST', 'PUT', 'DELETE']
      .filter((m) => count(m))
      .map((m) => `${m}×${count(m)}`)
      .join(' ');
    return `| ${markdownText(tag.name, 'cell')}${ops.every((o) => o.deprecated) ? ' (deprecated)' : ''} | ${accessors.map((a) => markdownCode(a, 'cell')).join('<br>')} | ${paths.map((p) => markdownCode(p, 'cell')).join('<br>')} | ${summary} |`;
  });
  return [
    BEGIN,
    `${model.tags.length} resources, ${new Set(model.operations.map((o) => o.path)).size} paths, ${model.operations.length} operations (… = \`/accounts/{account_id}\`).`,
    '',
    '| Resource | SDK accessors | Paths | Operations |',
    '| --- | --- | --- | --- |',
    ...rows,
    END,
  ].join('\n');
}

export function replaceTable(readme: string, table: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error('README.md has no resource-table markers');
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = replaceTable(readme, await resourceTable());
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md resource table is stale. Fix: npm run readme-table');
      process.exitCode = 1;
    } else console.log('README.md resource table is up to date.');
  } else {
    writeFileSync(readmePath, next);
    console.log('README.md resource table updated.');
  }
}
