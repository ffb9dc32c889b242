import { UnprocessableEntityException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiErrorBody } from './api-error';

/** Validates every request body, query and parameter against its DTO; each problem names its field. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new UnprocessableEntityException(validationFailure(errors)),
  });
}

/** The 422 body for class-validator errors, the same from the Nest pipe and a front listener; `prefix` places nested items (`requests[3]`). */
export function validationFailure(errors: ValidationError[], prefix = ''): ApiErrorBody {
  const details = flatten(errors, prefix);
  return {
    error: {
      code: 'VALIDATION_FAILED',
      message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
      field: details[0]?.field,
      details,
    },
  };
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
