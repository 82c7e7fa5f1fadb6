import type { BotServices } from '../setup/services.js';

declare module '@sapphire/pieces' {
	/** Every piece reads the bot's services from its container (see createServices). */
	// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the services
	interface Container extends BotServices {}
}

declare module '@sapphire/framework' {
	interface Preconditions {
		NotShuttingDown: never;
		AdminOnly: never;
		CreationOpen: never;
		NotBlacklisted: never;
		CreationCooldown: never;
		GuildStaff: never;
		BotOwner: never;
	}
}

declare module '@sapphire/plugin-scheduled-tasks' {
	interface ScheduledTasks {
		ticketClose: { guildId: string; ticketId: number };
		inactivitySweep: never;
	}
}
