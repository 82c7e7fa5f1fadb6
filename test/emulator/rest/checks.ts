import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { Emulator } from '../Emulator.js';
import { Errors } from './router.js';

/** The bot needs these permissions in the channel, or Discord answers 403 (50001 without View Channel, else 50013). */
export function requireChannelPermissions(emulator: Emulator, channelId: string, required: bigint): void {
	const channel = emulator.state.channels.get(channelId);
	if (!channel) throw Errors.unknownChannel();
	const permissions = emulator.state.permissionsIn(channelId, emulator.botId);
	if (channel.guildId && !(permissions & P.ViewChannel)) throw Errors.missingAccess();
	if ((permissions & required) !== required) throw Errors.missingPermissions();
}

export function requireGuildPermissions(emulator: Emulator, guildId: string, required: bigint): void {
	if (!emulator.state.guilds.has(guildId)) throw Errors.unknownGuild();
	const permissions = emulator.state.guildPermissions(guildId, emulator.botId);
	if ((permissions & required) !== required) throw Errors.missingPermissions();
}

/**
 * Discord lets a bot allow or deny in an overwrite only permissions it has itself (in the guild, or in the
 * channel when it holds Manage Roles there), unless it is an administrator.
 */
export function requireGrantable(emulator: Emulator, guildId: string, channelId: string | null, bits: bigint): void {
	const guildPermissions = emulator.state.guildPermissions(guildId, emulator.botId);
	if (guildPermissions & P.Administrator) return;
	const held = channelId ? emulator.state.permissionsIn(channelId, emulator.botId) | guildPermissions : guildPermissions;
	if ((held & bits) !== bits) throw Errors.missingPermissions();
}
