/** Vite aliases from `@labelkit/<pkg>` to the workspace sources. */
export function labelkitAliases(root: string): { find: RegExp; replacement: string }[];
