// What the change means for the generated SDK: the methods whose operations
// have findings (with the worst level among them), and the generated types
// that are added, removed or change shape. Read from the generator's model of
// each side, so the names are the ones users import and call.
import type { Finding } from './classify.ts';
import type { NormalisedSpec } from './normalise.ts';
import { LEVELS, type Level } from './rule.ts';
import { canonical } from './canonical.ts';
import { compareText, sortBy } from '../util/order.ts';

export interface SdkImpact {
  methods: { accessor: string; level: Level }[];
  types: { added: string[]; removed: string[]; changed: string[] };
}

export function sdkImpact(base: NormalisedSpec, revision: NormalisedSpec, findings: Finding[]): SdkImpact {
  const accessorOf = new Map<string, string>();
  for (const spec of [base, revision]) {
    for (const op of spec.operations.values()) if (op.accessor) accessorOf.set(`${op.method} ${op.path}`, op.accessor);
  }
  const worst = new Map<string, Level>();
  for (const f of findings) {
    const accessor = f.operation ? accessorOf.get(f.operation) : undefined;
    if (!accessor) continue;
    const known = worst.get(accessor);
    if (known === undefined || LEVELS.indexOf(f.level) < LEVELS.indexOf(known)) worst.set(accessor, f.level);
  }
  const shape = (spec: NormalisedSpec) => new Map(spec.model.schemas.map((s) => [s.name, canonical(s.type as never)]));
  const before = shape(base);
  const after = shape(revision);
  const sorted = (names: Iterable<string>) => [...names].sort(compareText);
  return {
    methods: sortBy(
      [...worst].map(([accessor, level]) => ({ accessor, level })),
      (m) => m.accessor,
    ),
    types: {
      added: sorted([...after.keys()].filter((n) => !before.has(n))),
      removed: sorted([...before.keys()].filter((n) => !after.has(n))),
      changed: sorted([...after.keys()].filter((n) => before.has(n) && before.get(n) !== after.get(n))),
    },
  };
}
