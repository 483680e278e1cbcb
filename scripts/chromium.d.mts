export const CHROMIUM_CANDIDATES: string[];
export const CHROMIUM_ARGS: string[];
export function findChromium(): string | undefined;
export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] };
