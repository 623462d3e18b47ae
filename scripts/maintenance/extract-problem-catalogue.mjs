// One-off maintenance script: turns the problem-type table of the facts
// reference (section 1.9) into spec/components/problems.yaml. Kept so the
// catalogue can be rebuilt if the reference is corrected; the YAML it writes
// is the hand-maintained source of truth afterwards. It writes no
// `qualifier`s: those of shared titles are added by hand, and the generator
// names (and refuses) every entry still missing one.
import { readFileSync, writeFileSync } from 'node:fs';

const [, , referencePath, outPath] = process.argv;
if (!referencePath || !outPath) {
  console.error('usage: node extract-problem-catalogue.mjs <astra-api-facts.md> <problems.yaml>');
  process.exit(2);
}
const lines = readFileSync(referencePath, 'utf8').split('\n');
const start = lines.findIndex((l) => l.startsWith('### 1.9'));
const end = lines.findIndex((l, i) => i > start && l.startsWith('### 1.10'));
const rows = lines.slice(start, end).filter((l) => /^\| \d+ \|/.test(l));
const quote = (s) => JSON.stringify(s);
let out = `# The Astra problem-type catalogue: every problem type the published 24.02 API
# defines. Problem bodies carry \`type: https://astra.netapp.io/problems/<number>\`.
# \`status\` is the HTTP status the problem is returned with (the body repeats it
# as a string); \`extensions\` names the extra members the body carries.
# Several titles are shared by different numbers, so callers must branch on the
# number (the type URI), never on the title.
`;
for (const row of rows) {
  const cells = row
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  const [n, status, title, ext, meaning] = cells;
  const extensions = ext === '—' ? [] : ext.split(/,\s*/);
  out += `'${n}':\n`;
  out += `  status: ${Number(status.replace(/"/g, ''))}\n`;
  out += `  title: ${quote(title)}\n`;
  out += `  description: ${quote(meaning.replace(/; carries \w+( \(string\))?$/, ''))}\n`;
  out += `  extensions: [${extensions.join(', ')}]\n`;
}
writeFileSync(outPath, out);
console.log(`wrote ${rows.length} problem types to ${outPath}`);
