// buildOperations (and operationKind): paths and operations → OperationModel.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../scripts/pipeline/load.ts';
import type { OperationModel } from '../../../scripts/model/types.ts';
import { buildOperations, buildTags, isListEnvelope, operationKind } from '../../../scripts/model/build.ts';
import { typeName, uniqueNames } from '../../../scripts/model/naming.ts';
import { compareText } from '../../../scripts/util/order.ts';
import { documentWith, json, noContent } from './support.ts';

const schemas: JsonObject = {
  Widget: { type: 'object', properties: { id: { type: 'string' } } },
  WidgetList: {
    type: 'object',
    properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } },
  },
  WidgetVersion: { type: 'string', enum: ['1.0', '1.10', '1.2'] },
  WidgetCreate: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['application/astra-widget'] },
      version: { $ref: '#/components/schemas/WidgetVersion' },
      keyStore: { type: 'object', writeOnly: true, 'x-astra-secret': true },
      hint: { type: 'string', writeOnly: true },
    },
  },
};

/** buildOperations over a document with these paths, as buildModel calls it. */
function operations(paths: JsonObject, components: JsonObject = { schemas }): OperationModel[] {
  const doc = documentWith(paths, components);
  const keys = Object.keys((components.schemas as JsonObject | undefined) ?? {}).sort(compareText);
  const names = uniqueNames(keys.map((k) => typeName(k)));
  const ctx = { document: doc, schemaNames: new Map(keys.map((k, i) => [k, names[i]!])) };
  return buildOperations(doc, ctx, buildTags(doc));
}
const only = (paths: JsonObject, components?: JsonObject) => {
  const ops = operations(paths, components);
  expect(ops).toHaveLength(1);
  return ops[0]!;
};

describe('operationKind', () => {
  const kinds: [string, { given: [string, string, string | null, boolean, boolean?]; want: string }][] = [
    [
      'GET on a collection declared as paged, answer without a schema',
      { given: ['GET', '/a/things', 'continue', false, true], want: 'list' },
    ],
    [
      'GET on a collection declared as not paged, answer without a schema',
      { given: ['GET', '/a/things', 'none', false, true], want: 'list' },
    ],
    [
      'GET on a collection declared as paged whose answer is one JSON object (the OpenAPI document)',
      { given: ['GET', '/a/openapi', 'none', false, false], want: 'get' },
    ],
    ['GET on a collection answering a list envelope', { given: ['GET', '/a/things', null, true], want: 'list' }],
    [
      'GET on a collection answering something else (metrics)',
      { given: ['GET', '/a/metrics', null, false, true], want: 'get' },
    ],
    ['GET on an instance', { given: ['GET', '/a/things/{id}', null, false], want: 'get' }],
    ['POST on a collection', { given: ['POST', '/a/things', null, false], want: 'create' }],
    ['POST on an instance', { given: ['POST', '/a/things/{id}', null, false], want: 'other' }],
    ['PUT on an instance', { given: ['PUT', '/a/things/{id}', null, false], want: 'update' }],
    ['PUT on a collection', { given: ['PUT', '/a/things', null, false], want: 'other' }],
    ['DELETE on an instance', { given: ['DELETE', '/a/things/{id}', null, false], want: 'delete' }],
    ['DELETE on a collection', { given: ['DELETE', '/a/things', null, false], want: 'other' }],
    ['PATCH on an instance', { given: ['PATCH', '/a/things/{id}', null, false], want: 'patch' }],
    ['PATCH on a collection', { given: ['PATCH', '/a/things', null, false], want: 'other' }],
    ['HEAD on an instance', { given: ['HEAD', '/a/things/{id}', null, false], want: 'head' }],
    ['HEAD on a collection', { given: ['HEAD', '/a/things', null, false], want: 'other' }],
    ['OPTIONS on an instance', { given: ['OPTIONS', '/a/things/{id}', null, false], want: 'other' }],
    ['OPTIONS on a collection', { given: ['OPTIONS', '/a/things', null, false], want: 'other' }],
  ];
  it.each(kinds)('%s', (_, { given, want }) => {
    expect(operationKind(...given)).toBe(want);
  });

  it('recognises a list envelope through $refs', () => {
    const doc = documentWith({}, { schemas });
    expect(isListEnvelope({ $ref: '#/components/schemas/WidgetList' }, doc)).toBe(true);
    expect(isListEnvelope({ $ref: '#/components/schemas/Widget' }, doc)).toBe(false);
    expect(isListEnvelope({ type: 'string' }, doc)).toBe(false);
  });
});

describe('buildOperations', () => {
  const collection = '/accounts/{account_id}/core/v1/widgets';
  const instance = `${collection}/{widget_id}`;

  const tests: [string, { given: JsonObject; want: Partial<OperationModel> }][] = [
    [
      'a declared continue-paged list, its item type and its query parameters',
      {
        given: {
          [collection]: {
            get: {
              operationId: 'listWidgets',
              'x-astra-pagination': 'continue',
              parameters: [
                { name: 'continue', in: 'query', schema: { type: 'string' } },
                { name: 'limit', in: 'query', schema: { type: 'integer' } },
              ],
              responses: json({ $ref: '#/components/schemas/WidgetList' }),
            },
          },
        },
        want: {
          kind: 'list',
          methodName: 'list',
          pagination: 'continue',
          listItem: { kind: 'ref', name: 'Widget' },
          usesAccount: true,
        },
      },
    ],
    [
      'a list declared as not paged',
      {
        given: {
          [collection]: {
            get: {
              operationId: 'l',
              'x-astra-pagination': 'none',
              responses: json({ $ref: '#/components/schemas/WidgetList' }),
            },
          },
        },
        want: { kind: 'list', pagination: 'none' },
      },
    ],
    [
      'an undeclared list envelope is a list with undeclared paging (never guessed)',
      {
        given: {
          [collection]: { get: { operationId: 'l', responses: json({ $ref: '#/components/schemas/WidgetList' }) } },
        },
        want: { kind: 'list', pagination: null },
      },
    ],
    [
      'an unknown x-astra-pagination value is not taken',
      {
        given: {
          [collection]: {
            get: {
              operationId: 'l',
              'x-astra-pagination': 'offset',
              responses: json({ $ref: '#/components/schemas/WidgetList' }),
            },
          },
        },
        want: { pagination: null },
      },
    ],
    [
      'a text answer on a collection path is a get returning string',
      {
        given: {
          '/accounts/{account_id}/metrics': {
            get: {
              operationId: 'm',
              responses: {
                '200': {
                  description: 'x',
                  content: { 'application/openmetrics-text': { schema: { type: 'string' } } },
                },
              },
            },
          },
        },
        want: {
          kind: 'get',
          success: {
            status: '200',
            mediaType: 'application/openmetrics-text',
            type: { kind: 'primitive', type: 'string' },
          },
          listItem: null,
        },
      },
    ],
    [
      'create: vendor media type, resource type, versions newest first, secret fields',
      {
        given: {
          [collection]: {
            post: {
              operationId: 'createWidget',
              requestBody: {
                required: true,
                content: { 'application/astra-widget+json': { schema: { $ref: '#/components/schemas/WidgetCreate' } } },
              },
              responses: {
                '201': {
                  description: 'x',
                  content: { 'application/astra-widget+json': { schema: { $ref: '#/components/schemas/Widget' } } },
                },
              },
            },
          },
        },
        want: {
          kind: 'create',
          requestBody: {
            mediaType: 'application/astra-widget+json',
            encoding: 'json',
            type: { kind: 'ref', name: 'WidgetCreate' },
            required: true,
            nonEmptyMaps: [],
          },
          success: { status: '201', mediaType: 'application/astra-widget+json', type: { kind: 'ref', name: 'Widget' } },
          resourceType: 'application/astra-widget',
          versions: ['1.10', '1.2', '1.0'],
          secretFields: ['keyStore'],
        },
      },
    ],
    [
      'update answering 204 has no success body',
      {
        given: {
          [instance]: {
            put: {
              operationId: 'u',
              requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
              responses: noContent,
            },
          },
        },
        want: {
          kind: 'update',
          methodName: 'update',
          success: { status: '204', mediaType: null, type: null },
          versions: [],
          secretFields: [],
          resourceType: null,
        },
      },
    ],
    [
      'a JSON success type is preferred over others',
      {
        given: {
          [instance]: {
            get: {
              operationId: 'g',
              responses: {
                '200': {
                  description: 'x',
                  content: {
                    'text/plain': { schema: { type: 'string' } },
                    'application/json': { schema: { type: 'number' } },
                  },
                },
              },
            },
          },
        },
        want: {
          success: { status: '200', mediaType: 'application/json', type: { kind: 'primitive', type: 'number' } },
        },
      },
    ],
    [
      'the request media type is the first in code-unit order',
      {
        given: {
          [instance]: {
            put: {
              operationId: 'u',
              requestBody: {
                content: {
                  'application/z+json': { schema: { type: 'string' } },
                  'application/a+json': { schema: { type: 'number' } },
                },
              },
              responses: noContent,
            },
          },
        },
        want: {
          requestBody: {
            mediaType: 'application/a+json',
            encoding: 'json',
            type: { kind: 'primitive', type: 'number' },
            required: false,
            nonEmptyMaps: [],
          },
        },
      },
    ],
    [
      'errors by status in order, with their problem numbers',
      {
        given: {
          [instance]: {
            delete: {
              operationId: 'd',
              'x-astra-problems': { '404': [1], '400': [5, 6, 'x'] },
              responses: {
                ...noContent,
                '404': { description: 'Not found.' },
                '400': { $ref: '#/components/responses/Bad' },
                '500': { description: 'Oops.' },
              },
            },
          },
        },
        want: {
          kind: 'delete',
          errors: [
            { status: '400', description: 'Bad request.', problems: [5, 6] },
            { status: '404', description: 'Not found.', problems: [1] },
            { status: '500', description: 'Oops.', problems: [] },
          ],
        },
      },
    ],
    [
      'no operationId: an id from method and path',
      {
        given: { '/things/{id}': { delete: { responses: noContent } } },
        want: { id: 'deleteThingsId', usesAccount: false },
      },
    ],
    [
      'deprecated, summary and description',
      {
        given: {
          [instance]: {
            delete: { operationId: 'd', deprecated: true, summary: 'S', description: 'D', responses: noContent },
          },
        },
        want: { deprecated: true, summary: 'S', description: 'D' },
      },
    ],
    [
      'no tag: the Default tag',
      { given: { [instance]: { delete: { operationId: 'd', responses: noContent } } }, want: { tag: 'Default' } },
    ],
    [
      'POST on an instance is sent as-is: method name from the operationId, no body argument when none is declared',
      {
        given: { [instance]: { post: { operationId: 'restart-thing', responses: noContent } } },
        want: {
          kind: 'other',
          methodName: 'restartThing',
          verb: 'create',
          args: [
            { name: 'widgetId', role: 'id', optional: false },
            { name: 'options', role: 'options', optional: true },
          ],
        },
      },
    ],
    [
      'DELETE on a collection: named from the operationId, read through get (no body to send)',
      {
        given: { '/a/things': { delete: { operationId: 'purgeThings', responses: noContent } } },
        want: { kind: 'other', methodName: 'purgeThings', verb: 'get' },
      },
    ],
    [
      'an operationId that is not an identifier is sanitised; none at all falls back to method and path',
      {
        given: { '/a/things': { put: { operationId: '2 replace/all.things', responses: noContent } } },
        want: { methodName: '_2ReplaceAllThings' },
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    const components = { schemas, responses: { Bad: { description: 'Bad request.' } } };
    expect(only(given, components)).toMatchObject(want);
  });

  it('groups parameters by location: path ids in path order without the account, query and header', () => {
    const op = only({
      '/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}': {
        parameters: [
          { name: 'appSnap_id', in: 'path', required: true, description: 'Snapshot.', schema: { type: 'string' } },
          { name: 'app_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'account_id', in: 'path', required: true, schema: { type: 'string' } },
        ],
        get: {
          operationId: 'getAppSnap',
          parameters: [
            { name: 'include', in: 'query', schema: { type: 'string' } },
            { name: 'If-Match', in: 'header', schema: { type: 'string' } },
            { name: 'session', in: 'cookie', schema: { type: 'string' } },
          ],
          responses: noContent,
        },
      },
    });
    expect(op.parameters.path.map((p) => [p.name, p.argName, p.location, p.required])).toEqual([
      ['app_id', 'appId', 'path', true],
      ['appSnap_id', 'appSnapId', 'path', true],
    ]);
    expect(op.parameters.path[1]!.doc.description).toBe('Snapshot.');
    expect(op.parameters.query.map((p) => [p.name, p.required])).toEqual([['include', false]]);
    expect(op.parameters.header.map((p) => p.name)).toEqual(['If-Match']);
    expect(op.usesAccount).toBe(true);
  });

  it('an operation parameter overrides the path item parameter of the same name and location', () => {
    const op = only({
      '/things': {
        parameters: [{ name: 'limit', in: 'query', description: 'shared', schema: { type: 'string' } }],
        get: {
          operationId: 'g',
          parameters: [{ name: 'limit', in: 'query', description: 'own', schema: { type: 'integer' } }],
          responses: noContent,
        },
      },
    });
    expect(op.parameters.query.map((p) => [p.name, p.doc.description, p.type])).toEqual([
      ['limit', 'own', { kind: 'primitive', type: 'number' }],
    ]);
  });

  it('path ids that are not identifiers, or are reserved, or collide, get safe distinct argument names', () => {
    const op = only({ '/x/{class}/y/{a-b}/z/{a_b}/w/{1x}': { delete: { operationId: 'd', responses: noContent } } });
    expect(op.parameters.path.map((p) => [p.name, p.argName])).toEqual([
      ['class', 'class_'],
      ['a-b', 'aB'],
      ['a_b', 'aB2'],
      ['1x', '_1x'],
    ]);
  });

  it('operations come in path order (code units) and method order', () => {
    const ops = operations({
      '/b': { delete: { operationId: 'b2', responses: noContent }, get: { operationId: 'b1', responses: noContent } },
      '/B': { get: { operationId: 'B1', responses: noContent } },
      '/a': { put: { operationId: 'a1', responses: noContent } },
    });
    expect(ops.map((o) => o.id)).toEqual(['B1', 'a1', 'b1', 'b2']);
  });
});

describe('states, failed states and conditions', () => {
  const stateSchemas: JsonObject = {
    ...schemas,
    BackupState: { type: 'string', enum: ['pending', 'running', 'completed', 'failed', 'removed'] },
    Backup: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        state: { readOnly: true, allOf: [{ $ref: '#/components/schemas/BackupState' }] },
      },
    },
    Mirror: {
      allOf: [
        { type: 'object', properties: { state: { type: 'string', enum: ['establishing', 'established', 'deleted'] } } },
      ],
    },
    Account: { type: 'object', properties: { state: { type: 'string', enum: ['active', 'error'] } } },
  };
  const getOf = (schema: string, extra: JsonObject = {}) =>
    only(
      { '/a/things/{id}': { get: { responses: json({ $ref: `#/components/schemas/${schema}` }), ...extra } } },
      { schemas: stateSchemas },
    );
  const cases: [string, { given: string; want: { states: string[]; failedStates: string[] } }][] = [
    [
      'a state enum through $ref under allOf',
      {
        given: 'Backup',
        want: { states: ['pending', 'running', 'completed', 'failed', 'removed'], failedStates: ['failed', 'removed'] },
      },
    ],
    [
      'a state declared inside an allOf member',
      { given: 'Mirror', want: { states: ['establishing', 'established', 'deleted'], failedStates: ['deleted'] } },
    ],
    ['`error` is a failed state', { given: 'Account', want: { states: ['active', 'error'], failedStates: ['error'] } }],
    ['no state property', { given: 'Widget', want: { states: [], failedStates: [] } }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    const op = getOf(given);
    expect({ states: op.states, failedStates: op.failedStates }).toEqual(want);
  });

  it('only a get carries states; If-Match (any case) makes an operation conditional', () => {
    const ops = operations(
      {
        '/a/things/{id}': {
          put: {
            parameters: [{ name: 'if-match', in: 'header', schema: { type: 'string' } }],
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Backup' } } } },
            responses: noContent,
          },
          delete: { responses: noContent },
        },
      },
      { schemas: stateSchemas },
    );
    expect(ops.map((o) => [o.kind, o.conditional, o.states])).toEqual([
      ['update', true, []],
      ['delete', false, []],
    ]);
  });
});

describe('query, arguments and runtime verb', () => {
  const arrayOf = (schema: JsonObject) => ({ type: 'array', items: schema });
  const tests: [string, { given: JsonObject; want: Partial<OperationModel> }][] = [
    [
      "a list in Astra's envelope: Astra's collection parameters by name, every other one typed from its schema",
      {
        given: {
          '/pets': {
            get: {
              operationId: 'listPets',
              parameters: [
                { name: 'limit', in: 'query', schema: { type: 'integer' } },
                { name: 'status', in: 'query', schema: arrayOf({ type: 'string', enum: ['a', 'b'] }) },
              ],
              responses: json({ $ref: '#/components/schemas/WidgetList' }),
            },
          },
        },
        want: {
          kind: 'list',
          verb: 'list',
          query: {
            collection: ['limit'],
            other: [
              expect.objectContaining({
                name: 'status',
                type: {
                  kind: 'array',
                  items: {
                    kind: 'union',
                    members: [
                      { kind: 'literal', value: 'a' },
                      { kind: 'literal', value: 'b' },
                    ],
                  },
                },
              }),
            ],
            required: false,
            repeated: ['status'],
          },
          args: [
            { name: 'query', role: 'query', optional: true },
            { name: 'options', role: 'options', optional: true },
          ],
        },
      },
    ],
    [
      "a list answering a JSON array (not Astra's envelope): even `limit` is typed from its schema",
      {
        given: {
          '/pets': {
            get: {
              operationId: 'listPets',
              parameters: [{ name: 'limit', in: 'query', schema: { type: 'string' } }],
              responses: json(arrayOf({ $ref: '#/components/schemas/Widget' })),
            },
          },
        },
        want: {
          kind: 'list',
          query: {
            collection: [],
            other: [expect.objectContaining({ name: 'limit', type: { kind: 'primitive', type: 'string' } })],
            required: false,
            repeated: [],
          },
        },
      },
    ],
    [
      'a required query parameter makes the query argument required',
      {
        given: {
          '/pets/findByStatus': {
            get: {
              operationId: 'findPets',
              parameters: [{ name: 'status', in: 'query', required: true, schema: { type: 'string' } }],
              responses: json(arrayOf({ $ref: '#/components/schemas/Widget' })),
            },
          },
        },
        want: {
          query: expect.objectContaining({ collection: [], required: true }),
          args: [
            { name: 'query', role: 'query', optional: false },
            { name: 'options', role: 'options', optional: true },
          ],
        },
      },
    ],
    [
      'a non-collection endpoint declared x-astra-pagination but answering one object: a get, not paged',
      {
        given: {
          '/accounts/{account_id}/openapi': {
            get: {
              operationId: 'getOpenApiDocument',
              'x-astra-pagination': 'none',
              responses: json({ $ref: '#/components/schemas/Widget' }),
            },
          },
        },
        want: {
          kind: 'get',
          verb: 'get',
          methodName: 'get',
          pagination: null,
          success: { status: '200', mediaType: 'application/json', type: { kind: 'ref', name: 'Widget' } },
        },
      },
    ],
    [
      'a text endpoint (OpenMetrics): a get resolving to a string',
      {
        given: {
          '/accounts/{account_id}/metrics': {
            get: {
              operationId: 'getMetrics',
              responses: {
                '200': {
                  description: 'OK.',
                  content: { 'application/openmetrics-text': { schema: { type: 'string' } } },
                },
              },
            },
          },
        },
        want: {
          kind: 'get',
          verb: 'get',
          success: {
            status: '200',
            mediaType: 'application/openmetrics-text',
            type: { kind: 'primitive', type: 'string' },
          },
        },
      },
    ],
    [
      "a create always takes a body, then its query: a non-list's parameters are all typed from their schemas, Astra names included",
      {
        given: {
          '/a/widgets': {
            post: {
              operationId: 'createWidget',
              parameters: [
                { name: 'dryRun', in: 'query', schema: { type: 'boolean' } },
                { name: 'limit', in: 'query', schema: { type: 'string' } },
              ],
              responses: noContent,
            },
          },
        },
        want: {
          kind: 'create',
          verb: 'create',
          query: {
            collection: [],
            other: [expect.objectContaining({ name: 'dryRun' }), expect.objectContaining({ name: 'limit' })],
            required: false,
            repeated: [],
          },
          args: [
            { name: 'body', role: 'body', optional: false },
            { name: 'query', role: 'query', optional: true },
            { name: 'options', role: 'options', optional: true },
          ],
        },
      },
    ],
    [
      'an optional body before a required query is required too (a required argument never follows an optional one)',
      {
        given: {
          '/a/widgets/{id}': {
            post: {
              operationId: 'poke',
              parameters: [{ name: 'how', in: 'query', required: true, schema: { type: 'string' } }],
              requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
              responses: noContent,
            },
          },
        },
        want: {
          kind: 'other',
          args: [
            { name: 'id', role: 'id', optional: false },
            { name: 'body', role: 'body', optional: false },
            { name: 'query', role: 'query', optional: false },
            { name: 'options', role: 'options', optional: true },
          ],
        },
      },
    ],
    [
      "a PATCH on an instance is `patch`: its body (the declared merge-patch type) after the ids, calling the runtime's patch",
      {
        given: {
          '/a/widgets/{id}': {
            patch: {
              operationId: 'patchWidget',
              requestBody: {
                required: true,
                content: { 'application/merge-patch+json': { schema: { type: 'object' } } },
              },
              responses: json({ $ref: '#/components/schemas/Widget' }),
            },
          },
        },
        want: {
          kind: 'patch',
          verb: 'patch',
          methodName: 'patch',
          requestBody: expect.objectContaining({ mediaType: 'application/merge-patch+json', encoding: 'json' }),
          args: [
            { name: 'id', role: 'id', optional: false },
            { name: 'body', role: 'body', optional: false },
            { name: 'options', role: 'options', optional: true },
          ],
        },
      },
    ],
    [
      "a HEAD on a collection is named from its operationId and calls the runtime's head",
      {
        given: { '/a/widgets': { head: { operationId: 'countWidgets', responses: noContent } } },
        want: { kind: 'other', verb: 'head', methodName: 'countWidgets' },
      },
    ],
    [
      'an OPTIONS with no body reads through get',
      {
        given: { '/a/widgets/{id}': { options: { operationId: 'widgetOptions', responses: noContent } } },
        want: { kind: 'other', verb: 'get', methodName: 'widgetOptions' },
      },
    ],
    [
      'a body declaring JSON beside a form and XML is sent as JSON; the request body says how it is encoded',
      {
        given: {
          '/a/widgets': {
            post: {
              operationId: 'createWidget',
              requestBody: {
                content: {
                  'application/xml': { schema: { type: 'string' } },
                  'application/x-www-form-urlencoded': { schema: { type: 'object' } },
                  'application/json': { schema: { type: 'array', items: { type: 'string' } } },
                },
              },
              responses: noContent,
            },
          },
        },
        want: {
          requestBody: expect.objectContaining({
            mediaType: 'application/json',
            encoding: 'json',
            type: { kind: 'array', items: { kind: 'primitive', type: 'string' } },
          }),
        },
      },
    ],
    [
      'a multipart body: binary strings are Blob file parts; the same string in a form body stays a string',
      {
        given: {
          '/a/widgets/{id}/upload': {
            post: {
              operationId: 'upload',
              requestBody: {
                content: {
                  'multipart/form-data; charset=utf-8': {
                    schema: {
                      type: 'object',
                      properties: {
                        file: { type: 'string', format: 'binary' },
                        image: { type: 'string', contentMediaType: 'image/png' },
                        encoded: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' },
                      },
                    },
                  },
                },
              },
              responses: noContent,
            },
          },
        },
        want: {
          kind: 'action',
          requestBody: expect.objectContaining({
            mediaType: 'multipart/form-data; charset=utf-8',
            encoding: 'multipart',
            type: {
              kind: 'object',
              additional: null,
              properties: [
                expect.objectContaining({ name: 'file', type: { kind: 'primitive', type: 'Blob' } }),
                expect.objectContaining({ name: 'image', type: { kind: 'primitive', type: 'Blob' } }),
                expect.objectContaining({ name: 'encoded', type: { kind: 'primitive', type: 'string' } }),
              ],
            },
          }),
        },
      },
    ],
    [
      'an answer whose schema is an array or a scalar is any JSON (the runtime must not insist on an object)',
      {
        given: { '/a/widgets/{id}/count': { post: { operationId: 'count', responses: json({ type: 'integer' }) } } },
        want: { success: { status: '200', mediaType: 'application/json', type: expect.anything(), anyJson: true } },
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(only(given)).toMatchObject(want);
  });
});
