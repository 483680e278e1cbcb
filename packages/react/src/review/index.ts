/** Review of two labellers' work (or one against gold) beside any annotator, on core's `compare()`. */
export { ReviewPanel, formatScore, type ReviewPanelProps, type ConflictDecision } from './ReviewPanel.js';
export { AgreementTable, type AgreementTableProps, type AgreementColumn } from './AgreementTable.js';
export { conflictRows, conflictKey, stepIndex, type ConflictRow, type ReviewSet } from './conflict-rows.js';
