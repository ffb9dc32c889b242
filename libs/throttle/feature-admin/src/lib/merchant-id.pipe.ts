import { Injectable, PipeTransform } from '@nestjs/common';
import { ThrottleException } from '@kessai/throttle-domain';

/** A merchant id as the services accept it in x-kessai-merchant-id. */
@Injectable()
export class MerchantIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[\w-]{1,64}$/.test(value)) {
      throw new ThrottleException('THROTTLE_LIMITS_INVALID', 'merchantId may hold 1 to 64 letters, digits, _ and -', 'merchantId');
    }
    return value;
  }
}
