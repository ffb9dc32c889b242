/** A JSON Schema (draft-07) as plain data: keywords to values. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

export function isJsonSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `properties` of an object schema; empty when it has none. */
export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema['properties'];
  if (!isJsonSchema(properties)) return {};
  return Object.fromEntries(
    Object.entries(properties).filter((entry): entry is [string, JsonSchema] => isJsonSchema(entry[1])),
  );
}

export function requiredOf(schema: JsonSchema): Set<string> {
  const required = schema['required'];
  return new Set(
    Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [],
  );
}
