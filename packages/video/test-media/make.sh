#!/usr/bin/env bash
# Makes the test videos of @labelkit/video's frame index (committed, so the tests need no ffmpeg).
# Every frame carries its own index in its pixels (stamp-frames.mjs); ffprobe's list of each file's
# frame timestamps is written beside it (<file>.frames.json) as the reference the Node tests compare to.
# Needs Debian's ffmpeg (ffmpeg + ffprobe 5.1) and Node. Run from anywhere: bash packages/video/test-media/make.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v ffmpeg >/dev/null || { echo "make.sh needs ffmpeg (Debian: apt-get install -y ffmpeg)"; exit 1; }
W=320 H=240
frames() { node stamp-frames.mjs "$W" "$H" "$1"; }
raw() { echo -f rawvideo -pix_fmt gray -s "${W}x${H}" -r "$1" -i -; }

# 1. H.264 at 29.97 fps (30000/1001), 3 B-frames between references in a fixed pattern, a keyframe every
#    30 frames (closed GOPs), and the first frame at 1.5 s on the file's timeline.
frames 90 | ffmpeg -v error -y $(raw 30000/1001) -c:v libx264 -preset medium -crf 30 -pix_fmt yuv420p \
  -x264-params keyint=30:min-keyint=30:scenecut=0:bframes=3:b-adapt=0:b-pyramid=none \
  -output_ts_offset 1.5 -movflags +faststart h264-bframes-29.97fps-start1.5s.mp4

# 2. VP9 in WebM at 25 fps, a keyframe every 20 frames.
frames 60 | ffmpeg -v error -y $(raw 25) -c:v libvpx-vp9 -b:v 0 -crf 40 -deadline good -cpu-used 4 \
  -g 20 -keyint_min 20 -pix_fmt yuv420p vp9-25fps.webm

# 3. Variable frame rate (H.264, no B-frames): 20 frames 1/30 s apart, then 20 frames 1/10 s apart, then
#    20 frames 1/60 s apart — timestamps in a 90 kHz timescale, passed through as they are.
frames 60 | ffmpeg -v error -y $(raw 30) \
  -vf "settb=1/90000,setpts='(if(lt(N,20),N/30,if(lt(N,40),20/30+(N-20)/10,20/30+2+(N-40)/60)))/TB'" \
  -fps_mode passthrough -enc_time_base 1/90000 -c:v libx264 -preset medium -crf 30 -pix_fmt yuv420p -bf 0 \
  -video_track_timescale 90000 -movflags +faststart vfr-30-10-60fps.mp4

for f in h264-bframes-29.97fps-start1.5s.mp4 vp9-25fps.webm vfr-30-10-60fps.mp4; do
  ffprobe -v error -select_streams v:0 -show_entries frame=pts_time,key_frame:stream=width,height,r_frame_rate,nb_frames \
    -of json "$f" > "$f.frames.json"
done
ls -l
