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
  tags: [
    { name: 'Bills', description: 'Digital billing: bills with an SMS payment link (billing-requests)' },
    { name: 'Payment pages', description: 'Your branding on the payment screen your customers open (payment-screen)' },
    { name: 'Screening', description: 'Credit screening decisions before a payment (credit-screening)' },
    { name: 'Recurring', description: 'Subscription billing (recurring-engine): every path under /recurring/ is yours as a shop, identified by your API key' },
  ],
  /**
   * Whole prefixes routed to one service: the service adds endpoints there without a gateway change; the
   * ones that exist today are listed under `paths`.
   */
  'x-kessai-routed-prefixes': [{ prefix: '/recurring', service: 'recurring-engine', methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }],
  paths: {
    '/bills': {
      post: {
        operationId: 'createBill',
        tags: ['Bills'],
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
        tags: ['Bills'],
        summary: 'Read one of your bills',
        parameters: [{ name: 'billId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': { description: 'The bill', content: { 'application/json': { schema: { $ref: '#/components/schemas/Bill' } } } },
          '404': errorResponse('BILLING_BILL_NOT_FOUND (also for another merchant\'s bill)'),
          ...throttled,
        },
      },
    },
    '/payment-pages/branding': {
      put: {
        operationId: 'setPaymentPageBranding',
        tags: ['Payment pages'],
        summary: 'Set the name, logo, colours and message your customers see on your payment pages',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentPageBrandingRequest' } } } },
        responses: {
          '200': { description: 'Saved; the next page load shows it', content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentPageBranding' } } } },
          '422': errorResponse('VALIDATION_FAILED naming the field (colours must be #rrggbb, the logo an https URL)'),
          ...throttled,
        },
      },
      get: {
        operationId: 'getPaymentPageBranding',
        tags: ['Payment pages'],
        summary: 'Read your payment page branding',
        responses: {
          '200': { description: 'Your branding (empty fields: the standard page)', content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentPageBranding' } } } },
          ...throttled,
        },
      },
    },
    '/decisions': {
      post: {
        operationId: 'decidePayment',
        tags: ['Screening'],
        summary: 'Screen a payment: approve, review or decline, with the rules that fired and the versions that decided',
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ScreeningRequest' } } } },
        responses: {
          '200': { description: 'The decision', content: { 'application/json': { schema: { $ref: '#/components/schemas/ScreeningDecision' } } } },
          '422': errorResponse('VALIDATION_FAILED naming the field'),
          ...throttled,
        },
      },
    },
    '/decisions/{decisionId}': {
      get: {
        operationId: 'getDecision',
        tags: ['Screening'],
        summary: 'Read one of your stored decisions with its features and reasons',
        parameters: [{ name: 'decisionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': { description: 'The stored decision', content: { 'application/json': { schema: { $ref: '#/components/schemas/ScreeningDecision' } } } },
          '404': errorResponse('SCREENING_DECISION_NOT_FOUND (also for another merchant\'s decision)'),
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
      PaymentPageBrandingRequest: {
        type: 'object',
        properties: {
          displayName: { type: 'string', minLength: 1, maxLength: 100 },
          logoUrl: { type: 'string', pattern: '^https://', maxLength: 508 },
          primaryColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
          accentColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
          message: { type: 'string', minLength: 1, maxLength: 500 },
        },
      },
      PaymentPageBranding: {
        type: 'object',
        properties: {
          merchantId: { type: 'string' },
          displayName: { type: ['string', 'null'] },
          logoUrl: { type: ['string', 'null'] },
          primaryColor: { type: ['string', 'null'] },
          accentColor: { type: ['string', 'null'] },
          message: { type: ['string', 'null'] },
          hasPageTemplate: { type: 'boolean' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      ScreeningRequest: {
        type: 'object',
        required: ['paymentRef', 'amount', 'currency', 'paymentMethod'],
        properties: {
          paymentRef: { type: 'string', minLength: 1, maxLength: 128 },
          amount: { type: 'integer', minimum: 0, description: 'Integer minor units of the currency' },
          currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          paymentMethod: { type: 'string', enum: ['card', 'konbini', 'wallet'] },
          phone: { type: 'string', description: 'E.164' },
          email: { type: 'string', format: 'email' },
          ip: { type: 'string' },
          deviceId: { type: 'string', maxLength: 128 },
          cardRef: { type: 'string', maxLength: 64, description: 'A card reference from tokenization, never a card number' },
          cardBrand: { type: 'string', maxLength: 32 },
          cardCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
          billingCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
          billingPostalCode: { type: 'string', maxLength: 16 },
          shippingCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
          shippingPostalCode: { type: 'string', maxLength: 16 },
          addressesMatch: { type: 'boolean' },
        },
      },
      ScreeningDecision: {
        type: 'object',
        properties: {
          decisionId: { type: 'string', format: 'uuid' },
          paymentRef: { type: 'string' },
          decision: { type: 'string', enum: ['approve', 'review', 'decline'] },
          score: { type: 'number', minimum: 0, maximum: 1 },
          modelVersion: { type: 'string' },
          ruleSetVersion: { type: 'integer' },
          decidedBy: { type: 'string' },
          firedRules: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'string' }, action: { type: 'string' }, description: { type: 'string' }, features: { type: 'object' } } },
          },
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
