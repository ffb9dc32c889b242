import { isJsonSchema, JsonSchema, propertiesOf, requiredOf } from './json-schema';
import { toCanonicalJson } from './canonical-json';

/** A change to a published schema that breaks its consumers or the events already on the topic. */
export interface BreakingChange {
  /** Dotted path to the field, `[]` for array items, e.g. `payload.allowedPaymentMethods[]`; empty for the whole event. */
  path: string;
  change: string;
}

// Keywords that only document: changing them changes no message's validity.
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
// Keywords compared by their own rule below; every other keyword is an assertion, frozen within a version.
const OWN_RULES = new Set(['type', 'enum', 'properties', 'required', 'items']);
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

/**
 * What a current schema breaks of a published one (the same topic). Within a version a schema may only gain
 * optional fields or change its documentation: consumers validate what they receive, so every constraint is
 * frozen. Breaking: a field removed, a field's type changed, an optional field made required (or a required one
 * optional: consumers read it unconditionally), a new required field, an enum narrowed or widened (an older
 * consumer rejects the new value), a constraint added, dropped, tightened or loosened.
 */
export function findBreakingChanges(published: JsonSchema, current: JsonSchema, path = ''): BreakingChange[] {
  return [
    ...typeChanges(published, current, path),
    ...enumChanges(published, current, path),
    ...boundChanges(published, current, path),
    ...assertionChanges(published, current, path),
    ...propertyChanges(published, current, path),
    ...itemChanges(published, current, path),
  ];
}

/** `billing.bill.created.v1: payload.amount: type changed from integer to string` */
export function describeBreakingChange(topic: string, { path, change }: BreakingChange): string {
  return `${topic}: ${path || '(event)'}: ${change}`;
}

function typeChanges(published: JsonSchema, current: JsonSchema, path: string): BreakingChange[] {
  const before = typeName(published['type']);
  const after = typeName(current['type']);
  return before === after ? [] : [{ path, change: `type changed from ${before} to ${after}` }];
}

function enumChanges(published: JsonSchema, current: JsonSchema, path: string): BreakingChange[] {
  const before = published['enum'];
  const after = current['enum'];
  if (!Array.isArray(before) && !Array.isArray(after)) return [];
  if (!Array.isArray(before)) return [{ path, change: `enum added: only ${shown(after)} allowed now` }];
  if (!Array.isArray(after)) return [{ path, change: `enum ${shown(before)} dropped: any value allowed now` }];
  const canonical = (values: unknown[]) => new Set(values.map((value) => toCanonicalJson(value)));
  const allowedAfter = canonical(after);
  const allowedBefore = canonical(before);
  const dropped = before.filter((value) => !allowedAfter.has(toCanonicalJson(value)));
  const added = after.filter((value) => !allowedBefore.has(toCanonicalJson(value)));
  const changes: BreakingChange[] = [];
  if (dropped.length > 0) {
    changes.push({ path, change: `enum narrowed: ${shown(dropped)} no longer allowed (was ${shown(before)}, now ${shown(after)})` });
  }
  if (added.length > 0) {
    changes.push({ path, change: `enum widened: consumers of this version would reject ${shown(added)}` });
  }
  return changes;
}

function boundChanges(published: JsonSchema, current: JsonSchema, path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const before = published[keyword];
    const after = current[keyword];
    if (toCanonicalJson(before) === toCanonicalJson(after)) continue;
    if (after === undefined) changes.push({ path, change: `${keyword} ${shown(before)} dropped` });
    else if (before === undefined) changes.push({ path, change: `${keyword} ${shown(after)} added` });
    else if (typeof before === 'number' && typeof after === 'number') {
      changes.push({ path, change: `${keyword} ${after > before ? 'raised' : 'lowered'} from ${before} to ${after}` });
    } else changes.push({ path, change: `${keyword} changed from ${shown(before)} to ${shown(after)}` });
  }
  return changes;
}

function assertionChanges(published: JsonSchema, current: JsonSchema, path: string): BreakingChange[] {
  const bounds = new Set([...LOWER_BOUNDS, ...UPPER_BOUNDS]);
  const keywords = new Set([...Object.keys(published), ...Object.keys(current)]);
  return [...keywords]
    .filter((keyword) => !ANNOTATIONS.has(keyword) && !OWN_RULES.has(keyword) && !bounds.has(keyword))
    .sort()
    .flatMap((keyword): BreakingChange[] => {
      const before = published[keyword];
      const after = current[keyword];
      if (toCanonicalJson(before) === toCanonicalJson(after)) return [];
      if (before === undefined) return [{ path, change: `${keyword} ${shown(after)} added` }];
      if (after === undefined) return [{ path, change: `${keyword} ${shown(before)} dropped` }];
      return [{ path, change: `${keyword} changed from ${shown(before)} to ${shown(after)}` }];
    });
}

function propertyChanges(published: JsonSchema, current: JsonSchema, path: string): BreakingChange[] {
  const before = propertiesOf(published);
  const after = propertiesOf(current);
  const requiredBefore = requiredOf(published);
  const requiredAfter = requiredOf(current);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name): BreakingChange[] => {
    const fieldPath = path ? `${path}.${name}` : name;
    if (!(name in after)) return [{ path: fieldPath, change: 'field removed' }];
    if (!(name in before))
      return requiredAfter.has(name) ? [{ path: fieldPath, change: 'new required field added' }] : [];
    const presence: BreakingChange[] = [];
    if (!requiredBefore.has(name) && requiredAfter.has(name))
      presence.push({ path: fieldPath, change: 'optional field made required' });
    if (requiredBefore.has(name) && !requiredAfter.has(name))
      presence.push({ path: fieldPath, change: 'required field made optional' });
    return [...presence, ...findBreakingChanges(before[name], after[name], fieldPath)];
  });
}

function itemChanges(published: JsonSchema, current: JsonSchema, path: string): BreakingChange[] {
  const after = current['items'];
  const before = published['items'];
  if (after === undefined) return [];
  if (!isJsonSchema(after)) {
    // Tuple-style items: no rule of its own, so any change counts.
    return toCanonicalJson(before) === toCanonicalJson(after)
      ? []
      : [{ path: `${path}[]`, change: `items changed from ${shown(before)} to ${shown(after)}` }];
  }
  return findBreakingChanges(isJsonSchema(before) ? before : {}, after, `${path}[]`);
}

function typeName(type: unknown): string {
  if (type === undefined) return 'any';
  if (Array.isArray(type)) return [...type].map(String).sort().join('|');
  return String(type);
}

function shown(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
