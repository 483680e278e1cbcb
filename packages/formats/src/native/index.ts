export { native, schemaToJson, NATIVE_VERSION } from './native.js';
export type { NativeFile, NativeParseOptions, NativeSerializeOptions } from './native.js';
