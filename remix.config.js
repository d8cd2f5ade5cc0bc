/**
 * Remix options, imported by vite.config.ts (see docs/decisions/0001-stack-and-layout.md).
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export const remixOptions = {
  ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx', '**/.*', '**/*.css'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: false,
  },
}

export default remixOptions
