// Stage 3 of `npm run diff`, structural diff: what changed and where, one
// module per spec object, nothing said yet about whether it matters. An
// unchanged element produces no entry.
import type { StructuralChange } from '../changes.ts';
import type { NormalisedSpec } from '../normalise.ts';
import { diffDocument } from './document.ts';
import { diffOperations } from './operations.ts';
import { SchemaDiff } from './schema.ts';
import { diffSecuritySchemes } from './security.ts';

export function structuralDiff(base: NormalisedSpec, revision: NormalisedSpec): StructuralChange[] {
  const ctx = { base, revision, schemas: new SchemaDiff(base.doc, revision.doc) };
  return [...diffDocument(ctx), ...diffSecuritySchemes(ctx), ...diffOperations(ctx)];
}
