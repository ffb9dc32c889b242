import { canPerform, CONSOLE_ROLES } from './console-role';

describe('console roles', () => {
  it('lets every role look', () => {
    for (const role of CONSOLE_ROLES) expect(canPerform(role, 'view')).toBe(true);
  });

  it('lets a read-only user do nothing else', () => {
    for (const action of ['bills.cancel', 'bills.resend', 'bills.upload', 'webhooks.replay', 'api-keys.manage', 'users.manage'] as const) {
      expect(canPerform('read-only', action)).toBe(false);
    }
  });

  it('lets an operator work bills and uploads but not hold API keys or manage users', () => {
    expect(canPerform('operator', 'bills.cancel')).toBe(true);
    expect(canPerform('operator', 'bills.upload')).toBe(true);
    expect(canPerform('operator', 'api-keys.manage')).toBe(false);
    expect(canPerform('operator', 'users.manage')).toBe(false);
    expect(canPerform('admin', 'api-keys.manage')).toBe(true);
  });
});
