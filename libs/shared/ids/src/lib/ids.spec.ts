import { isUuidV7, newId } from './ids';

describe('newId', () => {
  it('makes UUIDv7 identifiers that sort in creation order', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects identifiers of other versions', () => {
    expect(isUuidV7('6f1c2a64-9b0c-4d2a-8f1e-0c7b9d1e2f3a')).toBe(false);
  });
});
