/** The React wrapper's stylesheet (popup styles), imported for its side effect as its README says (Vite injects it). */
declare module '@recogito/react-text-annotator/react-text-annotator.css';
