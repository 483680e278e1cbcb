"""Reads every .pcd/.ply in the folder argv[1] with Open3D's tensor reader (NaN points kept) and every
.bin with numpy as KITTI velodyne (float32 x y z reflectance), and writes what it read next to each file
as raw little-endian arrays (<file>.positions.f32, .colors.u8, .intensity.f32, .labels.u32) plus
<file>.ref.json with the point count: the reference the loader tests compare parsePointCloud with."""
import json
import os
import sys
import numpy as np
import open3d as o3d

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    arrays = {}
    if name.endswith('.bin'):
        raw = np.fromfile(path, dtype='<f4').reshape(-1, 4)
        arrays['positions'] = raw[:, :3]
        arrays['intensity'] = raw[:, 3]
    elif name.endswith('.pcd') or name.endswith('.ply'):
        cloud = o3d.t.io.read_point_cloud(path, remove_nan_points=False, remove_infinite_points=False)
        point = cloud.point
        if 'positions' not in point:
            raise SystemExit(f'Open3D read no points from {name}')
        arrays['positions'] = point.positions.numpy()
        if 'colors' in point:
            colors = point.colors.numpy()
            # Open3D gives PCD/PLY colours as uint8; anything else would be 0-1 floats.
            arrays['colors'] = colors if colors.dtype == np.uint8 else np.round(colors * 255)
        if 'intensity' in point:
            arrays['intensity'] = point.intensity.numpy()
        if 'label' in point:
            arrays['labels'] = point.label.numpy()
    else:
        continue
    kinds = {'positions': '<f4', 'colors': 'u1', 'intensity': '<f4', 'labels': '<u4'}
    ext = {'positions': 'f32', 'colors': 'u8', 'intensity': 'f32', 'labels': 'u32'}
    for key, values in arrays.items():
        values.astype(kinds[key]).reshape(-1).tofile(f'{path}.{key}.{ext[key]}')
    with open(f'{path}.ref.json', 'w') as f:
        json.dump({'count': int(arrays['positions'].shape[0]), 'arrays': sorted(arrays)}, f)
