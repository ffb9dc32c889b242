import { ValidateBy } from 'class-validator';

/** Refuses a setting's development value (a known secret) when NODE_ENV=production; the message never echoes it. */
export function NotInProduction(developmentValue: string): PropertyDecorator {
  return ValidateBy({
    name: 'notTheDevelopmentValue',
    validator: {
      validate: (value: unknown, args) => (args?.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || value !== developmentValue,
      defaultMessage: () => 'must be set to a secret of its own in production',
    },
  });
}
