import { hashPassword, passwordProblem, UNKNOWN_USER_HASH, verifyPassword } from './password-hash';

// scrypt is slow on purpose; a shared CI machine may take a few seconds per hash.
jest.setTimeout(30_000);

describe('console password hashes (scrypt)', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts each hash, so one password never gives the same hash twice', async () => {
    expect(await hashPassword('same password 1')).not.toBe(await hashPassword('same password 1'));
  });

  it('never matches the unknown-user hash', async () => {
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword('anything at all', UNKNOWN_USER_HASH)).toBe(false);
  });

  it('refuses short passwords and ones containing the e-mail name', () => {
    expect(passwordProblem('short', 'a@b.example')).toMatch(/at least 10/);
    expect(passwordProblem('hanako-secret-1', 'hanako@shop.example')).toMatch(/e-mail/);
    expect(passwordProblem('a long enough secret', 'hanako@shop.example')).toBeNull();
  });
});
