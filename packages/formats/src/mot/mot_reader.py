#!/usr/bin/python3
"""A MOT Challenge sequence reader written from the file spec alone (motchallenge.net/instructions,
arXiv:1603.00831 section 3.3), standard library only, as the test's outside reader of what labelkit
writes. It reads each sequence directory given on the command line the way MOT's evaluation kits do
(seqinfo.ini through configparser; gt/gt.txt as CSV rows frame,id,bb_left,bb_top,bb_width,bb_height,
conf,class,visibility) and checks what they require: frames in 1..seqLength, one box per id and frame,
positive sizes. It prints one JSON object per directory:
{"dir", "seqinfo": {...}, "labels": [...], "rows": [[frame, id, left, top, w, h, conf, class, vis], ...],
 "errors": [...]}."""
import configparser
import csv
import json
import os
import sys


def read_sequence(root):
    errors = []
    ini = configparser.ConfigParser()
    ini.optionxform = str  # keep MOT's key case (frameRate, seqLength, ...)
    ini.read(os.path.join(root, "seqinfo.ini"), encoding="utf-8")
    seq = dict(ini["Sequence"]) if ini.has_section("Sequence") else {}
    if "seqLength" not in seq:
        errors.append("seqinfo.ini has no seqLength")
    length = int(seq.get("seqLength", "0"))
    labels_path = os.path.join(root, "gt", "labels.txt")
    labels = []
    if os.path.exists(labels_path):
        with open(labels_path, encoding="utf-8") as f:
            labels = [line.strip() for line in f if line.strip()]
    rows = []
    seen = set()
    with open(os.path.join(root, "gt", "gt.txt"), newline="", encoding="utf-8") as f:
        for n, rec in enumerate(csv.reader(f), start=1):
            if not rec:
                continue
            if len(rec) != 9:
                errors.append(f"line {n}: {len(rec)} columns, expected 9")
                continue
            frame, tid = int(rec[0]), int(rec[1])
            left, top, w, h, conf = (float(v) for v in rec[2:7])
            cls, vis = int(rec[7]), float(rec[8])
            if not 1 <= frame <= length:
                errors.append(f"line {n}: frame {frame} outside 1..{length}")
            if tid != -1 and (frame, tid) in seen:
                errors.append(f"line {n}: id {tid} twice on frame {frame}")
            seen.add((frame, tid))
            if w <= 0 or h <= 0:
                errors.append(f"line {n}: box size {w}x{h}")
            if labels and not 1 <= cls <= len(labels):
                errors.append(f"line {n}: class {cls} not in labels.txt")
            rows.append([frame, tid, left, top, w, h, conf, cls, vis])
    return {"dir": root, "seqinfo": seq, "labels": labels, "rows": rows, "errors": errors}


if __name__ == "__main__":
    for d in sys.argv[1:]:
        print(json.dumps(read_sequence(d)))
