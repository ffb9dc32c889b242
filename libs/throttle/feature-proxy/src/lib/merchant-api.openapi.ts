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

const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const billIdParameter = { name: 'billId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const importIdParameter = { name: 'importId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

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
    { name: 'Webhooks', description: 'Signed bill events posted to your endpoint (billing-requests)' },
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
      get: {
        operationId: 'listBills',
        tags: ['Bills'],
        summary: 'Your bills, newest first, filtered, a page at a time (cursor)',
        parameters: ['status', 'dueDateFrom', 'dueDateTo', 'merchantBillNumber', 'limit', 'cursor'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: {
          '200': { description: 'A page of bills and the next cursor', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Bill' } }, nextCursor: { type: ['string', 'null'] } } } } } },
          '422': errorResponse('BILLING_CURSOR_INVALID or VALIDATION_FAILED naming the parameter'),
          ...throttled,
        },
      },
    },
    '/bills/{billId}': {
      get: {
        operationId: 'getBill',
        tags: ['Bills'],
        summary: 'Read one of your bills',
        parameters: [billIdParameter],
        responses: {
          '200': { description: 'The bill', content: { 'application/json': { schema: { $ref: '#/components/schemas/Bill' } } } },
          '404': errorResponse('BILLING_BILL_NOT_FOUND (also for another merchant\'s bill)'),
          ...throttled,
        },
      },
    },
    '/bills/{billId}/cancel': {
      post: {
        operationId: 'cancelBill',
        tags: ['Bills'],
        summary: 'Cancel an unpaid bill: its payment link stops working',
        parameters: [billIdParameter, { $ref: '#/components/parameters/IdempotencyKey' }],
        responses: {
          '200': { description: 'Canceled', content: { 'application/json': { schema: { $ref: '#/components/schemas/Bill' } } } },
          '404': errorResponse('BILLING_BILL_NOT_FOUND'),
          '409': errorResponse('BILLING_BILL_TRANSITION_NOT_ALLOWED: the bill is already paid, expired or canceled'),
          ...throttled,
        },
      },
    },
    '/bills/{billId}/resend-sms': {
      post: {
        operationId: 'resendBillSms',
        tags: ['Bills'],
        summary: 'Send the payment link SMS again (within your sending window)',
        parameters: [billIdParameter, { $ref: '#/components/parameters/IdempotencyKey' }],
        responses: {
          '202': { description: 'Queued' },
          '404': errorResponse('BILLING_BILL_NOT_FOUND'),
          '409': errorResponse('BILLING_BILL_TRANSITION_NOT_ALLOWED: the bill can no longer be paid'),
          ...throttled,
        },
      },
    },
    '/settings/sms-window': {
      put: {
        operationId: 'setSmsWindow',
        tags: ['Bills'],
        summary: 'Set the hours (Japan time) your SMS may go out; later ones wait for the next morning',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['startHour', 'endHour'], properties: { startHour: { type: 'integer', minimum: 0, maximum: 23 }, endHour: { type: 'integer', minimum: 1, maximum: 24 } } } } } },
        responses: { '200': { description: 'Saved' }, '422': errorResponse('VALIDATION_FAILED naming the field'), ...throttled },
      },
    },
    '/bill-imports': {
      post: {
        operationId: 'importBills',
        tags: ['Bills'],
        summary: 'Upload a CSV of bills (UTF-8 or Shift_JIS, up to 1,000,000 lines), streamed: progress at the Location at once, final counts at the end',
        parameters: [{ name: 'encoding', in: 'query', required: false, schema: { type: 'string', enum: ['auto', 'utf-8', 'shift_jis'] } }],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string', description: 'merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods[,customerName,customerPhone,taxAmount,message,sendAt]' } } } },
        responses: {
          '202': { description: 'The import, with its counts once the file is read', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/BillImport' } } } },
          ...throttled,
        },
      },
    },
    '/bill-imports/{importId}': {
      get: {
        operationId: 'getBillImport',
        tags: ['Bills'],
        summary: 'Read an import\'s status and counts, also while it runs',
        parameters: [importIdParameter],
        responses: { '200': { description: 'The import', content: { 'application/json': { schema: { $ref: '#/components/schemas/BillImport' } } } }, '404': errorResponse('BILLING_IMPORT_NOT_FOUND'), ...throttled },
      },
    },
    '/bill-imports/{importId}/errors.csv': {
      get: {
        operationId: 'getBillImportErrors',
        tags: ['Bills'],
        summary: 'The lines that were refused: line, column, reason',
        parameters: [importIdParameter],
        responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, '404': errorResponse('BILLING_IMPORT_NOT_FOUND'), ...throttled },
      },
    },
    '/bill-exports/bills.csv': {
      get: {
        operationId: 'exportBills',
        tags: ['Bills'],
        summary: 'Your bills with their status and payment details, streamed',
        parameters: ['status', 'dueDateFrom', 'dueDateTo'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...throttled },
      },
    },
    '/webhook-endpoint': {
      put: {
        operationId: 'setWebhookEndpoint',
        tags: ['Webhooks'],
        summary: 'Set the URL your signed bill events are posted to; the first time, the answer holds the signing secret (once)',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' } } } } } },
        responses: { '200': { description: 'Saved' }, '422': errorResponse('VALIDATION_FAILED naming the field'), ...throttled },
      },
      get: { operationId: 'getWebhookEndpoint', tags: ['Webhooks'], summary: 'Your webhook URL (never the secret)', responses: { '200': { description: 'The endpoint' }, ...throttled } },
      delete: { operationId: 'deleteWebhookEndpoint', tags: ['Webhooks'], summary: 'Stop webhooks', responses: { '204': { description: 'Stopped' }, ...throttled } },
    },
    '/webhook-endpoint/rotate-secret': {
      post: { operationId: 'rotateWebhookSecret', tags: ['Webhooks'], summary: 'A new signing secret, answered once', responses: { '200': { description: 'The new secret' }, ...throttled } },
    },
    '/webhook-deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        tags: ['Webhooks'],
        summary: 'The delivery log: each delivery with every attempt',
        parameters: ['billId', 'status', 'limit', 'cursor'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { '200': { description: 'Deliveries' }, ...throttled },
      },
    },
    '/webhook-deliveries/{deliveryId}/replay': {
      post: {
        operationId: 'replayWebhookDelivery',
        tags: ['Webhooks'],
        summary: 'Send a delivery again, delivered or not (same body and event id)',
        parameters: [{ name: 'deliveryId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: { '201': { description: 'The new delivery' }, '404': errorResponse('BILLING_WEBHOOK_DELIVERY_NOT_FOUND'), ...throttled },
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
      get: { operationId: 'listDecisions', tags: ['Screening'], summary: 'Your most recent decisions, newest first (`limit` up to 200), each with the rules that fired and the feature values that made them fire', responses: { '200': { description: 'Decisions' }, ...throttled } },
    },
    '/merchant-rules': {
      get: { operationId: 'listMerchantRules', tags: ['Screening'], summary: 'The screening rules that apply to your payments (the active version; `limit` up to 200) and your screening setting', responses: { '200': { description: 'Rules and setting' }, ...throttled } },
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
    '/recurring/files': {
      post: {
        operationId: 'uploadRecurringChargeFile',
        tags: ['Recurring'],
        summary: 'Upload a charge file (CSV, streamed through the gateway); answers when it is merged',
        parameters: [
          { name: 'mode', in: 'query', schema: { type: 'string', enum: ['cycle', 'immediate'] }, description: '`cycle` (default): the monthly file, before your deadline; `immediate`: authorized at once, within your quota' },
          { name: 'cycle', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, description: 'YYYY-MM; default the current cycle (Japan time)' },
          { name: 'encoding', in: 'query', schema: { type: 'string', enum: ['auto', 'utf-8', 'shift_jis'] } },
          { name: 'name', in: 'query', schema: { type: 'string', maxLength: 200 } },
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          '201': { description: 'Merged: counts, line errors at `errorsUrl`', content: { 'application/json': { schema: { $ref: '#/components/schemas/RecurringChargeFile' } } } },
          '200': { description: 'The same file was sent before: nothing created', content: { 'application/json': { schema: { $ref: '#/components/schemas/RecurringChargeFile' } } } },
          '422': errorResponse('The cycle deadline has passed, the header is wrong, or an immediate file is over the quota'),
          ...throttled,
        },
      },
      get: { operationId: 'listRecurringChargeFiles', tags: ['Recurring'], summary: 'Your charge files', responses: { '200': { description: 'Files' }, ...throttled } },
    },
    '/recurring/files/{fileId}': {
      get: { operationId: 'getRecurringChargeFile', tags: ['Recurring'], summary: 'One of your charge files with its counts', parameters: [pathId('fileId')], responses: { '200': { description: 'The file' }, '404': errorResponse('Not found (also for another shop\'s file)'), ...throttled } },
    },
    '/recurring/files/{fileId}/errors.csv': {
      get: { operationId: 'getRecurringChargeFileErrors', tags: ['Recurring'], summary: 'The line errors of a file (line, column, reason) as CSV', parameters: [pathId('fileId')], responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, ...throttled } },
    },
    '/recurring/charges': {
      post: { operationId: 'createRecurringCharge', tags: ['Recurring'], summary: 'One charge by API call', parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '201': { description: 'The charge' }, '422': errorResponse('VALIDATION_FAILED naming the field'), ...throttled } },
    },
    '/recurring/charges/{id}': {
      get: { operationId: 'getRecurringCharge', tags: ['Recurring'], summary: 'One of your charges', parameters: [pathId('id')], responses: { '200': { description: 'The charge' }, '404': errorResponse('Not found (also for another shop\'s charge)'), ...throttled } },
    },
    '/recurring/members': {
      get: { operationId: 'listRecurringMembers', tags: ['Recurring'], summary: 'Your members', responses: { '200': { description: 'Members' }, ...throttled } },
    },
    '/recurring/members/{memberId}': {
      put: { operationId: 'saveRecurringMember', tags: ['Recurring'], summary: 'Register or update a member', parameters: [pathId('memberId')], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'The member' }, '422': errorResponse('VALIDATION_FAILED naming the field'), ...throttled } },
      get: { operationId: 'getRecurringMember', tags: ['Recurring'], summary: 'One of your members', parameters: [pathId('memberId')], responses: { '200': { description: 'The member' }, '404': errorResponse('Not found (also for another shop\'s member)'), ...throttled } },
    },
    '/recurring/definitions': {
      post: { operationId: 'createRecurringDefinition', tags: ['Recurring'], summary: 'A monthly charge definition for a member', parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '201': { description: 'The definition' }, '422': errorResponse('VALIDATION_FAILED naming the field'), ...throttled } },
      get: { operationId: 'listRecurringDefinitions', tags: ['Recurring'], summary: 'Your definitions', responses: { '200': { description: 'Definitions' }, ...throttled } },
    },
    '/recurring/definitions/{definitionId}': {
      get: { operationId: 'getRecurringDefinition', tags: ['Recurring'], summary: 'One of your definitions', parameters: [pathId('definitionId')], responses: { '200': { description: 'The definition' }, '404': errorResponse('Not found (also for another shop\'s definition)'), ...throttled } },
    },
    '/recurring/definitions/{definitionId}/stop': {
      post: { operationId: 'stopRecurringDefinition', tags: ['Recurring'], summary: 'Stop a definition from a cycle on', parameters: [pathId('definitionId')], responses: { '200': { description: 'The stopped definition' }, ...throttled } },
    },
    '/recurring/mandates': {
      get: { operationId: 'listRecurringMandates', tags: ['Recurring'], summary: 'Your customers\' mandates (automatic card payment from the payment screen), newest first; `customerPhone` (E.164, `+` sent as %2B) filters, `limit` up to 500', responses: { '200': { description: 'Mandates, revoked ones with when and why' }, '422': errorResponse('VALIDATION_FAILED naming the field'), ...throttled } },
    },
    '/recurring/mandates/{mandateId}/revoke': {
      post: { operationId: 'revokeRecurringMandate', tags: ['Recurring'], summary: 'End a mandate (the customer asked to stop paying automatically): their next bills get a payment link', parameters: [pathId('mandateId')], responses: { '200': { description: 'The revoked mandate (the same answer when revoked before)' }, '404': errorResponse('Not found (also for another shop\'s mandate)'), ...throttled } },
    },
    '/recurring/cycles/{cycle}/results.csv': {
      get: { operationId: 'downloadRecurringCycleResults', tags: ['Recurring'], summary: 'Your charge results of a cycle as CSV (no card numbers)', parameters: [pathId('cycle')], responses: { '200': { description: 'CSV', content: { 'text/csv': {} } }, ...throttled } },
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
      BillImport: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          status: { type: 'string' },
          encoding: { type: ['string', 'null'] },
          rowsRead: { type: 'integer' },
          accepted: { type: 'integer' },
          duplicates: { type: 'integer' },
          rejected: { type: 'integer' },
          error: { type: ['string', 'null'] },
          errorReport: { type: 'string', description: 'Path of the error report (CSV)' },
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
      RecurringChargeFile: {
        type: 'object',
        properties: { id: { type: 'string' }, status: { type: 'string' }, errorsUrl: { type: 'string' } },
        description: 'Counts of accepted and refused lines besides these fields; see the recurring engine',
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
