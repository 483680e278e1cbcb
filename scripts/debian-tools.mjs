// The Debian packages `pnpm test` needs (see TOOLCHAIN.md), in one list: Chromium for the browser layers,
// and the outside readers and reference implementations the Node tests run labelkit's output through.
// On Debian as root `pnpm test` installs what is missing itself, saying so; elsewhere it says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Package → what needs it. */
export const DEBIAN_TEST_PACKAGES = {
  chromium: 'browser and Storybook tests',
  python3: "Debian's /usr/bin/python3 for the reference scripts (the MOT reader, agreement references)",
  'python3-sklearn': 'agreement: Cohen kappa reference',
  'python3-scipy': 'agreement: optimal assignment, cuboid IoU references',
  'python3-shapely': 'agreement: polygon and rotated-box IoU references',
  praat: 'TextGrid files read by Praat',
  'python3-webvtt': 'WebVTT files read by webvtt-py',
  'python3-nltk': 'CoNLL files read by NLTK',
  'pcl-tools': 'point clouds written by PCL (pcl_convert_pcd_ascii_binary, pcl_ply2ply)',
  'python3-open3d': 'point clouds written and read back by Open3D',
  'python3-numpy': 'KITTI .bin clouds read back with numpy',
};

/** The packages of {@link DEBIAN_TEST_PACKAGES} that dpkg does not report installed (all of them off Debian). */
export function missingDebianPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) return Object.keys(DEBIAN_TEST_PACKAGES);
  return Object.keys(DEBIAN_TEST_PACKAGES).filter((p) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
    } catch {
      return true;
    }
  });
}

/** Installs what is missing on Debian as root; returns what is still missing. */
export function ensureDebianPackages(log = console.log) {
  const missing = missingDebianPackages();
  if (!missing.length) return [];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (!isRoot || !isDebian) return missing;
  log(`labelkit test: installing Debian's ${missing.join(', ')} (apt-get install -y --no-install-recommends) ...`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return missingDebianPackages();
}

// `node scripts/debian-tools.mjs`: install what is missing (as `pnpm test` does), fail naming what is still missing.
if (import.meta.url === `file://${process.argv[1]}`) {
  const still = ensureDebianPackages();
  if (still.length) {
    console.error(`missing Debian packages: ${still.join(' ')} (need root on Debian to install them)`);
    process.exit(1);
  }
  console.log(`Debian test packages present: ${Object.keys(DEBIAN_TEST_PACKAGES).join(' ')}`);
}
