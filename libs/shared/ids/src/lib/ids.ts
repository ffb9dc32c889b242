import { v7 as uuidv7, validate, version } from 'uuid';

/** A time-ordered UUID (v7): sorts by creation time, so it indexes well as a primary key. */
export function newId(): string {
  return uuidv7();
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}
