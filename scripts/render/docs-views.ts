// View models of the generated docs (generated/api.md, generated/docs/*.md):
// what each page prints, computed from the ApiModel alone. Pages document the
// SDK as a caller uses it, not the wire: the TypeScript call, the query the
// SDK takes, the body without the members the SDK fills, the problems by
// their constant names. Composite cells are built here with the escaping
// helpers of escape.ts (prose escaped, code kept as written) and printed as
// they are by the templates.
import type {
  ApiModel,
  OperationModel,
  ProblemModel,
  PropertyModel,
  ResourceNodeModel,
  SchemaModel,
  TypeNode,
} from '../model/types.ts';
import { sortBy } from '../util/order.ts';
import { markdownCode, markdownText, stringLiteral } from './escape.ts';
import { printType } from './typescript.ts';
import { flatten } from './views.ts';

/**
 * The collection query members the runtime sends (src/operation.ts
 * `CollectionQuery`), as the SDK takes them: the spec describes the wire form
 * (`include` answers rows), the SDK's own (`include` yields objects).
 */
const SDK_QUERY: Record<
  string,
  { type: (item: string) => string; description: (item: string, op: OperationModel) => string }
> = {
  continue: {
    type: () => 'string',
    description: () => "A continue token from a previous page's `continue`; the pager follows them itself.",
  },
  filter: {
    type: () => 'string | Filter',
    description: () =>
      "Conditions every item must meet: a filter string (`name eq 'backup'`) or an expression built with `where(field)` and the operators `eq`, `lt`, `gt`, `lte`, `gte`; `.and(…)` adds conditions, all of which must hold. Fields may be dotted (`a.b`) or address array members (`a[*].b`).",
  },
  include: {
    type: (item) => `(keyof ${item})[]`,
    description: (item) =>
      `Top-level fields to return. Each item is then an object with just these fields (\`Pick<${item}, …>\`); the SDK maps the rows the service sends back to objects.`,
  },
  limit: {
    type: () => 'number',
    description: (_, op) =>
      op.pagination === 'continue'
        ? 'Items per page (the pager fetches the next pages as you iterate).'
        : 'The largest number of items to return: this collection has no cursor, so the listing is one page.',
  },
  orderBy: {
    type: (item) => `OrderBy<${item}>`,
    description: () => 'One field to sort by, ascending unless followed by ` desc` (`name desc`).',
  },
  skip: { type: () => 'number', description: () => 'Items to skip before the first one returned.' },
  count: {
    type: () => 'boolean',
    description: () => 'Ask the service for the number of matching items (`page.count`).',
  },
};

/** Escapes for a table cell and for a paragraph; `c` is a code span. */
const cell = (text: string) => markdownText(text, 'cell');
const c = (text: string) => markdownCode(text);

export interface FieldRowView {
  /** Markdown, ready for a table cell. */
  name: string;
  type: string;
  required: string;
  description: string;
}

/** A parameter's row has the columns of a field's. */
export type ParameterRowView = FieldRowView;

export interface ErrorRowView {
  status: string;
  meaning: string;
  problems: string;
}

export interface MethodDocView {
  summary: string;
  deprecated: boolean;
  /** Markdown: `METHOD path`. */
  http: string;
  description: string;
  /** The method's signature, TypeScript (for a fenced block). */
  signature: string;
  parameters: ParameterRowView[];
  /** Markdown sentence naming what the SDK fills in the body ('' when nothing). */
  sdkFills: string;
  bodyFields: FieldRowView[];
  /** Markdown sentence: what the call resolves to. */
  returns: string;
  /** Markdown notes: `withResponse()`, `ifMatch`, headers. */
  notes: string[];
  /** A call with the spec's example body, TypeScript ('' without one). */
  example: string;
  errors: ErrorRowView[];
}

export interface TypeDocView {
  /** HTML anchor id. */
  anchor: string;
  name: string;
  description: string;
  /** `type X = …` for a type that is not an object with fields ('' otherwise). */
  definition: string;
  fields: FieldRowView[];
}

export interface ResourceDocView {
  file: string;
  title: string;
  description: string;
  accessors: string[];
  methods: MethodDocView[];
  types: TypeDocView[];
}

/** Facts the docs need about one operation, also read by tests (the example body is validated there). */
export interface OperationDocFacts {
  operation: OperationModel;
  node: ResourceNodeModel;
  /** The example body as the caller writes it (SDK-filled members left out), or undefined. */
  exampleInput: Record<string, unknown> | undefined;
}

/** `astra.apps.appSnaps.list(appId, query?)`: how api.md names a method (`client.` for a spec that is not Astra's). */
export function sdkCall(clientName: string, node: ResourceNodeModel, op: OperationModel): string {
  const args = op.args.filter((a) => a.role !== 'options').map((a) => `${a.name}${a.optional ? '?' : ''}`);
  return `${clientName}.${node.chain.join('.')}.${op.methodName}(${args.join(', ')})`;
}

/** Astra's collection members the runtime types on this method (the model decides which apply). */
const sdkQueryNames = (op: OperationModel) => op.query.collection.filter((n) => n in SDK_QUERY);

/** Where each named type is documented: `credential.md#type-Credential`. */
export type TypeLinks = Map<string, string>;

export const typeAnchor = (name: string) => `type-${name}`;
export const problemAnchor = (p: ProblemModel) => `problem-${p.number}`;

/** The doc page of each model module: the resource page of its tag, or a types page of its own. */
export function typePages(model: ApiModel): Map<string, string> {
  const pages = new Map<string, string>();
  for (const s of model.schemas) pages.set(s.module, `${s.module}.md`);
  return pages;
}

function typeLinks(model: ApiModel): TypeLinks {
  const pages = typePages(model);
  return new Map(model.schemas.map((s) => [s.name, `${pages.get(s.module)}#${typeAnchor(s.name)}`]));
}

export function resourceDocViews(model: ApiModel): ResourceDocView[] {
  const nodes = flatten(model.resources).filter((n) => n.operations.length);
  const ctx = docContext(model);
  const pages = model.tags.map((tag) => {
    const tagNodes = nodes.filter((n) => n.tag === tag.name || n.operations.some((o) => o.tag === tag.name));
    const methods = tagNodes.flatMap((node) =>
      node.operations.filter((o) => o.tag === tag.name).flatMap((op) => methodDocViews(op, node, ctx)),
    );
    return {
      file: `docs/${tag.module}.md`,
      title: tag.name,
      description: tag.description ?? '',
      accessors: tagNodes.filter((n) => n.tag === tag.name).map((n) => `${model.clientName}.${n.chain.join('.')}`),
      methods,
      types: typeDocViews(
        model.schemas.filter((s) => s.module === tag.module),
        ctx,
      ),
    };
  });
  const withMethods = pages.filter((p) => p.methods.length);
  // Modules whose types no resource page shows (shared types) get a page of types.
  const shown = new Set(withMethods.map((p) => p.file));
  const typeOnly = sortBy(new Set(model.schemas.map((s) => s.module)), (m) => m)
    .filter((m) => !shown.has(`docs/${m}.md`))
    .map((m) => ({
      file: `docs/${m}.md`,
      title: `Types: ${m}`,
      description: 'Types that several resources use.',
      accessors: [],
      methods: [],
      types: typeDocViews(
        model.schemas.filter((s) => s.module === m),
        ctx,
      ),
    }));
  return [...withMethods, ...typeOnly];
}

interface DocContext {
  /** `astra`, or `client` for a spec that is not Astra's (the model decides). */
  clientName: string;
  schemas: Map<string, SchemaModel>;
  links: TypeLinks;
  problems: Map<number, ProblemModel>;
}

function docContext(model: ApiModel): DocContext {
  return {
    clientName: model.clientName,
    schemas: new Map(model.schemas.map((s) => [s.name, s])),
    links: typeLinks(model),
    problems: new Map(model.problems.map((p) => [p.number, p])),
  };
}

/** Every operation with a body example, and the example as a caller writes it. */
export function operationDocFacts(model: ApiModel): OperationDocFacts[] {
  const ctx = docContext(model);
  return flatten(model.resources).flatMap((node) =>
    node.operations.map((operation) => ({ operation, node, exampleInput: exampleInput(operation, ctx) })),
  );
}

function methodDocViews(op: OperationModel, node: ResourceNodeModel, ctx: DocContext): MethodDocView[] {
  const accessor = `${ctx.clientName}.${node.chain.join('.')}`;
  const item = op.listItem ? printType(op.listItem) : 'unknown';
  const result = op.success.type ? printType(op.success.type) : 'void';
  const body = op.requestBody;
  const bodyType = body ? (filledMembers(op).length ? `BodyInput<${printType(body.type)}>` : printType(body.type)) : '';
  const query = sdkQueryNames(op);
  const optionsType = op.conditional ? 'ConditionalRequestOptions' : 'RequestOptions';

  // The signature is the model's argument list (the client declares the same one), typed for reading.
  const queryMembers = [
    ...query.map((q) => `${q}?`),
    ...op.query.other.map((p) => `${p.name}${p.required ? '' : '?'}`),
  ];
  const args = op.args.map((a) => {
    const name = `${a.name}${a.optional ? '?' : ''}`;
    if (a.role === 'id') return `${name}: string`;
    if (a.role === 'query') return `${name}: { ${queryMembers.join(', ')} }`;
    if (a.role === 'body') return `${name}: ${body ? bodyType : 'object'}`;
    return `${name}: ${optionsType}`;
  });
  const returnType =
    op.kind === 'list'
      ? `Pager<${item}>`
      : `ApiPromise<${op.verb === 'head' ? 'Headers' : op.kind === 'update' || op.kind === 'delete' ? 'void' : result}>`;

  const parameters: ParameterRowView[] = [
    ...idRows(op),
    ...query.map((q) => ({
      name: c(`query.${q}`),
      type: markdownCode(SDK_QUERY[q]!.type(item), 'cell'),
      required: 'no',
      description: cell(SDK_QUERY[q]!.description(item, op)),
    })),
    ...op.query.other.map((p) => ({
      name: c(`query.${p.name}`),
      type: markdownCode(printType(p.type), 'cell'),
      required: p.required ? 'yes' : 'no',
      description: cell(p.doc.description ?? ''),
    })),
    // With `ifMatch` typed in the options, If-Match is documented there rather than as a raw header.
    ...op.parameters.header
      .filter((h) => !(op.conditional && h.name.toLowerCase() === 'if-match'))
      .map((h) => ({
        name: c(`options.headers['${h.name}']`),
        type: c('string'),
        required: h.required ? 'yes' : 'no',
        description: cell(h.doc.description ?? ''),
      })),
  ];
  if (op.conditional)
    parameters.push({
      name: c('options.ifMatch'),
      type: c('string'),
      required: 'no',
      description: cell(
        'An ETag (from `.withResponse()` of a `get`): sent as `If-Match`, so the call fails with `PreconditionFailedError` (412) unless the stored resource still has it.',
      ),
    });

  const notes: string[] = [];
  if (op.kind !== 'list')
    notes.push(
      markdownText(
        'The returned promise has `.withResponse()`, resolving to `{ data, response }`: the HTTP `Response` gives `ETag`, `Location` and the correlation id.',
      ),
    );

  const method: MethodDocView = {
    summary: op.summary || op.id,
    deprecated: op.deprecated,
    http: `${c(op.method)} ${c(op.path)}`,
    description: op.description ?? '',
    signature: `${accessor}.${op.methodName}(${args.join(', ')}): ${returnType}`,
    parameters,
    sdkFills: sdkFillsSentence(op),
    bodyFields: body ? fieldRows(body.type, ctx, filledMembers(op)) : [],
    returns: returnsSentence(op, ctx),
    notes,
    example: exampleCall(op, accessor, ctx),
    errors: errorRows(op, ctx),
  };
  if (!op.states.length) return [method];
  return [method, waitForView(op, accessor, result)];
}

/** The positional id arguments of a method, one row each. */
function idRows(op: OperationModel): ParameterRowView[] {
  return op.parameters.path.map((p) => ({
    name: c(p.argName),
    type: c('string'),
    required: 'yes',
    description: cell(p.doc.description ?? ''),
  }));
}

/** `waitFor` beside the `get` of a resource whose `state` moves, with the states the spec lists. */
function waitForView(op: OperationModel, accessor: string, result: string): MethodDocView {
  const ids = op.parameters.path;
  const states = op.states.map((s) => c(s)).join(', ');
  const failed = op.failedStates.map((s) => c(s)).join(' or ');
  return {
    summary: `Wait until the ${op.tag} reaches a state`,
    deprecated: op.deprecated,
    http: `${c(op.method)} ${c(op.path)}, repeated`,
    description: '',
    signature: `${accessor}.waitFor(${[...ids.map((p) => `${p.argName}: string`), `options: WaitOptions<NonNullable<${result}['state']>>`].join(', ')}): Promise<${result}>`,
    parameters: [
      ...idRows(op),
      {
        name: c('options.until'),
        type: markdownCode('State | State[]', 'cell'),
        required: 'yes',
        description: `The state or states to wait for: ${states}.`,
      },
      {
        name: c('options.timeoutMs'),
        type: c('number'),
        required: 'no',
        description: cell('How long to wait in all; default 600 000 (10 minutes).'),
      },
      {
        name: c('options.intervalMs'),
        type: c('number'),
        required: 'no',
        description: cell('Between reads; default 2 000.'),
      },
      {
        name: c('options.signal'),
        type: c('AbortSignal'),
        required: 'no',
        description: cell('Stops waiting with `AstraAbortError`.'),
      },
    ],
    sdkFills: '',
    bodyFields: [],
    returns: `the resource once its ${c('state')} is one of ${c('options.until')}.`,
    notes: [
      failed
        ? `Reaching ${failed} first throws ${c('AstraStateError')}; running out of ${c('timeoutMs')} throws ${c('AstraTimeoutError')}.`
        : `Running out of ${c('timeoutMs')} throws ${c('AstraTimeoutError')}.`,
    ],
    example: `const done = await ${accessor}.waitFor(${[...ids.map((p) => p.argName), `{ until: ${JSON.stringify(op.states.filter((s) => !op.failedStates.includes(s)).at(-1) ?? op.states[0])}, timeoutMs: 600_000 }`].join(', ')});`,
    errors: [],
  };
}

/** Top-level body members the SDK sets: `type` always, `version` unless the caller passes one. */
function filledMembers(op: OperationModel): string[] {
  const filled: string[] = [];
  if (op.resourceType) filled.push('type');
  if (op.versions.length) filled.push('version');
  return filled;
}

function sdkFillsSentence(op: OperationModel): string {
  const parts: string[] = [];
  if (op.resourceType) parts.push(`${c('type')} (${c(op.resourceType)})`);
  if (op.versions.length)
    parts.push(
      `${c('version')} (${c(op.versions[0]!)}, the newest${op.versions.length > 1 ? `; pass ${c('version')} to send ${op.versions.slice(1).map(c).join(' or ')}` : ''})`,
    );
  const encoding = op.requestBody?.encoding;
  if (encoding === 'form' || encoding === 'multipart')
    return `The SDK sends the fields as ${c(op.requestBody!.mediaType)} (${encoding === 'form' ? c('URLSearchParams') : `${c('FormData')}; a ${c('Blob')} or ${c('File')} is a file part`}): an array is one field per value, an object its JSON text.`;
  if (encoding === 'raw')
    return `The SDK sends the body as given (a string, ${c('Blob')}, ${c('ArrayBuffer')} or ${c('Uint8Array')}) with Content-Type ${c(op.requestBody!.mediaType)}.`;
  if (!parts.length) return '';
  return `The SDK fills ${parts.join(' and ')}, and sends ${c(op.requestBody!.mediaType)}.`;
}

function returnsSentence(op: OperationModel, ctx: DocContext): string {
  if (op.verb === 'head')
    return `the response headers (a ${c('Headers')}, ${markdownText(op.success.status)}): a ${c('HEAD')} answer has no body.`;
  switch (op.kind) {
    case 'list':
      return `a ${c('Pager')} of ${op.listItem ? typeRef(op.listItem, ctx) : c('unknown')}: ${c('for await')} yields every item across pages; ${c('.pages()')}, ${c('.firstPage()')} and ${c('.toArray({ max })')} give pages or a capped array.${sdkQueryNames(op).includes('include') ? ` With ${c('query.include')}, items hold just those fields.` : ''}`;
    case 'update':
    case 'delete':
      return `nothing (${markdownText(op.success.status)}, no body): ${c('get')} the resource again for its new state.`;
    default:
      return op.success.type
        ? `${typeRef(op.success.type, ctx)} (${markdownText(op.success.status)}${op.success.mediaType ? `, ${c(op.success.mediaType)}` : ''}).`
        : `nothing (${markdownText(op.success.status)}).`;
  }
}

/** Status → problem constants, as the model lists them (problems the operation cannot be answered with are not). */
function errorRows(op: OperationModel, ctx: DocContext): ErrorRowView[] {
  const takesQuery = op.parameters.query.length > 0;
  return op.errors.map((e) => {
    const problems = e.problems.map((n) => ctx.problems.get(n)).filter((p): p is ProblemModel => p !== undefined);
    return {
      status: markdownText(e.status, 'cell'),
      meaning: errorMeaning(e.status, problems, takesQuery, e.description),
      problems: problems.map((p) => `[${c(p.name)}](problems.md#${problemAnchor(p)})`).join(', '),
    };
  });
}

/** The response's own words, unless they speak of query parameters the operation does not take. */
function errorMeaning(status: string, problems: ProblemModel[], takesQuery: boolean, description: string): string {
  if (takesQuery || !/query param/i.test(description)) return cell(description);
  return cell([...new Set(problems.map((p) => p.title))].join('; ') || `HTTP ${status}`);
}

/** A reference to a type: linked when it names a documented type. */
function typeRef(t: TypeNode, ctx: DocContext): string {
  if (t.kind === 'ref' && ctx.links.has(t.name)) return `[${c(t.name)}](${ctx.links.get(t.name)})`;
  if (t.kind === 'array' && t.items.kind === 'ref' && ctx.links.has(t.items.name))
    return `[${c(t.items.name)}](${ctx.links.get(t.items.name)})${c('[]')}`;
  return markdownCode(printType(t).replace(/\s+/g, ' '), 'cell');
}

/** The object behind a type: follows references and takes the object member of an intersection. */
function objectOf(t: TypeNode | null, ctx: Pick<DocContext, 'schemas'>): (TypeNode & { kind: 'object' }) | null {
  let cur = t;
  for (let i = 0; cur && i < 16; i++) {
    if (cur.kind === 'ref') cur = ctx.schemas.get(cur.name)?.type ?? null;
    else if (cur.kind === 'intersection') cur = cur.members.find((m) => objectOf(m, ctx)) ?? null;
    else break;
  }
  return cur && cur.kind === 'object' ? cur : null;
}

/** The schemas a type reaches through references, nearest first (their docs fill in the property's). */
function refChain(t: TypeNode, ctx: Pick<DocContext, 'schemas'>): SchemaModel[] {
  const chain: SchemaModel[] = [];
  let cur: TypeNode | undefined = t;
  for (let i = 0; cur && i < 16; i++) {
    const next: TypeNode | undefined =
      cur.kind === 'ref'
        ? ctx.schemas.get(cur.name)?.type
        : cur.kind === 'intersection' && cur.members.length === 1
          ? cur.members[0]
          : undefined;
    if (cur.kind === 'ref' && ctx.schemas.has(cur.name)) chain.push(ctx.schemas.get(cur.name)!);
    cur = next;
  }
  return chain;
}

/** The values a type allows when it is an enum or a constant (`open` when any other string is accepted too). */
function allowedValues(
  t: TypeNode,
  ctx: Pick<DocContext, 'schemas'>,
): { values: (string | number | boolean | null)[]; open: boolean } | null {
  let cur = t;
  for (let i = 0; cur.kind === 'ref' && i < 16; i++) {
    const next = ctx.schemas.get(cur.name)?.type;
    if (!next) return null;
    cur = next;
  }
  if (cur.kind === 'literal') return { values: [cur.value], open: false };
  if (cur.kind !== 'union') return null;
  const values: (string | number | boolean | null)[] = [];
  let open = false;
  for (const m of cur.members) {
    if (m.kind === 'literal') values.push(m.value);
    else if (m.kind === 'openString') open = true;
    else if (m.kind === 'primitive' && m.type === 'null') values.push(null);
    else return null;
  }
  return values.length ? { values, open } : null;
}

/** The members a type's field table lists: those of the object behind it (none for an alias or a union). */
export function tableMembers(t: TypeNode, ctx: Pick<DocContext, 'schemas'>): PropertyModel[] {
  return objectOf(t, ctx)?.properties ?? [];
}

/** One row per member of the object a type names; `skip` leaves out members the SDK fills. */
function fieldRows(t: TypeNode, ctx: DocContext, skip: string[] = []): FieldRowView[] {
  return tableMembers(t, ctx)
    .filter((p) => !skip.includes(p.name))
    .map((p) => ({
      name: c(p.name),
      type: typeRef(p.type, ctx),
      required: p.required ? 'yes' : 'no',
      description: fieldDescription(p, ctx),
    }));
}

/** The docs of a member: its own, then those of the types it refers to, nearest first. */
const fieldDocs = (p: PropertyModel, ctx: Pick<DocContext, 'schemas'>) => [
  p.doc,
  ...refChain(p.type, ctx).map((s) => s.doc),
];

/** The words that describe a member: its own description, or the nearest one of the types it refers to. */
export function fieldProse(p: PropertyModel, ctx: Pick<DocContext, 'schemas'>): string | undefined {
  return fieldDocs(p, ctx)
    .map((d) => d.description?.trim())
    .find((d) => d);
}

/** The member's own description (or its type's), then allowed values, constraints and access, in one cell. */
export function fieldDescription(p: PropertyModel, ctx: Pick<DocContext, 'schemas'>): string {
  const docs = fieldDocs(p, ctx);
  const first = <K extends 'description' | 'pattern' | 'format' | 'default'>(k: K) =>
    docs.map((d) => d[k]).find((v) => v !== undefined && v !== '');
  const parts: string[] = [];
  const description = fieldProse(p, ctx);
  if (description) parts.push(cell(description));
  const allowed = allowedValues(p.type, ctx);
  if (allowed) {
    const list = allowed.values.map((v) => cell(c(JSON.stringify(v)))).join(', ');
    parts.push(
      allowed.values.length === 1 && !allowed.open
        ? `Always ${list}.`
        : allowed.open
          ? `Known values: ${list}, or another string.`
          : `One of ${list}.`,
    );
  }
  const format = first('format');
  const pattern = first('pattern');
  const constraints = [
    ...(format ? [`format ${cell(c(format))}`] : []),
    ...[...new Set(docs.flatMap((d) => d.constraints))].map(cell),
    ...(pattern ? [`pattern ${cell(c(pattern))}`] : []),
  ];
  if (constraints.length) parts.push(`Constraints: ${constraints.join(', ')}.`);
  const def = first('default');
  if (def !== undefined) parts.push(`Default ${cell(c(def))}.`);
  if (p.readOnly) parts.push('**Read-only**: set by the service.');
  if (p.secret) parts.push('**Write-only, secret**: never returned, and redacted from errors and hooks.');
  else if (p.writeOnly) parts.push('**Write-only**: never returned.');
  return parts.join(' ');
}

function typeDocViews(schemas: SchemaModel[], ctx: DocContext): TypeDocView[] {
  return sortBy(schemas, (s) => s.name).map((s) => {
    const fields = fieldRows({ kind: 'ref', name: s.name }, ctx);
    const versions = s.versions.length ? ` Versions: ${s.versions.map(c).join(', ')} (newest first).` : '';
    return {
      anchor: typeAnchor(s.name),
      name: s.name,
      description: markdownText(s.doc.description ?? '') + versions,
      definition: fields.length ? '' : `type ${s.name} = ${printType(s.type)};`,
      fields,
    };
  });
}

/** The schema example of an operation's body, as the caller passes it: without what the SDK fills. */
function exampleInput(op: OperationModel, ctx: DocContext): Record<string, unknown> | undefined {
  const body = op.requestBody;
  if (!body || body.type.kind !== 'ref') return undefined;
  const text = ctx.schemas.get(body.type.name)?.doc.example;
  if (!text) return undefined;
  const example = JSON.parse(text) as unknown;
  if (!example || typeof example !== 'object' || Array.isArray(example)) return undefined;
  const input: Record<string, unknown> = { ...example };
  if (op.resourceType) delete input.type;
  if (op.versions.length && input.version === op.versions[0]) delete input.version;
  return input;
}

function exampleCall(op: OperationModel, accessor: string, ctx: DocContext): string {
  const input = exampleInput(op, ctx);
  if (!input) return '';
  const args = [...op.parameters.path.map((p) => p.argName), objectLiteral(input, '')];
  const call = `${accessor}.${op.methodName}(${args.join(', ')})`;
  return op.success.type ? `const created = await ${call};` : `await ${call};`;
}

/** A value as a TypeScript literal: JSON, with keys unquoted where they are identifiers. */
function objectLiteral(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + objectLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const inner = indent + '  ';
    const key = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : stringLiteral(k));
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${objectLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
  }
  return typeof value === 'string' ? stringLiteral(value) : JSON.stringify(value);
}

// ---------- the problem catalogue page ----------

export interface ProblemsDocView {
  rows: {
    anchor: string;
    name: string;
    number: string;
    status: string;
    title: string;
    description: string;
    operations: string;
  }[];
}

/** Every problem constant; the methods that can return it are the model's (`ProblemModel.operations`). */
export function problemsDocView(model: ApiModel): ProblemsDocView {
  return {
    rows: model.problems.map((p) => ({
      anchor: problemAnchor(p),
      name: c(p.name),
      number: String(p.number),
      status: String(p.status),
      title: cell(p.title),
      description: cell(p.description),
      operations: p.operations.map((call) => c(`${model.clientName}.${call}`)).join(', '),
    })),
  };
}

// ---------- index pages ----------

export interface DocsIndexView {
  title: string;
  description: string;
  mermaid: string[];
  resources: { title: string; file: string; accessors: string }[];
  typePages: { title: string; file: string }[];
}

export function docsIndexView(model: ApiModel, docs: ResourceDocView[]): DocsIndexView {
  const root = model.clientName;
  const lines: string[] = ['graph LR', `  ${root}(("${root}"))`];
  let counter = 0;
  const walk = (nodes: ResourceNodeModel[], parent: string) => {
    for (const n of nodes) {
      const id = `n${counter++}`;
      // Accessors are identifiers ([A-Za-z0-9_$]), safe inside a quoted label.
      lines.push(`  ${id}["${n.accessor}"]`, `  ${parent} --> ${id}`);
      walk(n.children, id);
    }
  };
  walk(model.resources, root);
  return {
    title: model.title,
    description: model.description ?? '',
    mermaid: lines,
    resources: docs
      .filter((d) => d.methods.length)
      .map((d) => ({
        title: d.methods.every((o) => o.deprecated) ? `${d.title} (deprecated)` : d.title,
        file: d.file.replace(/^docs\//, ''),
        accessors: d.accessors.map((a) => markdownCode(a, 'cell')).join(', '),
      })),
    typePages: docs
      .filter((d) => !d.methods.length)
      .map((d) => ({ title: d.title, file: d.file.replace(/^docs\//, '') })),
  };
}

export interface ApiIndexView {
  rows: { call: string; http: string; summary: string }[];
}

/** Every method beside its HTTP call; `waitFor` beside the `get` it repeats. */
export function apiIndexView(model: ApiModel): ApiIndexView {
  const rows = flatten(model.resources).flatMap((n) =>
    n.operations.flatMap((op) => {
      const row = {
        call: sdkCall(model.clientName, n, op),
        http: `${op.method} ${op.path}`,
        summary:
          op.summary +
          (op.conditional ? ' (`ifMatch`)' : '') +
          (op.kind !== 'list' ? '; `.withResponse()`' : '') +
          (op.deprecated ? ' (deprecated)' : ''),
      };
      if (!op.states.length) return [row];
      const ids = op.parameters.path.map((p) => p.argName);
      return [
        row,
        {
          call: `${model.clientName}.${n.chain.join('.')}.waitFor(${[...ids, '{ until }'].join(', ')})`,
          http: `${op.method} ${op.path}`,
          summary: `Wait until the state is one of ${op.states.map((s) => markdownCode(s)).join(', ')}`,
        },
      ];
    }),
  );
  return { rows };
}
