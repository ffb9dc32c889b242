import { toCanonicalJson } from './canonical-json';

describe('toCanonicalJson', () => {
  it('writes the same text for objects whose keys were added in a different order', () => {
    const first = toCanonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } });
    const second = toCanonicalJson({ a: { c: 'x', d: [{ y: 2, z: 1 }] }, b: 1 });

    expect(first).toBe(second);
    expect(first).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('keeps the order of array items, which can be meaningful', () => {
    expect(toCanonicalJson(['wallet', 'card'])).toBe('[\n  "wallet",\n  "card"\n]\n');
  });

  it('leaves out keys whose value is undefined', () => {
    expect(toCanonicalJson({ a: undefined, b: null })).toBe('{\n  "b": null\n}\n');
  });
});
