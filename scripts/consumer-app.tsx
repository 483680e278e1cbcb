// The app that `pnpm test:consumer` builds against the packed tarballs: one annotator from every package,
// typed strictly, as a host application would write it.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { defineSchema, validateAnnotations, type Annotation, type ChangeSet } from '@labelkit/core';
import { LabelPicker, AttributeEditor, LabelkitStyles } from '@labelkit/react';
import { ImageAnnotator, type ImageAnnotatorHandle } from '@labelkit/image';
import { SpanAnnotator, IntentTagger } from '@labelkit/text';
import type { AnnotatorHandle } from '@labelkit/react';
import { AudioSegmentAnnotator, type AudioSegmentAnnotatorHandle } from '@labelkit/audio';
import { openVideo, type VideoFrames } from '@labelkit/video/frames';
import { loadPointCloud, parsePointCloud, PointCloudError, type PointCloud } from '@labelkit/cuboid/loaders';  // needs React 19 (cuboid)
import { coco } from '@labelkit/formats/coco';
import { native } from '@labelkit/formats/native';
import { conll } from '@labelkit/formats';

const schema = defineSchema({
  labels: [
    { id: 'person', name: 'Person', hotkey: '1', kinds: ['bbox', 'polygon', 'keypoints', 'span', 'segment'],
      attributes: [{ id: 'occluded', type: 'boolean' }],
      skeleton: { keypoints: ['head', 'left_hand', 'right_hand'], edges: [['head', 'left_hand'], ['head', 'right_hand']], mirror: [['left_hand', 'right_hand']] } },
    { id: 'greeting', name: 'Greeting', kinds: ['tag'] },
  ],
});

function App() {
  const [value, setValue] = useState<Annotation[]>([]);
  const [last, setLast] = useState<ChangeSet | null>(null);
  const [cloud, setCloud] = useState<PointCloud | null>(null);  // needs React 19 (cuboid)
  useEffect(() => {  // needs React 19 (cuboid)
    // The loader's worker must be found and bundled from the package's built files.  // needs React 19 (cuboid)
    loadPointCloud('/scan.pcd').then(setCloud, (e: unknown) => console.log(e instanceof PointCloudError ? e.line : e));  // needs React 19 (cuboid)
  }, []);  // needs React 19 (cuboid)
  const kitti = parsePointCloud(new Float32Array([1, 2, 3, 0.5]).buffer, { format: 'kitti-bin' });  // needs React 19 (cuboid)
  // Imperative handles through `ref` (forwardRef, so React 18 hosts have them too); read by the check in Chromium.
  const imageRef = useRef<ImageAnnotatorHandle>(null);
  const spanRef = useRef<AnnotatorHandle>(null);
  const intentRef = useRef<AnnotatorHandle>(null);
  const audioRef = useRef<AudioSegmentAnnotatorHandle>(null);
  useEffect(() => {
    const handles = { image: imageRef.current, span: spanRef.current, intent: intentRef.current, audio: audioRef.current };
    (window as unknown as { labelkitHandles: Record<string, boolean> }).labelkitHandles = Object.fromEntries(Object.entries(handles).map(([k, h]) => [k, typeof h?.canUndo === 'function']));
  }, []);
  const onChange = (next: Annotation[], change: ChangeSet) => {
    setValue(next);
    setLast(change);
  };
  const [video, setVideo] = useState('no video yet');
  useEffect(() => {
    let frames: VideoFrames | null = null;
    openVideo('/clip.mp4', { cacheBytes: 64 * 2 ** 20 }).then(async (opened) => {
      frames = opened;
      const first = await opened.getFrame(0);
      setVideo(`${opened.frameCount} frames at ${opened.fps} fps from ${opened.timestamps[0]} s via ${opened.path}, ${first.width}x${first.height}`);
      first.close();
    }, (error: unknown) => setVideo(String(error)));
    return () => frames?.close();
  }, []);
  const person = schema.byId.get('person');
  const exported = coco.serialize({ schema, items: [{ media: { id: 'a.jpg', width: 10, height: 10 }, annotations: value.filter((a) => a.kind === 'bbox') }] });
  const saved = native.serialize({ schema, items: [] });
  return (
    <main>
      <LabelkitStyles />
      <p>{validateAnnotations(schema, value).length} problems, {exported.losses.length} COCO losses, {typeof saved.output} native, {conll.name}, last change from {last?.origin ?? 'nobody'}</p>
      <LabelPicker schema={schema} kind="bbox" onCommit={(id: string) => console.log(id)} />
      {person ? <AttributeEditor label={person} /> : null}
      <div style={{ height: 400 }}>
        <ImageAnnotator ref={imageRef} schema={schema} src="/photo.jpg" value={value} onChange={onChange} />
      </div>
      <SpanAnnotator ref={spanRef} schema={schema} text="Ada Lovelace met Charles Babbage." value={value} onChange={onChange} />
      <IntentTagger ref={intentRef} schema={schema} text="Hello there! How are you?" scope="sentence" defaultValue={[]} />
      <p>{cloud?.count ?? 0} points loaded, {kitti.count} parsed, fields {kitti.fields.join(' ')}</p>{/* needs React 19 (cuboid) */}
      <AudioSegmentAnnotator ref={audioRef} schema={schema} src="/speech.wav" value={value} onChange={onChange} />
      <p>{video}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
