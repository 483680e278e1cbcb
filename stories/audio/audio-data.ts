/** Data for the audio stories: schemas, hand-made segments of the story clips, and a synthetic 3-hour file. */
import { defineSchema, type SegmentAnnotation } from '@labelkit/core';
import { seededRandom } from '../shared/seeded-random.js';

/** Speech transcription with diarisation: one `speech` label whose `speaker` attribute gives the lanes. */
export const speechSchema = defineSchema({
  labels: [
    { id: 'speech', name: 'Speech', color: '#4363d8', hotkey: '1', kinds: ['segment'], attributes: [{ id: 'speaker', type: 'select', options: ['Kennedy', 'Crowd'] }] },
    { id: 'noise', name: 'Noise', color: '#9a6324', hotkey: '2', kinds: ['segment'] },
  ],
});

/** The JFK clip split by hand at its pauses (times read off the waveform), with the transcript. */
export const jfkSegments: SegmentAnnotation[] = [
  { id: 'jfk-1', kind: 'segment', label: 'speech', start: 0.3, end: 2.2, text: 'And so my fellow Americans,', attributes: { speaker: 'Kennedy' } },
  { id: 'jfk-2', kind: 'segment', label: 'speech', start: 3.3, end: 4.4, text: 'ask not', attributes: { speaker: 'Kennedy' } },
  { id: 'jfk-3', kind: 'segment', label: 'speech', start: 4.4, end: 7.65, text: 'what your country can do for you,', attributes: { speaker: 'Kennedy' } },
  { id: 'jfk-4', kind: 'segment', label: 'speech', start: 8.15, end: 11.0, text: 'ask what you can do for your country.', attributes: { speaker: 'Kennedy' } },
];

/** Call-centre emotion per utterance, with the caller's intent as an attribute. */
export const emotionSchema = defineSchema({
  labels: [
    { id: 'neutral', name: 'Neutral', color: '#4363d8', hotkey: '1', kinds: ['segment'], attributes: [{ id: 'intent', type: 'select', options: ['complaint', 'question', 'cancellation', 'praise'] }] },
    { id: 'frustrated', name: 'Frustrated', color: '#f58231', hotkey: '2', kinds: ['segment'], attributes: [{ id: 'intent', type: 'select', options: ['complaint', 'question', 'cancellation', 'praise'] }] },
    { id: 'angry', name: 'Angry', color: '#e6194b', hotkey: '3', kinds: ['segment'], attributes: [{ id: 'intent', type: 'select', options: ['complaint', 'question', 'cancellation', 'praise'] }] },
    { id: 'satisfied', name: 'Satisfied', color: '#3cb44b', hotkey: '4', kinds: ['segment'], attributes: [{ id: 'intent', type: 'select', options: ['complaint', 'question', 'cancellation', 'praise'] }] },
  ],
});

/** Word suggestions for "Bobby ripped the ledger", from praatIO's bobby_words.TextGrid, as if from an aligner. */
export const bobbySuggestions: SegmentAnnotation[] = [
  { id: 'w1', kind: 'segment', label: 'word', start: 0.0647, end: 0.4116, text: 'BOBBY', source: 'model', score: 0.97 },
  { id: 'w2', kind: 'segment', label: 'word', start: 0.4116, end: 0.6577, text: 'RIPPED', source: 'model', score: 0.91 },
  { id: 'w3', kind: 'segment', label: 'word', start: 0.6577, end: 0.7408, text: 'THE', source: 'model', score: 0.62 },
  { id: 'w4', kind: 'segment', label: 'word', start: 0.7408, end: 1.1171, text: 'LEDGER', source: 'model', score: 0.88 },
];

/** Word-level alignment review. */
export const wordSchema = defineSchema({
  labels: [{ id: 'word', name: 'Word', color: '#911eb4', hotkey: '1', kinds: ['segment'] }],
});

/** Bioacoustics: calls in a long field recording. */
export const callsSchema = defineSchema({
  labels: [
    { id: 'bird', name: 'Bird call', color: '#3cb44b', hotkey: '1', kinds: ['segment'] },
    { id: 'frog', name: 'Frog chorus', color: '#469990', hotkey: '2', kinds: ['segment'] },
    { id: 'insect', name: 'Insect', color: '#f58231', hotkey: '3', kinds: ['segment'] },
    { id: 'anthro', name: 'Human noise', color: '#e6194b', hotkey: '4', kinds: ['segment'] },
  ],
});

/** Synthetic peaks of a `duration`-second field recording at `rate` peaks per second (magnitudes in [0, 1]). */
export function syntheticPeaks(duration: number, rate = 20, seed = 7): Float32Array {
  const rnd = seededRandom(seed);
  const n = Math.round(duration * rate);
  const out = new Float32Array(n);
  let level = 0.1;
  for (let i = 0; i < n; i++) {
    level = Math.min(1, Math.max(0.02, level + (rnd() - 0.5) * 0.08));
    const burst = (i % (rate * 37)) < rate * 3 ? 0.5 : 0;
    out[i] = Math.min(1, level * 0.6 + burst * rnd() + rnd() * 0.05);
  }
  return out;
}

/** `count` segments spread over `duration` seconds, overlapping across labels. */
export function syntheticSegments(count: number, duration: number, seed = 11): SegmentAnnotation[] {
  const rnd = seededRandom(seed);
  const labels = ['bird', 'frog', 'insect', 'anthro'];
  const out: SegmentAnnotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i / count) * duration + rnd() * (duration / count);
    const len = 0.3 + rnd() * 4;
    out.push({ id: `call-${i}`, kind: 'segment', label: labels[Math.floor(rnd() * labels.length)]!, start, end: Math.min(duration, start + len) });
  }
  return out;
}

/** A stereo phone call: the agent on the left channel, the customer on the right (as call recorders store them). */
export const stereoCallSchema = defineSchema({
  labels: [
    { id: 'speech', name: 'Speech', color: '#4363d8', hotkey: '1', kinds: ['segment'], attributes: [{ id: 'speaker', type: 'select', options: ['Agent', 'Customer'] }] },
    { id: 'hold', name: 'Hold music', color: '#9a6324', hotkey: '2', kinds: ['segment'] },
  ],
});

/** One minute of the stereo call: one peaks array per channel. */
export const stereoCallPeaks = [syntheticPeaks(60, 20, 3), syntheticPeaks(60, 20, 5)];

/** Turns of the call, each on its speaker's channel; the hold music is on both (no `channel`). */
export const stereoCallSegments: SegmentAnnotation[] = [
  { id: 'turn-1', kind: 'segment', label: 'speech', start: 1.2, end: 6.8, channel: 0, text: 'Thank you for calling, how can I help?', attributes: { speaker: 'Agent' } },
  { id: 'turn-2', kind: 'segment', label: 'speech', start: 7.4, end: 15.1, channel: 1, text: 'My router keeps dropping the connection.', attributes: { speaker: 'Customer' } },
  { id: 'turn-3', kind: 'segment', label: 'speech', start: 15.6, end: 19.9, channel: 0, text: 'Let me check your line.', attributes: { speaker: 'Agent' } },
  { id: 'hold-1', kind: 'segment', label: 'hold', start: 20.5, end: 41.0 },
  { id: 'turn-4', kind: 'segment', label: 'speech', start: 41.8, end: 47.3, text: 'Are you still there?', attributes: { speaker: 'Customer' } },
];
