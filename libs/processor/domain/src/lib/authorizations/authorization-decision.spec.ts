import { CardProfile } from '../cards/test-cards';
import { decideAuthorization, decideChallenge } from './authorization-decision';

const decide = (profile: CardProfile, status: 'active' | 'closed' = 'active') => decideAuthorization({ profile, status }, 0, 1);

describe('authorization decision', () => {
  it.each([
    ['approve', 'approved', '00'],
    ['insufficient_funds', 'declined', '51'],
    ['expired_card', 'declined', '54'],
    ['lost_card', 'declined', '41'],
    ['stolen_card', 'declined', '43'],
    ['do_not_honor', 'declined', '05'],
    ['challenge_required', 'challenge_required', '1A'],
    ['processor_error', 'processor_error', '96'],
    ['timeout', 'timeout', '91'],
    ['settlement_declined', 'approved', '00'],
    ['refresh_replaced', 'approved', '00'],
  ] as const)('answers a %s card with %s (%s)', (profile, kind, reasonCode) => {
    expect(decide(profile)).toMatchObject({ kind, reasonCode });
  });

  it('declines a closed card account', () => {
    expect(decide('approve', 'closed')).toMatchObject({ kind: 'declined', reasonCode: '14' });
  });

  it('answers a processor error at the configured error rate whatever the card', () => {
    expect(decideAuthorization({ profile: 'approve', status: 'active' }, 0.1, 0.05)).toMatchObject({ kind: 'processor_error' });
    expect(decideAuthorization({ profile: 'approve', status: 'active' }, 0.1, 0.5)).toMatchObject({ kind: 'approved' });
  });

  it('approves a passed challenge and declines a failed one', () => {
    expect(decideChallenge(true)).toMatchObject({ kind: 'approved' });
    expect(decideChallenge(false)).toMatchObject({ kind: 'declined', reasonCode: '1B' });
  });
});
