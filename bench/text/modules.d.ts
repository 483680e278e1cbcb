/** Recogito's stylesheet, imported for its side effect (Vite injects it), as its React wrapper does. */
declare module '@recogito/text-annotator/text-annotator.css';
