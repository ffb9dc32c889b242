import { contextFromHeaders, currentTraceIds, inSpan, recordedSpans, SpanKind, startTelemetry, traceHeaders } from './tracing';

describe('tracing', () => {
  beforeAll(() => startTelemetry({ serviceName: 'tracing-spec', exporter: 'memory' }));

  it('continues the trace a traceparent header names, and hands it on', async () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const outgoing = await inSpan(
      'tracing-spec',
      'process',
      { kind: SpanKind.CONSUMER, parent: contextFromHeaders({ TraceParent: incoming }) },
      async () => {
        expect(currentTraceIds()?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
        return traceHeaders().traceparent;
      },
    );
    expect(outgoing).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[\da-f]{16}-01$/);
    expect(outgoing).not.toContain('00f067aa0ba902b7');
    const span = recordedSpans().find((s) => s.name === 'process');
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('records a failure on the span and rethrows it', async () => {
    await expect(
      inSpan('tracing-spec', 'failing', { kind: SpanKind.INTERNAL }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(recordedSpans().find((s) => s.name === 'failing')?.status.code).toBe(2);
  });
});
