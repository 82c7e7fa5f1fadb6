import type { Env } from '../config/env.js';
import type { CaptchaService } from '../tickets/captcha.js';
import type { TicketServices } from '../tickets/services.js';
import type { TicketCreator } from '../tickets/TicketCreator.js';

/**
 * What the chat surface reads besides Discord: the bot owners (they pass every staff check), the
 * ticket services, and the creation of tickets with its captcha. A piece hands over its container, which holds both under these names.
 */
export interface ChatServices {
	readonly env: Pick<Env, 'OWNER_IDS'>;
	readonly ticketServices: TicketServices;
	readonly tickets: TicketCreator;
	readonly captcha: CaptchaService;
}
