import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

// The suite runs the built app exactly as `pnpm start` serves it, on its own port and data folder.
const port = Number(process.env.E2E_PORT ?? 18_321)
const dataDir = mkdtempSync(join(tmpdir(), 'atelier-e2e-'))
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.ATELIER_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../server/dist/main.js',
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The whole suite creates its boards from one address, faster than a lab ever does.
      ATELIER_BOARDS_PER_MINUTE: '100000',
    },
    // E2E_REUSE=1: a server already on E2E_PORT is used (started by hand, to read its logs).
    reuseExistingServer: process.env.E2E_REUSE === '1',
    timeout: 30_000,
  },
})
