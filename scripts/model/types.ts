// The one intermediate model. Every emitter (types, client, docs) reads this
// and nothing else: decisions about paging, media types, problem responses,
// secrets, deprecation and naming are made once, while building it.

/** A TypeScript-independent description of a schema's shape. */
export type TypeNode =
  | { kind: 'ref'; name: string }
  | { kind: 'primitive'; type: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'array'; items: TypeNode }
  | { kind: 'object'; properties: PropertyModel[]; additional: TypeNode | null }
  | { kind: 'union'; members: TypeNode[] }
  | { kind: 'intersection'; members: TypeNode[] }
  /** Any string, in a union with string literals: printed `string & {}` so the literals still autocomplete. */
  | { kind: 'openString' };

/** Documentation facts attached to a schema or property. */
export interface DocModel {
  title?: string;
  description?: string;
  format?: string;
  pattern?: string;
  /** JSON text of the default value. */
  default?: string;
  /** JSON text of the example. */
  example?: string;
  constraints: string[];
  deprecated: boolean;
}

export interface PropertyModel {
  /** The name exactly as in the spec. */
  name: string;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  /** Marked `x-astra-secret`: redacted by the runtime. */
  secret: boolean;
  type: TypeNode;
  doc: DocModel;
}

export interface SchemaModel {
  /** TypeScript type name. */
  name: string;
  /** The key under components/schemas. */
  specName: string;
  /** Model module (file stem) the type is emitted in. */
  module: string;
  type: TypeNode;
  doc: DocModel;
  /** `version` values of the resource this schema describes, if it has a version enum. */
  versions: string[];
}

export interface ParameterModel {
  /** Name in the spec (`credential_id`, `continue`, `ForceUpdate`). */
  name: string;
  /** Identifier used for positional arguments. */
  argName: string;
  location: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  type: TypeNode;
  doc: DocModel;
}

export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'other';

export interface ProblemResponseModel {
  status: string;
  description: string;
  /** Problem numbers from x-astra-problems, as listed. */
  problems: number[];
}

export interface OperationModel {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';
  path: string;
  kind: OperationKind;
  /** SDK method name on its resource accessor. */
  methodName: string;
  tag: string;
  summary: string;
  description?: string;
  deprecated: boolean;
  parameters: {
    /** Path parameters other than the account, in path order. */
    path: ParameterModel[];
    query: ParameterModel[];
    header: ParameterModel[];
  };
  /** Whether the path holds `{account_id}` (filled from the client's account). */
  usesAccount: boolean;
  requestBody: {
    mediaType: string;
    type: TypeNode;
    required: boolean;
    /**
     * Top-level members that are maps the spec requires non-empty
     * (`minProperties` ≥ 1, a credential's keyStore). No type refuses `{}`
     * while accepting any key, so the method infers these members' own types.
     */
    nonEmptyMaps: { name: string; required: boolean }[];
  } | null;
  /** The success response and what it carries. */
  success: { status: string; mediaType: string | null; type: TypeNode | null };
  /** For list operations: the type of one item. */
  listItem: TypeNode | null;
  /**
   * For list operations, what a page is: Astra's envelope (`{ items, metadata }`)
   * or a bare JSON array (other specs' lists, one page, no cursor).
   */
  listShape: 'envelope' | 'array' | null;
  pagination: 'continue' | 'none' | null;
  /** `type` value of the request body's resource (`application/astra-credential`). */
  resourceType: string | null;
  /** Accepted `version` values of the request body, newest first. */
  versions: string[];
  /** Top-level request body members that hold secrets. */
  secretFields: string[];
  /** Whether the operation accepts an `If-Match` header (typed as `ifMatch` in its options). */
  conditional: boolean;
  /** For a `get`: the values of the returned resource's `state` enum (it can be waited for when there are any). */
  states: string[];
  /** Among `states`, those the resource does not come back from (`failed`, `removed`, …). */
  failedStates: string[];
  errors: ProblemResponseModel[];
}

/** One node of the SDK's accessor tree (`astra.apps.appSnaps`). */
export interface ResourceNodeModel {
  /** Accessor name on its parent (`appSnaps`). */
  accessor: string;
  /** Accessors from the root (`['apps', 'appSnaps']`). */
  chain: string[];
  /** Identifier of the factory function (`appsAppSnapsResource`). */
  factoryName: string;
  /** Client module (file stem) this node's factory lives in. */
  module: string;
  tag: string;
  /** Names of the parent ids callers pass first, in order. */
  parentIds: string[];
  operations: OperationModel[];
  children: ResourceNodeModel[];
  deprecated: boolean;
}

export interface ProblemModel {
  number: number;
  /** Constant name (`credentialExists`, `invalidJsonResourceExtendedChecks`): title and qualifier in camelCase. */
  name: string;
  status: number;
  title: string;
  description: string;
  uri: string;
  extensions: string[];
  /** SDK calls whose operations list this problem (`credentials.create`), sorted. */
  operations: string[];
}

export interface TagModel {
  name: string;
  description?: string;
  /** Module file stem for the tag's models, client and doc page. */
  module: string;
}

export interface ApiModel {
  title: string;
  apiVersion: string;
  description?: string;
  /** sha256 of the bundled spec, hex. */
  specHash: string;
  tags: TagModel[];
  schemas: SchemaModel[];
  operations: OperationModel[];
  /** Roots of the accessor tree. */
  resources: ResourceNodeModel[];
  problems: ProblemModel[];
}
