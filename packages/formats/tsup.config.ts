import { packageConfig } from '../../tsup.base.js';

/** One subpath export per format (`@labelkit/formats/coco`), the barrel, and the CLI. */
export const FORMATS = ['native', 'coco', 'yolo', 'voc', 'labelStudio', 'cvat', 'w3c', 'spacy', 'doccano', 'brat', 'conll', 'rttm', 'webvtt', 'textGrid', 'mot', 'kitti'] as const;

export default packageConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    ...Object.fromEntries(FORMATS.map((f) => [`${f}/index`, `src/${f}/index.ts`])),
  },
  dts: { entry: { index: 'src/index.ts', ...Object.fromEntries(FORMATS.map((f) => [`${f}/index`, `src/${f}/index.ts`])) } },
  platform: 'node',
});
