// Resolves `@labelkit/<pkg>` (and `@labelkit/formats/<format>`, `@labelkit/core/agreement`) to the workspace sources, so Storybook
// and Vitest run on the code as it is, with no build step in between.
import path from 'node:path';

/** @param {string} root repository root */
export function labelkitAliases(root) {
  return [
    { find: /^@labelkit\/core\/agreement$/, replacement: path.join(root, 'packages/core/src/agreement/index.ts') },
    { find: /^@labelkit\/formats\/(.+)$/, replacement: path.join(root, 'packages/formats/src/$1/index.ts') },
    { find: /^@labelkit\/([a-z-]+)$/, replacement: path.join(root, 'packages/$1/src/index.ts') },
  ];
}
