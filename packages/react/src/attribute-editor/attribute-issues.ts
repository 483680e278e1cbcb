import { validateAnnotations, type AttributeValue, type Issue, type Label, type LabelSchema } from '@labelkit/core';

const PREFIX = '[0].';

/**
 * Checks attribute values against a label's attribute definitions with core's own rules
 * (`validateAnnotations`), so the editor and annotation validation never disagree. Issue paths are
 * `attributes.<id>`, as in annotation validation.
 */
export function validateAttributeValues(label: Label, values: Readonly<Record<string, AttributeValue>>): Issue[] {
  // A one-label schema and a stand-in annotation: only the attribute issues are kept, so the kind,
  // geometry and selectability of the stand-in do not matter.
  const schema: LabelSchema = {
    labels: [label],
    exclusiveTags: false,
    byId: new Map([[label.id, label]]),
    children: new Map([['', [label.id]]]),
  };
  const stand = { id: 'attributes', kind: label.kinds[0] ?? 'tag', label: label.id, attributes: values };
  return validateAnnotations(schema, [stand])
    .filter((i) => i.path === `${PREFIX}attributes` || i.path.startsWith(`${PREFIX}attributes.`))
    .map((i) => ({ path: i.path.slice(PREFIX.length), message: i.message }));
}

/** The first issue message of each attribute id (`attributes.<id>` paths), for showing beside its field. */
export function issuesByAttribute(issues: readonly Issue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const id = i.path.startsWith('attributes.') ? i.path.slice('attributes.'.length) : undefined;
    if (id !== undefined && !out.has(id)) out.set(id, i.message);
  }
  return out;
}
