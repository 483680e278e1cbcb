import { defineConfig, type Options } from 'tsup';

/**
 * The build every package shares: ESM + `.d.ts` from `src/index.ts`, with the package's
 * `tsconfig.build.json` (no workspace path aliases, so other packages resolve to their built types).
 */
export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    tsconfig: 'tsconfig.build.json',
    ...overrides,
  });
}
