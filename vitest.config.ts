import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { labelkitAliases } from './scripts/aliases.mjs';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// A fresh object per project: Vitest names the instances in place, so sharing one would clash.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions() }),
  instances: [{ browser: 'chromium' as const }],
  viewport: { width: 1024, height: 768 },
  screenshotFailures: false,
});

/**
 * Three layers (ARCHITECTURE.md "Tests"), all run by `pnpm test`:
 * - `node`: `*.test.ts` — core, formats and every annotator's pure logic;
 * - `jsdom`: `*.dom.test.ts(x)` — React hooks and DOM-only widgets;
 * - `browser`: `*.browser.test.ts(x)` in headless Chromium, plus every Storybook story (`storybook`).
 */
export default defineConfig({
  resolve: { alias: labelkitAliases(dirname) },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.dom.test.*', '**/*.browser.test.*', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['packages/*/src/**/*.dom.test.{ts,tsx}'],
          setupFiles: ['./vitest.setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        // Pre-bundled up front: found mid-run (the video decode worker imports it), Vite would reload the page.
        optimizeDeps: { include: ['mediabunny'] },
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}'],
          browser: browser(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          // Storybook ≥ 10.3 applies the preview's annotations (decorators, a11y) to story tests itself.
          browser: browser(),
        },
      },
    ],
  },
});
