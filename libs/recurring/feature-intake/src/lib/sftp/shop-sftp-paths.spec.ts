import { claimedName, parseClaimedName, readInboxName, shopSftpPaths } from './shop-sftp-paths';

describe('shop SFTP paths', () => {
  it('puts each shop in its own directories under the root', () => {
    expect(shopSftpPaths('/shops', 'shop-1')).toMatchObject({ inbox: '/shops/shop-1/inbox', processing: '/shops/shop-1/processing', outbox: '/shops/shop-1/outbox' });
  });

  it('keeps the file id in a claimed name, so a restart continues the same file', () => {
    const id = '0190a3e4-1111-7aaa-8bbb-123456789abc';
    expect(parseClaimedName(claimedName(id, 'charges 2026-03.csv'))).toEqual({ fileId: id, name: 'charges 2026-03.csv' });
    expect(parseClaimedName('charges.csv')).toBeNull();
  });

  it('reads the mode and cycle from the name and skips files still being written', () => {
    expect(readInboxName('charges-2026-03.csv')).toEqual({ mode: 'cycle', cycle: '2026-03' });
    expect(readInboxName('charges.csv')).toEqual({ mode: 'cycle' });
    expect(readInboxName('IMMEDIATE-2026-03-02.csv')).toEqual({ mode: 'immediate' });
    expect(readInboxName('.charges.csv')).toBeNull();
    expect(readInboxName('charges.csv.part')).toBeNull();
  });
});
