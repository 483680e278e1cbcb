// Resolves `@labelkit/<pkg>` and its subpaths (`@labelkit/formats/<format>`, `@labelkit/cuboid/loaders`:
// `src/<subpath>/index.ts`) to the workspace sources, so Storybook and Vitest run on the code as it is,
// with no build step in between.
import path from 'node:path';

/** @param {string} root repository root */
export function labelkitAliases(root) {
  return [
    { find: /^@labelkit\/([a-z0-9-]+)\/(.+)$/, replacement: path.join(root, 'packages/$1/src/$2/index.ts') },
    { find: /^@labelkit\/([a-z0-9-]+)$/, replacement: path.join(root, 'packages/$1/src/index.ts') },
  ];
}
