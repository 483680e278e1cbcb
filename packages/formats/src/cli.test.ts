import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { FIXTURES, tempDirs } from './shared/fixtures.js';

const tmp = tempDirs('labelkit-cli-');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}



describe('labelkit CLI', () => {
  it('converts COCO to YOLO (a directory with data.yaml and label files), reporting losses', async () => {
    const dir = tmp();
    const r = await run('convert', '--from', 'coco', '--to', 'yolo', path.join(FIXTURES, 'coco/instances_polygon_and_rle_minimal.json'), path.join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/converted 1 item\(s\), 2 annotation\(s\) from coco to yolo/);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['b.txt', 'data.yaml']);
    expect(readFileSync(path.join(dir, 'out/b.txt'), 'utf8').split('\n')[0]).toBe('0 0 0 0.2 0 0.2 0.2 0 0.2');
    expect(r.err).toMatch(/not carried by yolo/);
  });

  it('reads a YOLO directory back with --width/--height and converts it to VOC files', async () => {
    const dir = tmp();
    const r = await run('convert', '--from', 'yolo', '--to', 'voc', path.join(FIXTURES, 'yolo/roboflow_export'), dir, '--width', '10', '--height', '5');
    expect(r.code).toBe(0);
    const xml = readFileSync(path.join(dir, 'val/labels/val_001.xml'), 'utf8');
    expect(xml).toContain('<name>label_1</name>');
    expect(xml).toContain('<xmax>9</xmax>');
  });

  it('converts Label Studio to native with a config and validates the result', async () => {
    const dir = tmp();
    const out = path.join(dir, 'ner.labelkit.json');
    const ls = path.join(FIXTURES, 'labelstudio');
    expect((await run('convert', '--from', 'labelStudio', '--to', 'native', path.join(ls, 'lsf_named_entity.task_with_annotations.json'), out, '--config', path.join(ls, 'lsf_named_entity.label_config.xml'))).code).toBe(0);
    const v = await run('validate', out, '--format', 'native');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/valid native: 1 item\(s\), 1 annotation\(s\), 11 label\(s\)/);
  });

  it('exits 1 on invalid input, naming every problem', async () => {
    const dir = tmp();
    const f = path.join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ images: [{ id: 1, file_name: 'a.jpg', width: 4, height: 4 }], categories: [{ id: 1, name: 'a' }], annotations: [{ id: 1, image_id: 2, category_id: 1, segmentation: [[0, 0, 1]] }] }));
    const r = await run('validate', f, '--format', 'coco');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/annotations\[0\]\.image_id: no image with id 2/);
    expect(r.err).toMatch(/annotations\[0\]\.segmentation\[0\]: a polygon needs at least 3 points/);
  });

  it('applies --schema: unknown labels are errors', async () => {
    const dir = tmp();
    const schema = path.join(dir, 'schema.json');
    writeFileSync(schema, JSON.stringify({ labels: [{ id: 'label_0' }] }));
    const r = await run('validate', path.join(FIXTURES, 'yolo/roboflow_export'), '--format', 'yolo', '--schema', schema, '--width', '10', '--height', '5');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown label "label_1"/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run('convert', '--from', 'coco', 'a')).code).toBe(2);
    expect((await run('convert', '--from', 'Coco', '--to', 'yolo', 'a', 'b')).err).toMatch(/did you mean "coco"/);
    expect((await run('validate', '/nonexistent', '--format', 'coco')).err).toMatch(/no such file/);
    expect((await run('frobnicate')).code).toBe(2);
    const d = tmp();
    mkdirSync(path.join(d, 'x'));
    expect((await run('validate', path.join(d, 'x'), '--format', 'coco')).err).toMatch(/coco reads one file/);
  });

  it('lists every format, the text and audio ones included', async () => {
    const r = await run('formats');
    expect(r.out.trim().split('\n')).toEqual(['native', 'coco', 'yolo', 'voc', 'labelStudio', 'cvat', 'w3c', 'spacy', 'doccano', 'brat', 'conll', 'rttm', 'webvtt', 'textGrid', 'kitti']);
  });
});
