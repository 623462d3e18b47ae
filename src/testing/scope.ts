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

/** The first parent the path names that does not exist (`no resource <id> at <template>`), or null. */
export function missingParent(
  table: RouteTable,
  store: Store,
  route: Route,
  params: Record<string, string>,
): string | null {
  let template = '';
  for (const segment of route.segments) {
    template += `/${segment}`;
    if (!segment.startsWith('{')) continue;
    const name = segment.slice(1, -1);
    if (name === route.idParam) return null;
    const parent = table.parentRoute(template);
    if (parent && parent !== route && !store.get(parent.collection.key, params[name]!))
      return `no resource ${params[name]} at ${template}`;
  }
  return null;
}
