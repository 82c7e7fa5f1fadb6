import type { Emulator } from '../Emulator.js';
import { applicationRoutes } from './applications.js';
import { channelRoutes } from './channels.js';
import { guildRoutes } from './guilds.js';
import { interactionRoutes } from './interactions.js';
import { messageRoutes } from './messages.js';
import type { Router } from './router.js';
import { userRoutes } from './users.js';

/** Every REST route the emulator serves, under /api/v10. */
export function registerRoutes(router: Router, emulator: Emulator): void {
	userRoutes(router, emulator);
	applicationRoutes(router, emulator);
	guildRoutes(router, emulator);
	channelRoutes(router, emulator);
	messageRoutes(router, emulator);
	interactionRoutes(router, emulator);
}
