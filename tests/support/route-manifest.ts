import { resolveConfig } from '@remix-run/dev/dist/config.js'
import { matchRoutes } from '@remix-run/react'
import { remixOptions } from '../../remix.config.js'

/** One route of the app's route manifest, as Remix builds it. */
export type ManifestRoute = {
  /** Remix's route id, e.g. `routes/provider.$orgId.offers.$offerId` (the root route is `root`) */
  id: string
  /** the module, relative to app/, e.g. `routes/provider.$orgId.offers.$offerId.tsx` */
  file: string
  parentId?: string
  /** the URL pattern, its parents' paths included, e.g. `/provider/:orgId/offers/:offerId` */
  pattern: string
  index: boolean
}

type RouteObject =
  | { id: string; path?: string; caseSensitive?: boolean; index: true; children?: undefined }
  | { id: string; path?: string; caseSensitive?: boolean; index?: false; children: RouteObject[] }

/** The options Remix's Vite plugin hands to its route resolution (the same pick as in @remix-run/dev's plugin). */
const manifestOptions = ['appDirectory', 'future', 'ignoredRouteFiles', 'routes', 'serverModuleFormat'] as const

/**
 * The route manifest of app/ exactly as Remix's Vite plugin resolves it (remix.config.js, the flat-routes
 * convention, ignored files, escapes, pathless and index routes), with each route's full URL pattern. Should the
 * app move to `future.v3_routeConfig` (an app/routes.ts), resolveConfig needs Vite's route-config loader: this
 * throws until that is passed in.
 */
export async function loadRouteManifest() {
  const options = Object.fromEntries(manifestOptions.filter((key) => key in remixOptions).map((key) => [key, remixOptions[key as keyof typeof remixOptions]]))
  const { routes } = await resolveConfig(options, { rootDirectory: new URL('../..', import.meta.url).pathname })
  const entries = Object.values(routes)
  const patternOf = (id: string): string => {
    const route = routes[id]
    if (!route) throw new Error(`no route ${id}`)
    const parent = route.parentId ? patternOf(route.parentId) : ''
    return route.path ? `${parent.replace(/\/$/, '')}/${route.path}` : parent
  }
  const manifest: ManifestRoute[] = entries.map((route) => ({
    id: route.id,
    file: route.file,
    parentId: route.parentId,
    pattern: patternOf(route.id) || '/',
    index: Boolean(route.index),
  }))

  const tree = (parentId: string | undefined): RouteObject[] =>
    entries
      .filter((route) => route.parentId === parentId)
      .map(({ id, path, caseSensitive, index }): RouteObject =>
        index ? { id, path, caseSensitive, index: true } : { id, path, caseSensitive, children: tree(id) },
      )
  const routeTree = tree(undefined)

  /** The params Remix gives the route's loader and action for an address; null when the address does not reach it. */
  function paramsFor(routeId: string, pathname: string): Record<string, string> | null {
    const match = matchRoutes(routeTree, pathname)?.find((candidate) => candidate.route.id === routeId)
    return match ? Object.fromEntries(Object.entries(match.params).filter((entry): entry is [string, string] => entry[1] !== undefined)) : null
  }

  return { routes: manifest, paramsFor }
}
