import { signProcessorPayload, verifyProcessorSignature } from './processor-signature';

describe('processor signature', () => {
  const body = '{"type":"konbini.paid"}';
  const now = 1_790_000_000;

  it('accepts its own signature', () => {
    expect(verifyProcessorSignature('s3cret', signProcessorPayload('s3cret', body, now), body, now + 10)).toEqual({ valid: true });
  });

  it('refuses a wrong secret, an altered body, an old timestamp and a missing or malformed header', () => {
    const header = signProcessorPayload('s3cret', body, now);
    expect(verifyProcessorSignature('other', header, body, now)).toMatchObject({ valid: false, reason: expect.stringContaining('does not match') });
    expect(verifyProcessorSignature('s3cret', header, `${body} `, now)).toMatchObject({ valid: false });
    expect(verifyProcessorSignature('s3cret', header, body, now + 301)).toMatchObject({ valid: false, reason: expect.stringContaining('300 s') });
    expect(verifyProcessorSignature('s3cret', undefined, body, now)).toMatchObject({ valid: false, reason: expect.stringContaining('missing') });
    expect(verifyProcessorSignature('s3cret', 'v1=abc', body, now)).toMatchObject({ valid: false, reason: expect.stringContaining('must read') });
  });
});
