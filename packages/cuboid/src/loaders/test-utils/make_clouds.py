"""Writes point clouds with Open3D (Debian's python3-open3d) into the folder given as argv[1], for the
loader tests: PCD ascii / binary / binary_compressed and PLY ascii / binary, from both of Open3D's APIs
(the tensor API carries intensity and label), a mesh PLY (a face element after the vertices), and an
organised PCD (HEIGHT > 1 with NaN points) written as PCL writes ascii, for pcl_convert_pcd_ascii_binary."""
import sys
import numpy as np
import open3d as o3d

out = sys.argv[1]
rng = np.random.default_rng(20261208)
n = 2000

t = o3d.t.geometry.PointCloud()
positions = (rng.normal(size=(n, 3)) * [20, 20, 2]).astype(np.float32)
positions[:4] = [[0, 0, 0], [-0.0, 1e-30, -1e30], [123456.789, -0.1, 3.4e38], [1.5, -2.25, 1e-39]]
t.point.positions = o3d.core.Tensor(positions)
t.point.colors = o3d.core.Tensor(rng.integers(0, 256, size=(n, 3)).astype(np.uint8))
t.point.intensity = o3d.core.Tensor(rng.random(size=(n, 1)).astype(np.float32) * 255)
t.point.label = o3d.core.Tensor(rng.integers(0, 40, size=(n, 1)).astype(np.uint32))
for encoding, kw in [('ascii', dict(write_ascii=True)), ('binary', {}), ('binary_compressed', dict(compressed=True))]:
    assert o3d.t.io.write_point_cloud(f'{out}/o3d_tensor_{encoding}.pcd', t, **kw)

# PLY has no uint32: Open3D writes label as int.
t.point.label = o3d.core.Tensor(rng.integers(0, 40, size=(n, 1)).astype(np.int32))
assert o3d.t.io.write_point_cloud(f'{out}/o3d_tensor_ascii.ply', t, write_ascii=True)
assert o3d.t.io.write_point_cloud(f'{out}/o3d_tensor_binary.ply', t)

legacy = o3d.geometry.PointCloud()
legacy.points = o3d.utility.Vector3dVector(rng.normal(size=(n, 3)) * 30)
legacy.colors = o3d.utility.Vector3dVector(rng.random(size=(n, 3)))
for encoding, kw in [('ascii', dict(write_ascii=True)), ('binary', {}), ('binary_compressed', dict(compressed=True))]:
    assert o3d.io.write_point_cloud(f'{out}/o3d_legacy_{encoding}.pcd', legacy, **kw)
assert o3d.io.write_point_cloud(f'{out}/o3d_legacy_ascii.ply', legacy, write_ascii=True)
assert o3d.io.write_point_cloud(f'{out}/o3d_legacy_binary.ply', legacy)

mesh = o3d.geometry.TriangleMesh.create_box(1.0, 2.0, 0.5)
mesh.vertex_colors = o3d.utility.Vector3dVector(rng.random(size=(len(mesh.vertices), 3)))
assert o3d.io.write_triangle_mesh(f'{out}/o3d_mesh_ascii.ply', mesh, write_ascii=True)
assert o3d.io.write_triangle_mesh(f'{out}/o3d_mesh_binary.ply', mesh)

# An organised cloud (5 x 3) with invalid points as NaN, in PCL's ascii layout.
width, height = 5, 3
rows = []
for i in range(width * height):
    if i % 4 == 1:
        rows.append('nan nan nan 0')
    else:
        x, y, z = rng.normal(size=3) * 5
        rows.append(f'{x:.8g} {y:.8g} {z:.8g} {rng.random() * 100:.8g}')
with open(f'{out}/organised_ascii.pcd', 'w') as f:
    f.write('# .PCD v0.7 - Point Cloud Data file format\nVERSION 0.7\nFIELDS x y z intensity\nSIZE 4 4 4 4\nTYPE F F F F\nCOUNT 1 1 1 1\n'
            f'WIDTH {width}\nHEIGHT {height}\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS {width * height}\nDATA ascii\n' + '\n'.join(rows) + '\n')
