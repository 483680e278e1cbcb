/** Suggestion review: pure ordering/decision helpers and the review toolbar. */
export * from './review.js';
export { SuggestionBar, type SuggestionBarProps, type CurrentSuggestion, type SuggestionBarHotkeys } from './SuggestionBar.js';
