import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { FIXTURES, tempDirs } from './shared/fixtures.js';

const newDir = tempDirs('labelkit-matrix-');

async function run(...argv: string[]) {
  let err = '';
  const code = await main(argv, { out: () => undefined, err: (t) => void (err += t) });
  return { code, err };
}

/** Real files of each format, grouped by the media they describe, and what each group converts to. */
const GROUPS: { name: string; sources: [string, string, string[]?][]; targets: string[] }[] = [
  {
    name: 'image',
    sources: [
      ['coco', 'coco/person_keypoints_coco2017_subset.json'],
      ['cvat', 'cvat/cvat_for_images_project_export.xml'],
      ['voc', 'voc/voc_with_parts_and_actions.xml'],
      ['labelStudio', 'labelstudio/image_rect_poly_keypoints.export.json'],
    ],
    targets: ['native', 'coco', 'yolo', 'voc', 'labelStudio', 'cvat', 'w3c'],
  },
  {
    name: 'text',
    sources: [
      ['brat', 'text/brat/brat-tutorial-100-attribute_annotation.ann'],
      ['labelStudio', 'labelstudio/lsf_named_entity.task_with_annotations.json'],
    ],
    targets: ['native', 'spacy', 'doccano', 'brat', 'conll', 'labelStudio', 'w3c'],
  },
  {
    name: 'audio',
    sources: [
      ['rttm', 'audio/rttm/debug.development.rttm'],
      ['webvtt', 'audio/webvtt/spec-example.voices.vtt'],
      ['textGrid', 'audio/textgrid/bobby_words.ascii.TextGrid'],
    ],
    targets: ['native', 'rttm', 'webvtt', 'textGrid', 'labelStudio'],
  },
  {
    name: 'video',
    sources: [
      ['mot', 'mot/datumaro_mot_seq'],
      ['cvat', 'cvat/cvat_for_video_tracks_with_skeleton.xml'],
      // Label Studio's video results carry no frame size: it is given.
      ['labelStudio', 'labelstudio/lsf_video_bboxes.task_with_annotations.json', ['--width', '640', '--height', '360']],
    ],
    targets: ['native', 'mot', 'cvat', 'labelStudio'],
  },
  {
    name: '3d',
    sources: [['kitti', '3d/kitti']],
    targets: ['native', 'kitti'],
  },
];

describe('labelkit convert between any two formats of the same kind of media', () => {
  for (const group of GROUPS) {
    for (const [from, file, args = []] of group.sources) {
      for (const to of group.targets) {
        it(`${group.name}: ${from} → ${to}, and the output reads back`, async () => {
          const dir = newDir();
          const out = path.join(dir, `out.${to}`);
          const input = path.join(FIXTURES, file);
          const converted = await run('convert', '--from', from, '--to', to, input, out, ...args);
          expect(converted.err).not.toMatch(/Invalid|unexpected error/);
          expect(converted.code).toBe(0);
          expect(existsSync(out)).toBe(true);
          // YOLO needs image sizes to read pixels back; its reading is covered in cli.test.ts.
          if (to === 'yolo') return;
          const back = await run('validate', out, '--format', to);
          expect(back.err).not.toMatch(/Invalid|unexpected error/);
          expect(back.code).toBe(0);
        });
      }
    }
  }
});
