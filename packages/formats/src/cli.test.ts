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

  it('lists every format, the text, audio and video ones included', async () => {
    const r = await run('formats');
    expect(r.out.trim().split('\n')).toEqual(['native', 'coco', 'yolo', 'voc', 'labelStudio', 'cvat', 'w3c', 'spacy', 'doccano', 'brat', 'conll', 'rttm', 'webvtt', 'textGrid', 'mot', 'kitti']);
  });
});

describe('labelkit CLI on video', () => {
  it('converts Label Studio video boxes to a MOT sequence and on to CVAT for video, keeping every frame of every track', async () => {
    const dir = tmp();
    const ls = path.join(FIXTURES, 'labelstudio');
    const motDir = path.join(dir, 'seq');
    const toMot = await run('convert', '--from', 'labelStudio', '--to', 'mot', path.join(ls, 'lsf_video_bboxes.task_with_annotations.json'), motDir, '--config', path.join(ls, 'lsf_video_bboxes.label_config.xml'), '--width', '640', '--height', '360');
    expect(toMot.code).toBe(0);
    expect(toMot.out).toMatch(/converted 1 item\(s\), 3 annotation\(s\) from labelStudio to mot: 3 file\(s\) written/);
    expect(readdirSync(motDir).sort()).toEqual(['gt', 'seqinfo.ini']);
    expect(readFileSync(path.join(motDir, 'seqinfo.ini'), 'utf8')).toMatch(/frameRate=24\nseqLength=1009\nimWidth=640\nimHeight=360/);
    expect(readFileSync(path.join(motDir, 'gt/labels.txt'), 'utf8')).toBe('Car\nAirplane\nPossum\n');
    // The car is on frames 1-5 (1-based): Label Studio's frame 5 has enabled: false, the last frame it is shown.
    const rows = readFileSync(path.join(motDir, 'gt/gt.txt'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(rows.filter((r) => r[7] === '1').map((r) => Number(r[0]))).toEqual([1, 2, 3, 4, 5]);
    const xml = path.join(dir, 'video.xml');
    // A gt/gt.txt path reads its whole sequence.
    const toCvat = await run('convert', '--from', 'mot', '--to', 'cvat', path.join(motDir, 'gt/gt.txt'), xml);
    expect(toCvat.code).toBe(0);
    const cvatXml = readFileSync(xml, 'utf8');
    expect(cvatXml).toContain('<size>1009</size>');
    expect(cvatXml).toMatch(/<name>visibility<\/name>\s*<mutable>True<\/mutable>/);
    // MOT has a box on every frame: the car's five frames come back as five keyframes (and outside after them).
    expect(cvatXml.match(/<track id="\d+" label="Car">[\s\S]*?<\/track>/)![0].match(/<box frame="(\d+)" outside="0"/g)).toHaveLength(5);
    const v = await run('validate', xml, '--format', 'cvat');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/valid cvat: 1 item\(s\), 3 annotation\(s\)/);
    const back = path.join(dir, 'back.json');
    expect((await run('convert', '--from', 'cvat', '--to', 'labelStudio', xml, back)).code).toBe(0);
    expect((await run('validate', back, '--format', 'labelStudio')).code).toBe(0);
  });
});
