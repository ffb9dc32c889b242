import { Transform } from 'class-transformer';

/** Environment variables are strings: turn a decimal string into an integer, leave anything else to fail validation. */
export function ToInteger(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value));
}

export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const normalized = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalized)) return true;
    if (['false', '0', 'no'].includes(normalized)) return false;
    return value;
  });
}

/** A comma-separated list, e.g. KAFKA_BROKERS=127.0.0.1:9092,127.0.0.1:9094. */
export function ToList(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value,
  );
}
