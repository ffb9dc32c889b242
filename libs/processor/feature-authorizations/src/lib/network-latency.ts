import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUTHORIZATION_OPTIONS, AuthorizationOptions } from './authorization.options';

/** The time a real card network takes to answer: nothing in the `none` profile, 50–300 ms in `realistic`. */
@Injectable()
export class NetworkLatency {
  constructor(@Inject(AUTHORIZATION_OPTIONS) private readonly options: AuthorizationOptions) {}

  async wait(): Promise<void> {
    if (this.options.latencyProfile === 'realistic') await sleep(50 + Math.floor(Math.random() * 251));
  }
}
