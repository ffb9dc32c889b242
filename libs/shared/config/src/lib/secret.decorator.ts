const SECRET_KEYS = Symbol('kessai:secret-config-keys');

/** Marks a configuration property as a secret: it is never logged nor echoed in an error. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const keys: Set<string> = Reflect.getMetadata(SECRET_KEYS, target.constructor) ?? new Set<string>();
    keys.add(String(key));
    Reflect.defineMetadata(SECRET_KEYS, keys, target.constructor);
  };
}

export function secretKeysOf(configClass: object): Set<string> {
  return Reflect.getMetadata(SECRET_KEYS, configClass) ?? new Set<string>();
}
