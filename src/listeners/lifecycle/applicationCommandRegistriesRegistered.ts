import { type ApplicationCommandRegistry, type Events, Listener } from '@sapphire/framework';

/** Says when Discord knows the slash commands: from then on the bot is fully usable. */
export class UserListener extends Listener<typeof Events.ApplicationCommandRegistriesRegistered> {
	public run(registries: Map<string, ApplicationCommandRegistry>, timeTaken: number) {
		this.container.logger.info(`Slash commands registered: ${registries.size} command(s) in ${Math.round(timeTaken)} ms`);
	}
}
