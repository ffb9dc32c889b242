import type { ValueTransformer } from 'typeorm';

/** Money columns are `bigint` (minor units); PostgreSQL hands them back as strings. */
export const minorUnitsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const minorUnits = Number(value);
    if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`Stored amount ${value} is beyond safe integers`);
    return minorUnits;
  },
};
