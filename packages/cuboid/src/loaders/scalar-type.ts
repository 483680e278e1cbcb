/** The numeric types a PCD field or PLY property can have. */
export type ScalarType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

/** Bytes per value. */
export const SCALAR_SIZE: Readonly<Record<ScalarType, number>> = {
  int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};

export function isIntegerType(type: ScalarType): boolean {
  return type !== 'float32' && type !== 'float64';
}
