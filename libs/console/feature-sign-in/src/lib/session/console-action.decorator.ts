import { SetMetadata } from '@nestjs/common';
import type { ConsoleAction } from '@kessai/console-domain';

export const CONSOLE_ACTION = 'kessai:console-action';

/**
 * The action a console route performs, checked against the signed-in user's role on every request. A route
 * without one is refused: forgetting it must not open a screen to everyone.
 */
export const RequiresAction = (action: ConsoleAction) => SetMetadata(CONSOLE_ACTION, action);

/** A page anyone may open (sign-in): the guard still sets the CSRF cookie and checks POSTs' tokens. */
export const PublicConsolePage = () => SetMetadata(CONSOLE_ACTION, 'public');
