import { packageConfig } from '../../tsup.base.js';

/** The barrel, and `@labelkit/core/agreement` for hosts that want only the quality-control metrics. */
const entry = { index: 'src/index.ts', 'agreement/index': 'src/agreement/index.ts' };

export default packageConfig({ entry, dts: { entry } });
