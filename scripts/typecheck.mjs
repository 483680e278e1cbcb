// Type-checks every package on its own terms (core and formats without the DOM lib, so any DOM use
// fails), then the whole repository (tests, stories, Storybook and Vitest config) with the DOM.
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

const tsc = (project) => {
  console.log(`tsc -p ${project}`);
  execFileSync('pnpm', ['exec', 'tsc', '-p', project, '--noEmit'], { stdio: 'inherit' });
};
for (const name of readdirSync('packages')) {
  if (existsSync(`packages/${name}/tsconfig.json`)) tsc(`packages/${name}/tsconfig.json`);
}
tsc('tsconfig.json');
