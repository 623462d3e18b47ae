// Where a resource lives: the path parameters (other than its own id) of the
// path it was created under. A nested collection (`/apps/{app_id}/appSnaps`)
// lists only the resources created under that parent, and exists only while
// every parent the path names exists.
import type { Route, RouteTable } from './routes.ts';
import type { Store } from './store.ts';

/** Path parameters other than the resource's own id. */
export function scopeOf(route: Route, params: Record<string, string>): Record<string, string> {
  const scope: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (k !== route.idParam) scope[k] = v;
  return scope;
}

/** For each parent id parameter of a route, the route that reads that parent: computed once per route. */
const parentsOfRoute = new WeakMap<Route, { param: string; template: string; parent: Route }[]>();

function parentsOf(table: RouteTable, route: Route): { param: string; template: string; parent: Route }[] {
  let parents = parentsOfRoute.get(route);
  if (parents) return parents;
  parents = [];
  let template = '';
  for (const segment of route.segments) {
    template += `/${segment}`;
    if (!segment.startsWith('{')) continue;
    const param = segment.slice(1, -1);
    if (param === route.idParam) break;
    const parent = table.parentRoute(template);
    if (parent && parent !== route) parents.push({ param, template, parent });
  }
  parentsOfRoute.set(route, parents);
  return parents;
}

/** The first parent the path names that does not exist (`no resource <id> at <template>`), or null. */
export function missingParent(
  table: RouteTable,
  store: Store,
  route: Route,
  params: Record<string, string>,
): string | null {
  for (const { param, template, parent } of parentsOf(table, route)) {
    if (!store.get(parent.collection.key, params[param]!)) return `no resource ${params[param]} at ${template}`;
  }
  return null;
}
