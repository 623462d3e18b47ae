// The vocabulary between the structural diff and the rules: every kind of
// structural change the diff can report, with the cases a rule set must cover.
// The structural diff says *what* changed and *where*, never whether it
// matters; the rules (rules/) decide that. The registry audit
// (test/diff/registry.test.ts) builds one sample change per case below and
// fails when no rule, or more than one, claims it and no reason is written.
import type { Json } from '../pipeline/load.ts';

/** Which way the data flows through the changed element, for users of the SDK. */
export type Direction = 'request' | 'response';

export interface OperationRef {
  method: string;
  /** Path template as written in the spec (the revision's; the base's when the operation is gone). */
  path: string;
}

export interface StructuralChange {
  kind: ChangeKind;
  /** null for document-level changes. */
  operation: OperationRef | null;
  direction: Direction | null;
  /** JSON pointer of the changed element, in the revision (the base for removals), `$ref`s followed as if inlined. */
  location: string;
  /** What the element is, for messages: "the request body", "query parameter `limit`", "response 200". */
  context: string;
  /** Property path below the context (`keyStore.certificate`, `items[].name`); empty for the element itself. */
  subject: string;
  before?: Json;
  after?: Json;
  /** Facts some rules branch on; every case of the kind declares them. */
  required?: boolean;
  success?: boolean;
  /** For keyword-level kinds: the keyword (`maxLength`, `description`). */
  keyword?: string;
  /** For removals: whether the element was deprecated first. */
  deprecated?: boolean;
}

interface KindSpec {
  /** The spec object (and structural module) the kind belongs to. */
  object: 'document' | 'operation' | 'security' | 'parameter' | 'request-body' | 'response' | 'media-type' | 'schema';
  /** The cases a rule set must cover: each a set of facts a change of this kind can carry. */
  cases: Partial<Pick<StructuralChange, 'direction' | 'required' | 'success'>>[];
}

const none = [{ direction: null }];
const bothDirections = [{ direction: 'request' as const }, { direction: 'response' as const }];
const requestOnly = [{ direction: 'request' as const }];
const requiredOrNot = [
  { direction: 'request' as const, required: true },
  { direction: 'request' as const, required: false },
];
const successOrNot = [
  { direction: 'response' as const, success: true },
  { direction: 'response' as const, success: false },
];

export const CHANGE_KINDS = {
  // document
  'info-version-changed': { object: 'document', cases: none },
  'info-title-changed': { object: 'document', cases: none },
  'info-description-changed': { object: 'document', cases: none },
  'servers-changed': { object: 'document', cases: none },
  'component-schema-added': { object: 'document', cases: none },
  'component-schema-removed': { object: 'document', cases: none },
  'document-keyword-changed': { object: 'document', cases: none },
  'problem-type-added': { object: 'document', cases: none },
  'problem-type-removed': { object: 'document', cases: none },
  'problem-type-renamed': { object: 'document', cases: none },
  'problem-type-changed': { object: 'document', cases: none },
  // security
  'security-scheme-added': { object: 'security', cases: none },
  'security-scheme-removed': { object: 'security', cases: none },
  'security-scheme-changed': { object: 'security', cases: none },
  'security-requirement-added': { object: 'security', cases: none },
  'security-requirement-removed': { object: 'security', cases: none },
  // operation
  'operation-added': { object: 'operation', cases: none },
  'operation-removed': { object: 'operation', cases: none },
  'operation-id-changed': { object: 'operation', cases: none },
  'operation-deprecated': { object: 'operation', cases: none },
  'operation-reactivated': { object: 'operation', cases: none },
  'operation-summary-changed': { object: 'operation', cases: none },
  'operation-description-changed': { object: 'operation', cases: none },
  'operation-tag-changed': { object: 'operation', cases: none },
  'operation-keyword-changed': { object: 'operation', cases: none },
  'sdk-method-changed': { object: 'operation', cases: none },
  'path-parameter-renamed': { object: 'operation', cases: none },
  // parameter
  'parameter-added': { object: 'parameter', cases: requiredOrNot },
  'parameter-removed': { object: 'parameter', cases: requestOnly },
  'parameter-became-required': { object: 'parameter', cases: requestOnly },
  'parameter-became-optional': { object: 'parameter', cases: requestOnly },
  'parameter-deprecated': { object: 'parameter', cases: requestOnly },
  'parameter-description-changed': { object: 'parameter', cases: requestOnly },
  'parameter-style-changed': { object: 'parameter', cases: requestOnly },
  // request body
  'request-body-added': { object: 'request-body', cases: requiredOrNot },
  'request-body-removed': { object: 'request-body', cases: requestOnly },
  'request-body-became-required': { object: 'request-body', cases: requestOnly },
  'request-body-became-optional': { object: 'request-body', cases: requestOnly },
  'request-body-description-changed': { object: 'request-body', cases: requestOnly },
  // response
  'response-added': { object: 'response', cases: successOrNot },
  'response-removed': { object: 'response', cases: successOrNot },
  'response-description-changed': { object: 'response', cases: successOrNot },
  'response-problem-types-changed': { object: 'response', cases: [{ direction: 'response', success: false }] },
  // media type (request bodies and success responses)
  'media-type-added': { object: 'media-type', cases: bothDirections },
  'media-type-removed': { object: 'media-type', cases: bothDirections },
  // schema
  'type-changed': { object: 'schema', cases: bothDirections },
  'format-changed': { object: 'schema', cases: bothDirections },
  'nullable-added': { object: 'schema', cases: bothDirections },
  'nullable-removed': { object: 'schema', cases: bothDirections },
  'property-added': {
    object: 'schema',
    cases: [...requiredOrNot, { direction: 'response', required: true }, { direction: 'response', required: false }],
  },
  'property-removed': { object: 'schema', cases: bothDirections },
  'property-became-required': { object: 'schema', cases: bothDirections },
  'property-became-optional': { object: 'schema', cases: bothDirections },
  'enum-value-added': { object: 'schema', cases: bothDirections },
  'enum-value-removed': { object: 'schema', cases: bothDirections },
  'enum-added': { object: 'schema', cases: bothDirections },
  'enum-removed': { object: 'schema', cases: bothDirections },
  'constraint-tightened': { object: 'schema', cases: bothDirections },
  'constraint-relaxed': { object: 'schema', cases: bothDirections },
  'default-changed': { object: 'schema', cases: bothDirections },
  'additional-properties-allowed': { object: 'schema', cases: bothDirections },
  'additional-properties-refused': { object: 'schema', cases: bothDirections },
  'variant-added': { object: 'schema', cases: bothDirections },
  'variant-removed': { object: 'schema', cases: bothDirections },
  'schema-deprecated': { object: 'schema', cases: bothDirections },
  'schema-reactivated': { object: 'schema', cases: bothDirections },
  'schema-docs-changed': { object: 'schema', cases: bothDirections },
  'schema-keyword-changed': { object: 'schema', cases: bothDirections },
} satisfies Record<string, KindSpec>;

export type ChangeKind = keyof typeof CHANGE_KINDS;
