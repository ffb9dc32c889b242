// class-transformer publishes its metadata storage only by this path; @Type() on nested contract classes lives there.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import * as cv from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EventDefinition, EventEnvelope } from '@kessai/shared-contracts';
import { isJsonSchema, JSON_SCHEMA_DIALECT, JsonSchema, propertiesOf } from './json-schema';

type SchemaOptions = NonNullable<Parameters<typeof targetConstructorToSchema>[1]>;
type SchemaConverters = NonNullable<SchemaOptions['additionalConverters']>;

const NESTED_CLASS_REF = '#/definitions/';

// Where the library's defaults say more (or less) than class-validator checks, say what it checks.
const CONVERTERS: SchemaConverters = {
  // isNotEmpty() rejects only '', null and undefined: for a string that is a minimum length, for anything else presence.
  [cv.IS_NOT_EMPTY]: (meta) => (designTypeOf(meta) === String ? { type: 'string', minLength: 1 } : {}),
  // Min/Max say nothing about the type: IsInt or IsNumber beside them does (the default would turn integer into number).
  [cv.MIN]: (meta) => ({ minimum: meta.constraints[0] }),
  [cv.MAX]: (meta) => ({ maximum: meta.constraints[0] }),
  [cv.IS_UUID]: (meta) => uuidSchema(meta.constraints[0]),
};

const UUID_VERSIONS = ['1', '2', '3', '4', '5', '6', '7', '8'];

/** The JSON Schema of one event: the whole envelope, with the event's payload schema inlined. */
export function buildEventSchema(event: EventDefinition): JsonSchema {
  const envelope = classSchema(EventEnvelope);
  const properties = propertiesOf(envelope);
  return {
    ...envelope,
    $schema: JSON_SCHEMA_DIALECT,
    title: event.topic,
    description: event.description,
    properties: {
      ...properties,
      type: { ...properties['type'], const: event.type },
      version: { ...properties['version'], const: event.version },
      payload: { ...classSchema(event.payload), title: event.payload.name },
    },
  };
}

/** The schema class-validator's decorators on a class describe, with nested contract classes inlined. */
function classSchema(target: new () => object): JsonSchema {
  const options: SchemaOptions = {
    additionalConverters: CONVERTERS,
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: NESTED_CLASS_REF,
  };
  const nestedClasses = validationMetadatasToSchemas(options) as Record<string, unknown>;
  const schema = targetConstructorToSchema(target, options) as unknown as JsonSchema;
  return tidy(inlineNestedClasses(schema, nestedClasses, [target.name]));
}

function inlineNestedClasses(
  value: unknown,
  nestedClasses: Record<string, unknown>,
  path: string[],
): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineNestedClasses(item, nestedClasses, path));
  if (!isJsonSchema(value)) return value;
  const ref = value['$ref'];
  if (typeof ref === 'string' && ref.startsWith(NESTED_CLASS_REF)) {
    const name = ref.slice(NESTED_CLASS_REF.length);
    if (path.includes(name))
      throw new Error(
        `Contract class ${[...path, name].join(' > ')} is recursive: a published schema cannot inline it`,
      );
    const nested = nestedClasses[name];
    if (!isJsonSchema(nested))
      throw new Error(
        `Contract class ${name} (nested in ${path.join(' > ')}) has no class-validator decorators`,
      );
    const { $ref: _ref, ...siblings } = value;
    return {
      ...(inlineNestedClasses(nested, nestedClasses, [...path, name]) as JsonSchema),
      ...siblings,
      title: name,
    };
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, inlineNestedClasses(entry, nestedClasses, path)]),
  );
}

/** Sorts `required` (declaration order is no part of the contract) and drops properties that carry nothing. */
function tidy(value: unknown): JsonSchema {
  if (!isJsonSchema(value))
    throw new Error('class-validator-jsonschema returned something that is not a schema');
  const tidied = Object.fromEntries(
    Object.entries(value).map(([key, entry]) => {
      if (key === 'required' && Array.isArray(entry)) return [key, [...entry].sort()];
      if (key === 'properties' && isJsonSchema(entry)) {
        return [
          key,
          Object.fromEntries(Object.entries(entry).map(([name, property]) => [name, tidy(property)])),
        ];
      }
      if (key === 'items' && isJsonSchema(entry)) return [key, tidy(entry)];
      return [key, entry];
    }),
  );
  return tidied;
}

function designTypeOf(meta: ValidationMetadata): unknown {
  if (typeof meta.target !== 'function') return undefined;
  return Reflect.getMetadata('design:type', meta.target.prototype, meta.propertyName);
}

function uuidSchema(version: unknown): JsonSchema {
  const versionDigit = String(version ?? '');
  if (!UUID_VERSIONS.includes(versionDigit)) return { type: 'string', format: 'uuid' };
  return {
    type: 'string',
    format: 'uuid',
    pattern: `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${versionDigit}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`,
  };
}
