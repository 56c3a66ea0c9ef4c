// Label selectors applied to objects, the way the API server filters what the kubernetes plugin lists
// (`labels` for services, endpoints and pods; `namespace_labels` for namespaces).
import type { LabelRequirement } from '../../util/query-b-labels.js';

/** True when every requirement holds for these labels (an empty or absent selector matches everything). */
export function selectorMatches(requirements: readonly LabelRequirement[] | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!requirements) return true;
  return requirements.every((r) => requirementHolds(r, labels));
}

function requirementHolds(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = present ? labels[r.key] : undefined;
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return value !== undefined && r.values.includes(value);
    case '!=':
    case 'notin':
      return value === undefined || !r.values.includes(value);
    case 'exists':
      return present;
    case '!':
      return !present;
    case '>':
    case '<': {
      // Kubernetes compares these as integers; a label that is not one never matches.
      if (value === undefined || !/^-?[0-9]+$/.test(value)) return false;
      const limit = Number(r.values[0]);
      return r.operator === '>' ? Number(value) > limit : Number(value) < limit;
    }
  }
}
