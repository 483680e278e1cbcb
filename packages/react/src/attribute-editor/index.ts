/** The attribute form generated from a label's definitions, and its validation helpers. */
export { AttributeEditor, type AttributeEditorProps, type AttributeValues, type AttributeValidation } from './AttributeEditor.js';
export { validateAttributeValues, issuesByAttribute } from './attribute-issues.js';
