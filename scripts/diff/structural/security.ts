// Structural diff of security: the schemes declared under
// components/securitySchemes (document level), and the requirements in force
// for each operation (the operation's own, else the document's). An empty
// requirement list is read as one requirement of nothing: anonymous access.
import type { Json, JsonObject } from '../../pipeline/load.ts';
import type { OperationRef, StructuralChange } from '../changes.ts';
import type { NormalisedOperation } from '../normalise.ts';
import { isObject, pointerJoin } from '../normalise.ts';
import type { DiffContext } from './context.ts';
import { canonical } from '../canonical.ts';

function schemes(doc: JsonObject): JsonObject {
  return isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
}

/** A scheme's meaning to a client, without its description. */
function essence(scheme: Json | undefined): string {
  if (!isObject(scheme)) return 'null';
  const { description: _description, ...rest } = scheme;
  return canonical(rest);
}

export function diffSecuritySchemes(ctx: DiffContext): StructuralChange[] {
  const b = schemes(ctx.base.doc);
  const a = schemes(ctx.revision.doc);
  const out: StructuralChange[] = [];
  const at = (name: string) => pointerJoin('#/components/securitySchemes', name);
  const change = (kind: StructuralChange['kind'], name: string, extra: Partial<StructuralChange> = {}) =>
    out.push({
      kind,
      operation: null,
      direction: null,
      location: at(name),
      context: `security scheme \`${name}\``,
      subject: '',
      ...extra,
    });
  for (const name of Object.keys(b)) if (!(name in a)) change('security-scheme-removed', name);
  for (const name of Object.keys(a)) {
    if (!(name in b)) change('security-scheme-added', name);
    else if (essence(b[name]) !== essence(a[name]))
      change('security-scheme-changed', name, { before: b[name], after: a[name] });
  }
  return out;
}

/** `bearerToken` or `apiKey[read, write]`; requirements joined with `+`; `anonymous` for none. */
function requirementText(requirement: JsonObject): string {
  const names = Object.keys(requirement).sort();
  if (!names.length) return 'anonymous';
  return names
    .map((n) => {
      const scopes = Array.isArray(requirement[n]) ? (requirement[n] as Json[]).map(String).sort() : [];
      return scopes.length ? `${n}[${scopes.join(', ')}]` : n;
    })
    .join(' + ');
}

export function diffOperationSecurity(
  base: NormalisedOperation,
  revision: NormalisedOperation,
  operation: OperationRef,
): StructuralChange[] {
  const alternatives = (op: NormalisedOperation) =>
    new Set((op.security.length ? op.security : [{}]).map(requirementText));
  const b = alternatives(base);
  const a = alternatives(revision);
  const out: StructuralChange[] = [];
  const location = revision.securityPointer;
  for (const r of b)
    if (!a.has(r))
      out.push({
        kind: 'security-requirement-removed',
        operation,
        direction: null,
        location,
        context: 'security',
        subject: '',
        before: r,
      });
  for (const r of a)
    if (!b.has(r))
      out.push({
        kind: 'security-requirement-added',
        operation,
        direction: null,
        location,
        context: 'security',
        subject: '',
        after: r,
      });
  return out;
}
