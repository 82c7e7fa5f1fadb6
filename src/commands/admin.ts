import { Subcommand } from '@sapphire/plugin-subcommands';
import { optionNames } from '../lib/commands/options.js';
import { buildSlashCommand, subcommandMappings, type SubcommandDefinition } from '../lib/commands/subcommand.js';
import { blacklistAdd } from '../subcommands/admin/blacklistAdd.js';
import { blacklistRemove } from '../subcommands/admin/blacklistRemove.js';
import { categoryList } from '../subcommands/admin/categoryList.js';
import { categoryUpsert } from '../subcommands/admin/categoryUpsert.js';
import { departmentList } from '../subcommands/admin/departmentList.js';
import { departmentUpsert } from '../subcommands/admin/departmentUpsert.js';
import { escalationRoles } from '../subcommands/admin/escalationRoles.js';
import { panelCreate } from '../subcommands/admin/panelCreate.js';
import { panelDeploy } from '../subcommands/admin/panelDeploy.js';
import { panelList } from '../subcommands/admin/panelList.js';
import { adminRoles, supportRoles } from '../subcommands/admin/roleSettings.js';
import { setChannels } from '../subcommands/admin/setChannels.js';
import { settings } from '../subcommands/admin/settings.js';

const SUBCOMMANDS: SubcommandDefinition[] = [
	panelCreate,
	panelDeploy,
	panelList,
	categoryUpsert,
	categoryList,
	departmentUpsert,
	departmentList,
	escalationRoles,
	setChannels,
	settings,
	supportRoles,
	adminRoles,
	blacklistAdd,
	blacklistRemove
];

/** /admin and !admin: server configuration (Manage Server or an admin role). */
export class AdminCommand extends Subcommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, {
			name: 'admin',
			description: 'Configure the ticket bot',
			preconditions: ['GuildOnly'],
			options: optionNames(SUBCOMMANDS.flatMap((subcommand) => subcommand.options ?? [])),
			subcommands: subcommandMappings(SUBCOMMANDS)
		});
	}

	public override registerApplicationCommands(registry: Subcommand.Registry) {
		registry.registerChatInputCommand((builder) => buildSlashCommand(builder, 'admin', 'Configure the ticket bot', SUBCOMMANDS));
	}
}
