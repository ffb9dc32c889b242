import { Controller, Get, Header } from '@nestjs/common';

/**
 * The script a merchant's payment page loads: `KessaiProcessor.tokenize({ number, expMonth, expYear,
 * securityCode })` posts the card straight from the browser to the simulator and resolves with a one-time
 * token, so the page's own server never sees the card.
 */
const SCRIPT = `(function () {
  var origin = new URL(document.currentScript.src).origin;
  function tokenize(card) {
    return fetch(origin + '/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: String(card.number).replace(/[\\s-]/g, ''), expMonth: Number(card.expMonth),
        expYear: Number(card.expYear), securityCode: String(card.securityCode) })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { var error = new Error(body.error.message); error.code = body.error.code; error.field = body.error.field; throw error; }
        return body;
      });
    });
  }
  window.KessaiProcessor = { tokenize: tokenize };
})();
`;

@Controller('v1')
export class TokenizationScriptHttpController {
  @Get('tokenize.js')
  @Header('content-type', 'application/javascript; charset=utf-8')
  @Header('access-control-allow-origin', '*')
  @Header('cache-control', 'public, max-age=300')
  script(): string {
    return SCRIPT;
  }
}
