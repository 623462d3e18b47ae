// The one intermediate model. Every emitter (types, client, docs) reads this
// and nothing else: decisions about paging, media types, problem responses,
// secrets, deprecation and naming are made once, while building it.
import type { BodyEncoding } from './media-types.ts';

/** A TypeScript-independent description of a schema's shape. */
export type TypeNode =
  | { kind: 'ref'; name: string }
  /**
   * `Blob`: a file field of a multipart body (a binary string in the spec).
   * `RawBody`: a body sent as given (the runtime's type, media-types.ts).
   */
  | { kind: 'primitive'; type: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' | 'Blob' | 'RawBody' }
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
  /**
   * Set when the name the spec gives (`Error`) would shadow a global of
   * TypeScript's or the runtime's (`Error`, `Promise`, `Pager`): the name it
   * would have had; `name` is then that name with `Model` appended.
   */
  shadows?: string;
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

/**
 * What an operation is to the SDK. `patch` and `head`: a PATCH or HEAD on an
 * instance path. `action`: a POST (or other non-GET) on a
 * literal path segment under an instance that nothing else uses
 * (`POST /pets/{petId}/vaccinate`), a method of the parent resource; `other`:
 * any other shape the CRUD rules do not name (a POST on an instance, a PUT
 * on a collection, an OPTIONS anywhere). Both are named from their operationId.
 */
export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'patch' | 'head' | 'action' | 'other';

/**
 * The runtime function a method calls (src/operation.ts `Runtime`): `get`
 * sends no body and returns the decoded answer, `create` sends a body;
 * every PATCH calls `patch` and every HEAD `head` (the response headers).
 */
export type RuntimeVerb = 'list' | 'get' | 'create' | 'update' | 'delete' | 'patch' | 'head';

/** One argument of a generated method, in order. */
export interface MethodArgModel {
  /** The argument's name in the method (`credentialId`, `query`, `body`, `options`). */
  name: string;
  role: 'id' | 'query' | 'body' | 'options';
  optional: boolean;
}

/** The query a method sends. */
export interface QueryModel {
  /** On a list, Astra's collection parameters it declares (`limit`, `filter`, …), typed by the runtime's `CollectionQuery`. */
  collection: string[];
  /** Every other declared query parameter (a pet store's `status`, any of a non-list), typed from its schema. */
  other: ParameterModel[];
  /** Whether any of them is required (the `query` argument is then too). */
  required: boolean;
  /** Array parameters sent once per value (`status=a&status=b`) rather than joined with commas. */
  repeated: string[];
}

export interface ProblemResponseModel {
  status: string;
  description: string;
  /** Problem numbers from x-astra-problems, as listed. */
  problems: number[];
}

export interface OperationModel {
  id: string;
  /** Validation refuses TRACE: fetch cannot send it. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  path: string;
  kind: OperationKind;
  /**
   * SDK method name on its resource accessor: the kind for CRUD shapes, the
   * sanitised operationId for `action` and `other` (unique on the accessor).
   */
  methodName: string;
  /** The runtime function the method calls. */
  verb: RuntimeVerb;
  /**
   * The method's arguments in order: the client declares them and the docs
   * print the call (`astra.pets.list(query?)`) from the same list.
   */
  args: MethodArgModel[];
  /** The query parameters the method sends: every one the operation declares. */
  query: QueryModel;
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
    /** The media type sent, among those declared (media-types.ts chooses). */
    mediaType: string;
    /** How the runtime encodes it: JSON, a URL-encoded form, multipart form data, or as given. */
    encoding: BodyEncoding;
    type: TypeNode;
    required: boolean;
    /**
     * Top-level members that are maps the spec requires non-empty
     * (`minProperties` ≥ 1, a credential's keyStore). No type refuses `{}`
     * while accepting any key, so the method infers these members' own types.
     */
    nonEmptyMaps: { name: string; required: boolean }[];
  } | null;
  /**
   * The success response and what it carries. `anyJson`: its JSON schema is
   * not an object (an array, a string…), so the runtime must not insist on one.
   */
  success: { status: string; mediaType: string | null; type: TypeNode | null; anyJson?: boolean };
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
  /** The type of the factory's result, exported by its client module (`AppsAppSnapsResource`). */
  typeName: string;
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
  /** Reports the request's query parameters (catalogue `aboutQuery`): never the answer to a call that sends none. */
  aboutQuery: boolean;
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
  /**
   * The client variable doc comments and examples call methods on:
   * `astra` for an Astra-shaped spec (paths under `/accounts/{account_id}`, or
   * an `x-astra-problem-catalogue`), `client` for any other.
   */
  clientName: 'astra' | 'client';
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
