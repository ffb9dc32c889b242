import { Controller, Get, Header, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AuthorizationRepository } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { CompleteChallengeHandler } from './complete-challenge.handler';

/** The issuer's 3-D Secure page the cardholder is sent to (challengeUrl): pass or fail. */
@Controller('v1/challenges')
export class ChallengePageHttpController {
  constructor(
    private readonly authorizations: AuthorizationRepository,
    private readonly handler: CompleteChallengeHandler,
  ) {}

  @Get(':authorizationId')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Param('authorizationId', new ParseUUIDPipe()) authorizationId: string): Promise<string> {
    const authorization = await this.authorizations.find(authorizationId);
    if (!authorization) throw new ProcessorException('PROCESSOR_CHALLENGE_NOT_FOUND', `No challenge for authorization ${authorizationId}`, 'authorizationId');
    const open = authorization.status === 'challenge_required';
    return page(
      '3-D Secure',
      `<p>Amount: <strong>${authorization.amount} ${authorization.currency}</strong></p>` +
        (open
          ? `<form method="post" action="${authorizationId}/pass"><button id="pass">Pass authentication</button></form>
             <form method="post" action="${authorizationId}/fail"><button id="fail">Fail authentication</button></form>`
          : `<p id="result">This challenge is over: ${authorization.status}.</p>`),
    );
  }

  @Post(':authorizationId/pass')
  @Header('content-type', 'text/html; charset=utf-8')
  async pass(@Param('authorizationId', new ParseUUIDPipe()) authorizationId: string): Promise<string> {
    const result = await this.handler.execute(authorizationId, true);
    return page('3-D Secure', `<p id="result">Authentication passed: ${result.status}.</p>`);
  }

  @Post(':authorizationId/fail')
  @Header('content-type', 'text/html; charset=utf-8')
  async fail(@Param('authorizationId', new ParseUUIDPipe()) authorizationId: string): Promise<string> {
    const result = await this.handler.execute(authorizationId, false);
    return page('3-D Secure', `<p id="result">Authentication failed: ${result.status}.</p>`);
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}
