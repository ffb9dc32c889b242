import { IsUrl } from 'class-validator';

export class SetWebhookEndpointRequestDto {
  /** Where bill webhooks are posted; https only (http is accepted outside production for local receivers). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  url: string;
}
