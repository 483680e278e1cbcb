/**
 * Reads a video file's primary video track with mediabunny: its packets' timestamps and key flags in
 * decode order (metadata only, no sample data), its coded size and its decoder configuration. Runs in
 * a worker, and in Node for the index tests (mediabunny demuxes without WebCodecs).
 */
import { ALL_FORMATS, BlobSource, BufferSource, EncodedPacketSink, Input, UrlSource, type InputVideoTrack, type Source } from 'mediabunny';
import { buildFrameIndex, type FrameIndex, type PacketEntry } from './frame-index.js';

/** A demuxed video track, ready to decode from. */
export interface DemuxedVideo {
  input: Input;
  track: InputVideoTrack;
  sink: EncodedPacketSink;
  index: FrameIndex;
  /** Coded width and height of the track's samples, pixels. */
  width: number;
  height: number;
}

/** Where a video's bytes come from: an absolute URL, a Blob/File, or bytes already in memory. */
export type VideoBytes = string | Blob | ArrayBuffer | Uint8Array;

function sourceOf(src: VideoBytes): Source {
  if (typeof src === 'string') return new UrlSource(src);
  if (src instanceof Blob) return new BlobSource(src);
  return new BufferSource(src);
}

/** Every packet of the track in decode order, timestamps and key flags only. */
export async function readPackets(sink: EncodedPacketSink): Promise<PacketEntry[]> {
  const packets: PacketEntry[] = [];
  for await (const packet of sink.packets(undefined, undefined, { metadataOnly: true })) {
    packets.push({ timestamp: packet.timestamp, key: packet.type === 'key' });
  }
  return packets;
}

/**
 * Opens `src` and indexes its primary video track.
 * @throws Error when the file has no video track or its container cannot be read.
 */
export async function demuxVideo(src: VideoBytes): Promise<DemuxedVideo> {
  const input = new Input({ formats: ALL_FORMATS, source: sourceOf(src) });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('openVideo: the file has no video track');
    const sink = new EncodedPacketSink(track);
    const index = buildFrameIndex(await readPackets(sink));
    return { input, track, sink, index, width: await track.getCodedWidth(), height: await track.getCodedHeight() };
  } catch (error) {
    input.dispose();
    throw error;
  }
}
