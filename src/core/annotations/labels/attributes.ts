// Checking a tag's attribute values against its label's declared attributes, so the editor can
// warn about a missing speaker or a number typed as text without refusing the tag.

import type { Label } from './labelConfig';
import type { AttributeValue } from '../model/types';

export function attributeProblems(label: Label, attributes: Readonly<Record<string, AttributeValue>>): string[] {
  const problems: string[] = [];
  for (const declared of label.attributes) {
    const value = attributes[declared.name];
    if (value === undefined) {
      if (declared.required) problems.push(`"${label.name}" needs the attribute "${declared.name}"`);
    } else if (typeof value !== declared.type) {
      problems.push(`"${declared.name}" should be a ${declared.type}, not ${JSON.stringify(value)}`);
    }
  }
  for (const name of Object.keys(attributes)) {
    if (!label.attributes.some((a) => a.name === name)) problems.push(`"${label.name}" has no attribute "${name}"`);
  }
  return problems;
}
