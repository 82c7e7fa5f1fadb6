import type { Subcommand } from '@sapphire/plugin-subcommands';
import { DefinedCommand } from '../lib/chat/DefinedCommand.js';
import type { SubcommandDefinition } from '../lib/chat/subcommand.js';
import { snippetAdd, snippetEdit, snippetList, snippetRemove, snippetSend } from '../subcommands/snippet/snippets.js';

const SUBCOMMANDS: SubcommandDefinition[] = [snippetSend, snippetAdd, snippetEdit, snippetRemove, snippetList];

/** /snippet and !snippet: the staff's canned replies, kept per server and sent into tickets. */
export class SnippetCommand extends DefinedCommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, { name: 'snippet', description: 'Canned replies for tickets', subcommands: SUBCOMMANDS });
	}
}
