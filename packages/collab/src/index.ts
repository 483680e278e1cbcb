export { bindStore, ANNOTATIONS_MAP, type BindStoreOptions, type StoreBinding } from './bind-store.js';
export { keyBetween, keysBetween, isFractionalIndex } from './fractional-index.js';
