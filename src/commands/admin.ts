import type { Subcommand } from '@sapphire/plugin-subcommands';
import { DefinedCommand } from '../lib/chat/DefinedCommand.js';
import type { SubcommandDefinition } from '../lib/chat/subcommand.js';
import { apiTokenCreate } from '../subcommands/admin/apiTokenCreate.js';
import { apiTokenList } from '../subcommands/admin/apiTokenList.js';
import { apiTokenRevoke } from '../subcommands/admin/apiTokenRevoke.js';
import { blacklistAdd } from '../subcommands/admin/blacklistAdd.js';
import { blacklistRemove } from '../subcommands/admin/blacklistRemove.js';
import { categoryDelete } from '../subcommands/admin/categoryDelete.js';
import { categoryList } from '../subcommands/admin/categoryList.js';
import { categoryUpsert } from '../subcommands/admin/categoryUpsert.js';
import { configBackup } from '../subcommands/admin/configBackup.js';
import { configRestore } from '../subcommands/admin/configRestore.js';
import { departmentList } from '../subcommands/admin/departmentList.js';
import { departmentUpsert } from '../subcommands/admin/departmentUpsert.js';
import { escalationRoles } from '../subcommands/admin/escalationRoles.js';
import { panelCreate } from '../subcommands/admin/panelCreate.js';
import { panelDelete } from '../subcommands/admin/panelDelete.js';
import { panelDeploy } from '../subcommands/admin/panelDeploy.js';
import { panelList } from '../subcommands/admin/panelList.js';
import { reload } from '../subcommands/admin/reload.js';
import { adminRoles, supportRoles } from '../subcommands/admin/roleSettings.js';
import { setChannels } from '../subcommands/admin/setChannels.js';
import { setup } from '../subcommands/admin/setup.js';
import { settings } from '../subcommands/admin/settings.js';
import { staffWarn } from '../subcommands/admin/staffWarn.js';

const SUBCOMMANDS: SubcommandDefinition[] = [
	setup,
	panelCreate,
	panelDeploy,
	panelList,
	panelDelete,
	categoryUpsert,
	categoryList,
	categoryDelete,
	departmentUpsert,
	departmentList,
	escalationRoles,
	setChannels,
	settings,
	supportRoles,
	adminRoles,
	blacklistAdd,
	blacklistRemove,
	staffWarn,
	configBackup,
	configRestore,
	apiTokenCreate,
	apiTokenList,
	apiTokenRevoke,
	reload
];

/** /admin and !admin: server configuration (Manage Server or an admin role). */
export class AdminCommand extends DefinedCommand {
	public constructor(context: Subcommand.LoaderContext) {
		super(context, { name: 'admin', description: 'Configure the ticket bot', subcommands: SUBCOMMANDS });
	}
}
