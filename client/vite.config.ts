import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

const backend = 'http://localhost:8080'

export default defineConfig({
  plugins: [react()],
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
