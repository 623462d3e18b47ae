// Model builder for the problem catalogue (`x-astra-problem-catalogue`: number
// → status, title, description, extensions) and the names of its constants.
//
// Astra reuses titles across numbers ("Invalid JSON resource" is both 8, the
// schema check, and 9, the server's extended checks), and a constant named
// `invalidJsonResource9` says nothing about when it happens. So a catalogue
// entry whose title is shared carries a `qualifier`: the resource or the
// condition its own text names, appended to the title (9, qualifier
// "extended checks" → `invalidJsonResourceExtendedChecks`). One entry of a
// group may stay unqualified (the general case keeps the plain name). Names
// that would still collide are refused by the validate stage, naming the
// entries; the generator never numbers them.
import type { Json, JsonObject } from '../util/json.ts';
import { compareText } from '../util/order.ts';
import { identifier } from './naming.ts';
import type { OperationModel, ProblemModel, ResourceNodeModel } from './types.ts';

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What naming a problem constant reads from a catalogue entry. */
export interface ProblemNameSource {
  number: number;
  title: string;
  /** Words that tell this entry apart from others with the same title. */
  qualifier?: string;
}

/** The constant's name: the title, then the qualifier, in camelCase with acronyms as words. */
export function problemConstantName({ number, title, qualifier }: ProblemNameSource): string {
  const text = [title, qualifier].filter(Boolean).join(' ');
  return identifier(text || `problem ${number}`, 'problem');
}

/** Constant names that more than one entry would get, with the numbers that share each, in number order. */
export function problemNameCollisions(sources: readonly ProblemNameSource[]): { name: string; numbers: number[] }[] {
  const byName = new Map<string, number[]>();
  for (const s of [...sources].sort((a, b) => a.number - b.number)) {
    const name = problemConstantName(s);
    byName.set(name, [...(byName.get(name) ?? []), s.number]);
  }
  return [...byName].filter(([, numbers]) => numbers.length > 1).map(([name, numbers]) => ({ name, numbers }));
}

/** The catalogue's entries in number order: keys that are not numbers and entries that are not objects are skipped. */
export function catalogueEntries(doc: JsonObject): { number: number; key: string; entry: JsonObject }[] {
  const catalogue = isObject(doc['x-astra-problem-catalogue']) ? doc['x-astra-problem-catalogue'] : {};
  return Object.keys(catalogue)
    .filter((key) => /^[0-9]+$/.test(key) && isObject(catalogue[key]))
    .map((key) => ({ number: Number(key), key, entry: catalogue[key] as JsonObject }))
    .sort((a, b) => a.number - b.number);
}

export function nameSourceOf(number: number, entry: JsonObject): ProblemNameSource {
  return {
    number,
    title: typeof entry.title === 'string' ? entry.title : '',
    ...(typeof entry.qualifier === 'string' ? { qualifier: entry.qualifier } : {}),
  };
}

/**
 * The SDK call of each operation (`credentials.create`, `apps.appSnaps.list`),
 * from the accessor tree: what a problem constant's documentation names.
 */
export function sdkCallsByOperation(resources: readonly ResourceNodeModel[]): Map<string, string> {
  const calls = new Map<string, string>();
  const visit = (node: ResourceNodeModel) => {
    for (const op of node.operations) calls.set(op.id, `${node.chain.join('.')}.${op.methodName}`);
    node.children.forEach(visit);
  };
  resources.forEach(visit);
  return calls;
}

/**
 * The problem catalogue, each type with its constant name and the operations
 * whose `x-astra-problems` list it (as SDK calls, sorted). Throws when two
 * entries would get one name; the validate stage reports that first, located.
 */
export function buildProblems(
  doc: JsonObject,
  operations: readonly OperationModel[] = [],
  resources: readonly ResourceNodeModel[] = [],
): ProblemModel[] {
  const entries = catalogueEntries(doc);
  const collisions = problemNameCollisions(entries.map(({ number, entry }) => nameSourceOf(number, entry)));
  if (collisions.length) {
    const { name, numbers } = collisions[0]!;
    throw new Error(
      `#/x-astra-problem-catalogue: problems ${numbers.join(', ')} would all be named ${name}; give them a qualifier`,
    );
  }
  const calls = sdkCallsByOperation(resources);
  const returnedBy = new Map<number, Set<string>>();
  for (const op of operations) {
    for (const number of op.errors.flatMap((e) => e.problems)) {
      const set = returnedBy.get(number) ?? new Set();
      set.add(calls.get(op.id) ?? op.id);
      returnedBy.set(number, set);
    }
  }
  return entries.map(({ number, entry }) => ({
    number,
    name: problemConstantName(nameSourceOf(number, entry)),
    status: typeof entry.status === 'number' ? entry.status : Number(entry.status),
    title: typeof entry.title === 'string' ? entry.title : '',
    description: typeof entry.description === 'string' ? entry.description : '',
    uri: `https://astra.netapp.io/problems/${number}`,
    extensions: Array.isArray(entry.extensions)
      ? entry.extensions.filter((e): e is string => typeof e === 'string')
      : [],
    aboutQuery: entry.aboutQuery === true,
    operations: [...(returnedBy.get(number) ?? [])].sort(compareText),
  }));
}
