/**
 * The one OpenAPI document of the merchant API, served by the gateway at GET /openapi.json. Every route of
 * MERCHANT_SERVICES appears here (checked by merchant-api.openapi.spec.ts).
 */
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const throttled = {
  '429': { ...errorResponse('Over a limit: THROTTLE_*_RATE_LIMITED or THROTTLE_*_CONCURRENCY_THROTTLED'), headers: { 'Retry-After': { schema: { type: 'integer' } }, 'x-kessai-throttle-reason': { schema: { type: 'string' } } } },
  '503': { ...errorResponse('Load shed (THROTTLE_LOAD_SHED_UNAVAILABLE) or flow control unavailable'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '401': errorResponse('Missing, unknown, expired or revoked API key (THROTTLE_API_KEY_UNAUTHORIZED)'),
};

export const MERCHANT_API_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Kessai merchant API',
    version: '1.0.0',
    description:
      'Every merchant API goes through the throttle gateway. Authenticate with `Authorization: Bearer kes_test_…` (test) or `kes_live_…` (live). Every POST accepts an `Idempotency-Key`.',
  },
  servers: [{ url: 'http://127.0.0.1:3000' }],
  security: [{ apiKey: [] }],
  paths: {
    '/bills': {
      post: {
        operationId: 'createBill',
        summary: 'Create a bill (an SMS payment link is sent to the customer)',
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateBillRequest' } } } },
        responses: {
          '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Bill' } } } },
          '409': errorResponse('BILLING_BILL_NUMBER_ALREADY_EXISTS, or THROTTLE_IDEMPOTENT_REQUEST_IN_PROGRESS'),
          '422': errorResponse('VALIDATION_FAILED, or THROTTLE_IDEMPOTENCY_KEY_REUSED_INVALID (same key, different body)'),
          ...throttled,
        },
      },
    },
    '/bills/{billId}': {
      get: {
        operationId: 'getBill',
        summary: 'Read one of your bills',
        parameters: [{ name: 'billId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': { description: 'The bill', content: { 'application/json': { schema: { $ref: '#/components/schemas/Bill' } } } },
          '404': errorResponse('BILLING_BILL_NOT_FOUND (also for another merchant\'s bill)'),
          ...throttled,
        },
      },
    },
  },
  components: {
    securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'kes_test_… or kes_live_…' } },
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 255 },
        description: 'The first response is replayed for 24 h to retries with the same body; another body gets 422, a concurrent duplicate 409.',
      },
    },
    schemas: {
      CreateBillRequest: {
        type: 'object',
        required: ['merchantBillNumber', 'amount', 'currency', 'dueDate', 'allowedPaymentMethods'],
        properties: {
          merchantBillNumber: { type: 'string', maxLength: 64 },
          amount: { type: 'integer', minimum: 1, description: 'Integer minor units of the currency' },
          currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          dueDate: { type: 'string', format: 'date' },
          allowedPaymentMethods: { type: 'array', items: { type: 'string', enum: ['card', 'konbini', 'wallet', 'bank_transfer'] } },
        },
      },
      Bill: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          merchantBillNumber: { type: 'string' },
          amount: { type: 'integer' },
          currency: { type: 'string' },
          dueDate: { type: 'string', format: 'date' },
          allowedPaymentMethods: { type: 'array', items: { type: 'string' } },
          status: { type: 'string' },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              field: { type: 'string' },
              details: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
              requestId: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
