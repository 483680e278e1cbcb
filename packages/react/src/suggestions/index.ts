/** Suggestion review in React: core's review as a hook, and the review toolbar. */
export { useSuggestionReview, type UseSuggestionReviewOptions, type UseSuggestionReviewResult } from './use-suggestion-review.js';
export { SuggestionBar, type SuggestionBarProps, type CurrentSuggestion, type SuggestionBarHotkeys } from './SuggestionBar.js';
