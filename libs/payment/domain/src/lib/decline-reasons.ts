/** The processor's response codes (ISO 8583 style) as the reason codes payment.payment.failed.v1 publishes. */
const REASONS: Record<string, string> = {
  '05': 'do_not_honor',
  '14': 'card_closed',
  '41': 'lost_card',
  '43': 'stolen_card',
  '51': 'insufficient_funds',
  '54': 'expired_card',
  '1B': 'challenge_failed',
  '91': 'processor_timeout',
  '96': 'processor_error',
};

export function declineReasonOf(processorCode: string | null | undefined): string {
  if (!processorCode) return 'declined';
  return REASONS[processorCode] ?? `declined_${processorCode.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}
