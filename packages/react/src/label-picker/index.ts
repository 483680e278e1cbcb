/** The label picker and the row model behind it. */
export { LabelPicker, type LabelPickerProps } from './LabelPicker.js';
export { buildLabelRows, filterLabelRows, type LabelRow, type LabelRows, type FilteredRows } from './label-rows.js';
