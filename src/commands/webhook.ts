import type { Subcommand } from '@sapphire/plugin-subcommands';
import { DefinedCommand } from '../lib/chat/DefinedCommand.js';
import type { SubcommandDefinition } from '../lib/chat/subcommand.js';
import { webhookAdd, webhookList, webhookRemove } from '../subcommands/webhook/webhooks.js';

const SUBCOMMANDS: SubcommandDefinition[] = [webhookAdd, webhookList, webhookRemove];

/** /webhook and !webhook: where this server's ticket events are posted (admins). */
export class WebhookCommand extends DefinedCommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, { name: 'webhook', description: 'Post ticket events to your own tools', subcommands: SUBCOMMANDS });
	}
}
