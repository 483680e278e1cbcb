import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Annotation, SegmentAnnotation } from '@labelkit/core';
import { AudioSegmentAnnotator } from '@labelkit/audio';
import { longRecording, type LongRecording } from './long-recording.js';
import { bobbySuggestions, callsSchema, emotionSchema, jfkSegments, speechSchema, stereoCallPeaks, stereoCallSchema, stereoCallSegments, syntheticPeaks, syntheticSegments, wordSchema } from './audio-data.js';

const THREE_HOURS = 3 * 3600;
const stressPeaks = [syntheticPeaks(THREE_HOURS)];
const stressSegments = syntheticSegments(5000, THREE_HOURS);

const meta = {
  title: 'Audio/AudioSegmentAnnotator',
  component: AudioSegmentAnnotator,
  args: {
    schema: speechSchema,
    onChange: fn(),
    onSelectionChange: fn(),
    onSuggestionDecision: fn(),
    onActiveLabelChange: fn(),
  },
} satisfies Meta<typeof AudioSegmentAnnotator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Waits until the annotator has loaded its audio (the time display shows the duration). */
async function ready(canvasElement: HTMLElement, duration: string) {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getByLabelText('Playhead')).toHaveTextContent(duration), { timeout: 8000 });
  return canvas;
}

const lastValue = (spy: unknown): Annotation[] => {
  const calls = (spy as { mock: { calls: [Annotation[]][] } }).mock.calls;
  return calls.at(-1)?.[0] ?? [];
};

/** Speech transcription: JFK's 11 s clip, one lane per speaker, transcripts edited inline; Tab moves on. */
export const SpeakerTranscript: Story = {
  args: { src: '/assets/audio/jfk.wav', defaultValue: jfkSegments, laneBy: { attribute: 'speaker' }, 'aria-label': 'JFK speech transcript' },
  play: async ({ args, canvasElement }) => {
    const canvas = await ready(canvasElement, '0:11.000');
    const root = canvas.getByRole('application', { name: 'JFK speech transcript' });
    root.focus();
    await userEvent.keyboard('{Tab}');
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith(['jfk-1']);
    await userEvent.keyboard('{Tab}');
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith(['jfk-2']);
    const transcript = canvas.getByLabelText('Transcript');
    await expect(transcript).toHaveValue('ask not');
    await userEvent.keyboard('t');
    await expect(transcript).toHaveFocus();
    await userEvent.keyboard(',{Tab}');
    const after = lastValue(args.onChange).find((a) => a.id === 'jfk-2') as SegmentAnnotation;
    await expect(after.text).toBe('ask not,');
    await expect(canvas.getByLabelText('Transcript')).toHaveValue('what your country can do for you,');
  },
};

/** Call-centre emotion per utterance: lanes per label, a segment marked at the playhead with [ and ], label by hotkey. */
export const CallCentreEmotion: Story = {
  args: { schema: emotionSchema, src: '/assets/audio/jfk.wav', defaultValue: [{ id: 'u1', kind: 'segment', label: 'neutral', start: 0.3, end: 2.2, attributes: { intent: 'question' } }], 'aria-label': 'Call emotion labelling' },
  play: async ({ args, canvasElement }) => {
    const canvas = await ready(canvasElement, '0:11.000');
    canvas.getByRole('application', { name: 'Call emotion labelling' }).focus();
    await userEvent.keyboard('3'); // Angry becomes the active label
    await expect(args.onActiveLabelChange).toHaveBeenLastCalledWith('angry');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}[[');
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}]');
    const created = lastValue(args.onChange).find((a) => a.id !== 'u1') as SegmentAnnotation;
    await expect(created.label).toBe('angry');
    await expect(created.end).toBeGreaterThan(created.start);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Segment created: Angry/);
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(lastValue(args.onChange)).toHaveLength(1);
  },
};

/** Bioacoustics stress case: a 3-hour recording given as precomputed peaks (no audio file, nothing decoded) with 5,000 calls. */
export const ThreeHourPeaks: Story = {
  args: { schema: callsSchema, peaks: stressPeaks, duration: THREE_HOURS, defaultValue: stressSegments, 'aria-label': 'Field recording, 3 hours' },
  play: async ({ args, canvasElement }) => {
    const canvas = await ready(canvasElement, '3:00:00.000');
    canvas.getByRole('application', { name: 'Field recording, 3 hours' }).focus();
    await expect(canvas.getByLabelText('Zoom level')).toHaveTextContent('Whole file');
    await userEvent.keyboard('+++');
    await expect(canvas.getByLabelText('Zoom level')).toHaveTextContent('8×');
    await userEvent.keyboard('{Tab}');
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith([stressSegments.slice().sort((a, b) => a.start - b.start)[0]!.id]);
    await expect(canvas.getByRole('region', { name: 'Selected segment' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Play Space' })).toBeDisabled();
  },
};

/**
 * A 20-minute field recording given as peaks + duration + a WAV `src`: it is never fetched whole or
 * decoded. Zoomed in past the peaks (here by keyboard, `+`), the annotator reads just the visible
 * stretch of the file with HTTP range requests and draws its samples, and (S) a spectrogram of them:
 * the chirps' sweeps show.
 */
export const LongRecordingWindows: Story = {
  args: { schema: callsSchema, 'aria-label': 'Field recording, 20 minutes' },
  loaders: [async () => ({ recording: longRecording(20) })],
  render: (args, { loaded }) => {
    const rec = (loaded as { recording: LongRecording }).recording;
    return <AudioSegmentAnnotator {...args} src={rec.src} peaks={rec.peaks} duration={rec.duration} defaultValue={rec.segments} />;
  },
  play: async ({ canvasElement, loaded }) => {
    const rec = (loaded as { recording: LongRecording }).recording;
    const canvas = await ready(canvasElement, '20:00.000');
    const track = canvasElement.querySelector<HTMLElement>('.lk-audio__track')!;
    await expect(track).toHaveAttribute('data-sample-window', 'idle');
    canvas.getByRole('application', { name: 'Field recording, 20 minutes' }).focus();
    // Tab to a chirp (the playhead follows), then zoom in on it until single samples are pixels apart.
    await userEvent.keyboard('{Tab}{Tab}{Tab}');
    await userEvent.keyboard('{+}'.repeat(9));
    await waitFor(() => expect(track).toHaveAttribute('data-sample-window', 'ready'), { timeout: 8000 });
    await expect(canvas.getByRole('region', { name: 'Selected segment' })).toHaveTextContent(`Bird call`);
    // The spectrogram, drawn from the same window of samples: the chirp's sweep shows.
    await userEvent.keyboard('s');
    await expect(canvas.getByRole('button', { name: 'Spectrogram' })).toHaveAttribute('aria-pressed', 'true');
    await expect(rec.segments.length).toBeGreaterThan(100);
  },
};

/**
 * A stereo call (agent left, customer right): each turn is shaded over its channel's waveform and
 * badged L or R; the channel is edited in the details panel, and "All channels" removes it.
 */
export const StereoCallChannels: Story = {
  args: { schema: stereoCallSchema, peaks: stereoCallPeaks, duration: 60, defaultValue: stereoCallSegments, laneBy: { attribute: 'speaker' }, 'aria-label': 'Stereo call' },
  play: async ({ args, canvasElement }) => {
    const canvas = await ready(canvasElement, '1:00.000');
    canvas.getByRole('application', { name: 'Stereo call' }).focus();
    await userEvent.keyboard('{Tab}');
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith(['turn-1']);
    const panel = canvas.getByRole('region', { name: 'Selected segment' });
    await expect(panel).toHaveTextContent('left channel');
    const channel = within(panel).getByLabelText('Channel');
    await expect(channel).toHaveValue('0');
    await expect(within(channel).getAllByRole('option').map((o) => o.textContent)).toEqual(['All channels', 'Left', 'Right']);
    await userEvent.selectOptions(channel, 'Right');
    let turn = lastValue(args.onChange).find((a) => a.id === 'turn-1') as SegmentAnnotation;
    await expect(turn.channel).toBe(1);
    await expect(canvas.getByRole('status')).toHaveTextContent('Channel: right channel');
    await userEvent.selectOptions(channel, 'All channels');
    turn = lastValue(args.onChange).find((a) => a.id === 'turn-1') as SegmentAnnotation;
    await expect('channel' in turn).toBe(false);
    await expect(panel).not.toHaveTextContent('left channel');
  },
};

/**
 * Reviewing word suggestions from an aligner: N next, Enter accepts, Shift+Delete rejects; the
 * suggestion bar counts what is pending and accepts every word scored at least its threshold at once.
 */
export const SuggestionsReview: Story = {
  args: { schema: wordSchema, src: '/assets/audio/praatio_bobby.wav', defaultValue: [], suggestions: bobbySuggestions, 'aria-label': 'Word alignment review' },
  play: async ({ args, canvasElement }) => {
    const canvas = await ready(canvasElement, '0:01.19');
    const bar = within(canvas.getByRole('group', { name: 'Suggestions' }));
    canvas.getByRole('application', { name: 'Word alignment review' }).focus();
    await userEvent.keyboard('n');
    await expect(canvas.getByRole('region', { name: 'Selected segment' })).toHaveTextContent('Suggestion');
    await expect(bar.getByText(/#1 · Word · score 0.97/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'accepted' });
    await expect(lastValue(args.onChange).map((a) => a.id)).toEqual(['w1']);
    await userEvent.keyboard('n{Shift>}{Delete}{/Shift}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w2', decision: 'rejected' });
    await expect(bar.getByText('2 of 4 pending')).toBeInTheDocument();
    // Undo takes the rejection back (the word is pending and selected again), redo rejects it again;
    // undo twice more takes back the accept too: its segment goes, the suggestion is pending again.
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w2', decision: 'undone' });
    await expect(bar.getByText('3 of 4 pending')).toBeInTheDocument();
    await expect(canvas.getByRole('region', { name: 'Selected segment' })).toHaveTextContent('Suggestion');
    await userEvent.keyboard('{Control>}y{/Control}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w2', decision: 'rejected' });
    await expect(bar.getByText('2 of 4 pending')).toBeInTheDocument();
    await userEvent.keyboard('{Control>}z{/Control}{Control>}z{/Control}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'w1', decision: 'undone' });
    await expect(lastValue(args.onChange)).toEqual([]);
    await expect(bar.getByText('4 of 4 pending')).toBeInTheDocument();
    // Accept ≥ 0.80 takes the three words scored that high (not THE, 0.62) as one step; the toolbar's Undo takes them all back.
    await userEvent.click(bar.getByRole('button', { name: 'Accept ≥ 0.80 (3)' }));
    await expect(lastValue(args.onChange).map((a) => a.id)).toEqual(['w1', 'w2', 'w4']);
    await expect(bar.getByText('1 of 4 pending')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    await expect(lastValue(args.onChange)).toEqual([]);
    await expect(bar.getByText('4 of 4 pending')).toBeInTheDocument();
  },
};

/**
 * Looking closer: the spectrogram under the waveform (S toggles it), wheel zoom around the pointer down to
 * single samples (the waveform then follows the samples themselves), and the overview to jump around.
 */
export const SpectrogramAndZoom: Story = {
  args: { src: '/assets/audio/jfk.wav', defaultValue: jfkSegments, laneBy: { attribute: 'speaker' }, defaultShowSpectrogram: true, 'aria-label': 'Speech with spectrogram' },
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement, '0:11.000');
    const toggle = canvas.getByRole('button', { name: 'Spectrogram' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const track = canvasElement.querySelector<HTMLElement>('.lk-audio__track')!;
    const withSpectrogram = track.getBoundingClientRect().height;
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(track.getBoundingClientRect().height).toBe(withSpectrogram - 128);
    canvas.getByRole('application', { name: 'Speech with spectrogram' }).focus();
    await userEvent.keyboard('s');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // Wheel over the track: zoom in around the pointer.
    const trackCanvas = canvasElement.querySelector<HTMLCanvasElement>('[data-testid="lk-audio-canvas"]')!;
    const r = trackCanvas.getBoundingClientRect();
    for (let i = 0; i < 3; i++) trackCanvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: r.left + r.width * 0.4, clientY: r.top + 60, bubbles: true, cancelable: true }));
    await waitFor(() => expect(canvas.getByLabelText('Zoom level')).not.toHaveTextContent('Whole file'));
  },
};

/** Read-only: select, navigate and play, no edits. */
export const ReadOnly: Story = {
  args: { src: '/assets/audio/jfk.wav', defaultValue: jfkSegments, readOnly: true, laneBy: { attribute: 'speaker' }, 'aria-label': 'Transcript, read only' },
  globals: { theme: 'dark' },
  play: async ({ args, canvasElement }) => {
    const canvas = await ready(canvasElement, '0:11.000');
    canvas.getByRole('application', { name: 'Transcript, read only' }).focus();
    await userEvent.keyboard('{Tab}{Delete}[[]');
    await expect(args.onChange).not.toHaveBeenCalled();
    await expect(canvas.getByLabelText('Transcript')).toHaveAttribute('readonly');
  },
};
