import { validateSync } from 'class-validator';
import { NotInProduction } from './not-in-production.decorator';

class Settings {
  NODE_ENV = 'development';
  @NotInProduction('development-secret')
  SECRET = 'development-secret';
}

const problems = (nodeEnv: string, secret: string) =>
  validateSync(Object.assign(new Settings(), { NODE_ENV: nodeEnv, SECRET: secret })).flatMap((error) => Object.values(error.constraints ?? {}));

describe('NotInProduction', () => {
  it('accepts the development value outside production', () => {
    expect(problems('development', 'development-secret')).toEqual([]);
    expect(problems('test', 'development-secret')).toEqual([]);
  });

  it('refuses the development value in production without echoing it', () => {
    expect(problems('production', 'development-secret')).toEqual(['must be set to a secret of its own in production']);
  });

  it('accepts a secret of its own in production', () => {
    expect(problems('production', 'a-secret-of-its-own')).toEqual([]);
  });
});
