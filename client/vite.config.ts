import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig, type Plugin } from 'vite'

const backend = 'http://localhost:8080'

/**
 * The page's entry (main.tsx) draws a board's preview picture before it evaluates the app
 * (start.tsx): index.html has the browser fetch and compile the app's scripts and fetch its
 * stylesheet meanwhile, without running them, so waiting for the picture costs no download time.
 * (The board's font files are not preloaded: on HTTP/1.1 their eight requests delayed the
 * scripts', and cold visits were slower, bench/client-render/compare.mjs.)
 */
function preloadApp(): Plugin {
  return {
    name: 'atelier-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const app = Object.values(bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/src/start.tsx'),
        )
        if (app?.type !== 'chunk') throw new Error('the build has no chunk for src/start.tsx')
        const entry = (file: string) => bundle?.[file]?.type === 'chunk' && bundle[file].isEntry
        const scripts = [app.fileName, ...app.imports.filter((file) => !entry(file))].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }))
        const styles = [...(app.viteMetadata?.importedCss ?? [])].map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }))
        return [...scripts, ...styles]
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), preloadApp()],
  // Resolve @atelier/shared to its TypeScript sources, so the client never waits on a shared build.
  resolve: { conditions: ['@atelier/source', ...defaultClientConditions] },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/sync': { target: backend, ws: true },
    },
  },
})
