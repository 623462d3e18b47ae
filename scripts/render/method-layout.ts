// A client method as the arrow function prettier lays out: one per method
// kind, the generated shape beside each builder.
//
//   name: <type params>(ids, body, query, options): Result =>
//     rt.verb<Result>(descriptor, [ids], …),
//
// (PATCH is sent by rt.patch and resolves to the answer; HEAD by rt.head and
// resolves to the response headers.)
//
// prettier's document for it: the signature is one group (type parameters,
// then the parameters, which break one a line with a trailing comma, then the
// return type), ` =>`, and the body in a group of its own, indented on the
// next line unless it fits after the arrow.
import { type Doc, group, ifBreak, indent, indentIfBreak, join, line, softline } from './layout.ts';
import { arrayDoc, callArguments, parameterList, typeArguments } from './typescript-layout.ts';

/** A type as laid out, with what prettier's layouts around it depend on. */
export interface TypeText {
  doc: Doc;
  /** prettier hugs it as a sole type argument (`Promise<Name>` never breaks inside the brackets). */
  hug: boolean;
  /**
   * The text when it is one name or keyword, null otherwise. `keyof` and
   * `['state']` are laid out for a name only: the caller does not vouch for
   * the other case, printed in parentheses.
   */
  name: string | null;
}

export interface MethodShape {
  kind: 'list' | 'get' | 'create' | 'update' | 'patch' | 'head' | 'delete' | 'action' | 'wait-for';
  descriptor: string;
  ids: string[];
  result: TypeText;
  /** Create, update: the body's type; an action or a patch: its body parameter (`body?: Type`), or null for none. */
  body: { type: Doc; optional: boolean } | null;
  /** Create, update: `<TKeyStore extends object>` type parameters, one a map the body must not leave empty. */
  typeParams: string[];
  /** The query parameter's type (a list with collection parameters: `ListQuery<…>`), or null for none. */
  query: { type: Doc; optional: boolean } | null;
  /** Lists with Astra's collection parameters: typed `ListQuery` with selectable fields `K`. */
  selectable: boolean;
  /** The options parameter's type name. */
  options: 'RequestOptions' | 'ConditionalRequestOptions';
  /** Actions: whether the runtime's `create` (a request with a body, or none) is called, else `get`. */
  sendsBody: boolean;
}

/** `T extends object`, or `K extends keyof R = never`: prettier may move the constraint and default to their own lines. */
function typeParameter(name: string, constraint: Doc, defaultType?: Doc): Doc {
  const constraintId = Symbol('constraint');
  const parts: Doc[] = [
    name,
    ' extends',
    group(indent(line), { id: constraintId }),
    indentIfBreak(constraint, constraintId),
  ];
  if (defaultType !== undefined) {
    const defaultId = Symbol('default');
    parts.push(' =', group(indent(line), { id: defaultId }), indentIfBreak(defaultType, defaultId));
  }
  return group(parts);
}

function typeParameters(params: Doc[]): Doc {
  if (!params.length) return '';
  return group(['<', indent([softline, join([',', line], params)]), ifBreak(','), softline, '>']);
}

const generic = (name: string, args: Doc[], hugOne = false): Doc => [name, typeArguments(args, hugOne)];

/** The arrow function of one method (without its name), as prettier lays it out. */
export function methodDoc(m: MethodShape): Doc {
  const { result } = m;
  const operand: Doc = result.name ?? ['(', result.doc, ')'];
  const ids = m.ids.map((id) => `${id}: string`);
  const idArray = arrayDoc(m.ids);
  const query = m.query ? [`query${m.query.optional ? '?' : ''}: `, m.query.type] : null;
  const options = `options?: ${m.options}`;
  const typeParams: Doc[] = m.typeParams.map((t) => typeParameter(t, 'object'));
  let params: Doc[];
  let returns: Doc;
  let call: Doc;
  const resultArgument = typeArguments([result.doc], result.hug);
  const tail = (...args: Doc[]) => callArguments([m.descriptor, idArray, ...args]);
  switch (m.kind) {
    case 'list':
      params = [...ids, ...(query ? [query] : []), options];
      if (m.selectable) {
        typeParams.push(typeParameter('K', ['keyof ', operand], 'never'));
        returns = generic('Pager', [generic('Selected', [result.doc, 'K'])]);
        call = ['rt.list', typeArguments([result.doc, 'K']), tail('query', 'options')];
      } else {
        returns = ['Pager', resultArgument];
        call = ['rt.list', resultArgument, tail(query ? 'query' : 'undefined', 'options')];
      }
      break;
    case 'get':
      params = [...ids, ...(query ? [query] : []), options];
      returns = ['ApiPromise', resultArgument];
      call = ['rt.get', resultArgument, tail('options', ...(query ? ['query'] : []))];
      break;
    case 'create':
    case 'update': {
      params = [...ids, ['body: ', m.body ? m.body.type : 'object'], ...(query ? [query] : []), options];
      const rest = ['body', 'options', ...(query ? ['query'] : [])];
      returns = m.kind === 'create' ? ['ApiPromise', resultArgument] : 'ApiPromise<void>';
      call = m.kind === 'create' ? ['rt.create', resultArgument, tail(...rest)] : ['rt.update', tail(...rest)];
      break;
    }
    case 'patch': {
      const body = m.body ? [[`body${m.body.optional ? '?' : ''}: `, m.body.type]] : [];
      params = [...ids, ...body, ...(query ? [query] : []), options];
      returns = ['ApiPromise', resultArgument];
      call = ['rt.patch', resultArgument, tail(m.body ? 'body' : 'undefined', 'options', ...(query ? ['query'] : []))];
      break;
    }
    case 'head':
      // The answer is the response's headers; a HEAD has no body to read.
      params = [...ids, ...(query ? [query] : []), options];
      returns = 'ApiPromise<Headers>';
      call = ['rt.head', tail('options', ...(query ? ['query'] : []))];
      break;
    case 'delete':
      params = [...ids, ...(query ? [query] : []), options];
      returns = 'ApiPromise<void>';
      call = ['rt.delete', tail('options', ...(query ? ['query'] : []))];
      break;
    case 'action': {
      const body = m.body ? [[`body${m.body.optional ? '?' : ''}: `, m.body.type]] : [];
      params = [...ids, ...body, ...(query ? [query] : []), options];
      returns = ['ApiPromise', resultArgument];
      const rest = [...(query ? ['query'] : [])];
      call = m.sendsBody
        ? ['rt.create', resultArgument, tail(m.body ? 'body' : 'undefined', 'options', ...rest)]
        : ['rt.get', resultArgument, tail('options', ...rest)];
      break;
    }
    case 'wait-for':
      params = [...ids, ['options: ', generic('WaitOptions', [generic('NonNullable', [[operand, "['state']"]])])]];
      returns = ['Promise', resultArgument];
      call = ['rt.waitFor', resultArgument, tail('options')];
      break;
  }
  const signature = group(group([typeParameters(typeParams), ...parameterList(params), ': ', returns]), {
    id: Symbol('arrow-chain'),
  });
  return group([signature, ' =>', group(indent([line, call]))]);
}
