import { ChannelType, GatewayDispatchEvents, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { randomBytes } from 'node:crypto';
import type { Emulator } from '../Emulator.js';
import type { ERole } from '../state.js';
import { requireChannelPermissions, requireGuildPermissions } from './checks.js';
import { Errors, type Router } from './router.js';

const MAX_TIMEOUT_MS = 28 * 24 * 3600_000;

export function guildRoutes(router: Router, emulator: Emulator): void {
	const { state } = emulator;
	const guildOf = (id: string) => {
		const guild = state.guilds.get(id);
		if (!guild || !guild.members.has(emulator.botId)) throw Errors.unknownGuild();
		return guild;
	};
	const memberOf = (guildId: string, userId: string) => {
		const member = guildOf(guildId).members.get(userId);
		if (!member) throw Errors.unknownMember();
		return member;
	};
	const memberUpdate = (guildId: string, userId: string) =>
		emulator.dispatch(
			GatewayDispatchEvents.GuildMemberUpdate,
			{ guild_id: guildId, ...state.apiMember(guildId, userId) },
			guildId
		);
	/** Acting on a member or role needs a higher top role than theirs (the owner is above everyone). */
	const requireAbove = (guildId: string, position: number) => {
		if (state.topRolePosition(guildId, emulator.botId) <= position) throw Errors.missingPermissions();
	};

	router.add('GET', '/guilds/:guildId', ({ params, query }) => {
		const guild = guildOf(params.guildId!);
		const counts =
			query.get('with_counts') === 'true' ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 } : {};
		return { body: { ...state.apiGuild(guild), ...counts } };
	});

	router.add('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
		memberOf(params.guildId!, params.userId!);
		return { body: state.apiMember(params.guildId!, params.userId!) };
	});

	router.add('GET', '/guilds/:guildId/members', ({ params, query }) => {
		const guild = guildOf(params.guildId!);
		const limit = Math.min(1000, Number(query.get('limit') ?? 1));
		const after = BigInt(query.get('after') ?? 0);
		const ids = [...guild.members.keys()].filter((id) => BigInt(id) > after).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
		return { body: ids.slice(0, limit).map((id) => state.apiMember(guild.id, id)) };
	});

	router.add('PATCH', '/guilds/:guildId/members/:userId', ({ params, body }) => {
		const guildId = params.guildId!;
		const member = memberOf(guildId, params.userId!);
		if (body.communication_disabled_until !== undefined) {
			requireGuildPermissions(emulator, guildId, P.ModerateMembers);
			if (state.guild(guildId).ownerId === member.userId || state.guildPermissions(guildId, member.userId) & P.Administrator)
				throw Errors.missingPermissions();
			requireAbove(guildId, state.topRolePosition(guildId, member.userId));
			const until = body.communication_disabled_until as string | null;
			if (until && Date.parse(until) - Date.now() > MAX_TIMEOUT_MS)
				throw Errors.invalidForm({ communication_disabled_until: 'Timeout cannot exceed 28 days.' });
			member.communicationDisabledUntil = until;
		}
		if (body.nick !== undefined) {
			requireGuildPermissions(emulator, guildId, P.ManageNicknames);
			member.nick = body.nick;
		}
		if (body.roles !== undefined) {
			requireGuildPermissions(emulator, guildId, P.ManageRoles);
			member.roleIds = [...(body.roles as string[])];
		}
		memberUpdate(guildId, member.userId);
		return { body: state.apiMember(guildId, member.userId) };
	});

	router.add('PUT', '/guilds/:guildId/members/:userId/roles/:roleId', ({ params }) => {
		const member = memberOf(params.guildId!, params.userId!);
		const role = state.guild(params.guildId!).roles.get(params.roleId!);
		if (!role) throw Errors.unknownRole();
		requireGuildPermissions(emulator, params.guildId!, P.ManageRoles);
		requireAbove(params.guildId!, role.position);
		if (!member.roleIds.includes(role.id)) member.roleIds.push(role.id);
		memberUpdate(params.guildId!, member.userId);
	});

	router.add('DELETE', '/guilds/:guildId/members/:userId/roles/:roleId', ({ params }) => {
		const member = memberOf(params.guildId!, params.userId!);
		requireGuildPermissions(emulator, params.guildId!, P.ManageRoles);
		member.roleIds = member.roleIds.filter((id) => id !== params.roleId);
		memberUpdate(params.guildId!, member.userId);
	});

	router.add('GET', '/guilds/:guildId/roles', ({ params }) => ({
		body: [...guildOf(params.guildId!).roles.values()].map((role) => state.apiRole(role))
	}));

	router.add('POST', '/guilds/:guildId/roles', ({ params, body }) => {
		const guild = guildOf(params.guildId!);
		requireGuildPermissions(emulator, guild.id, P.ManageRoles);
		const role: ERole = {
			id: state.newId(),
			name: body.name ?? 'new role',
			permissions: BigInt(body.permissions ?? 0),
			position: 1,
			color: body.color ?? 0,
			hoist: body.hoist ?? false,
			mentionable: body.mentionable ?? false,
			managed: false
		};
		guild.roles.set(role.id, role);
		emulator.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: guild.id, role: state.apiRole(role) }, guild.id);
		return { body: state.apiRole(role) };
	});

	router.add('PATCH', '/guilds/:guildId/roles/:roleId', ({ params, body }) => {
		const guild = guildOf(params.guildId!);
		const role = guild.roles.get(params.roleId!);
		if (!role) throw Errors.unknownRole();
		requireGuildPermissions(emulator, guild.id, P.ManageRoles);
		requireAbove(guild.id, role.position);
		Object.assign(role, {
			...(body.name !== undefined ? { name: body.name } : {}),
			...(body.permissions !== undefined ? { permissions: BigInt(body.permissions) } : {}),
			...(body.mentionable !== undefined ? { mentionable: body.mentionable } : {})
		});
		emulator.dispatch(GatewayDispatchEvents.GuildRoleUpdate, { guild_id: guild.id, role: state.apiRole(role) }, guild.id);
		return { body: state.apiRole(role) };
	});

	router.add('DELETE', '/guilds/:guildId/roles/:roleId', ({ params }) => {
		const guild = guildOf(params.guildId!);
		const role = guild.roles.get(params.roleId!);
		if (!role) throw Errors.unknownRole();
		requireGuildPermissions(emulator, guild.id, P.ManageRoles);
		requireAbove(guild.id, role.position);
		guild.roles.delete(role.id);
		for (const member of guild.members.values()) member.roleIds = member.roleIds.filter((id) => id !== role.id);
		emulator.dispatch(GatewayDispatchEvents.GuildRoleDelete, { guild_id: guild.id, role_id: role.id }, guild.id);
	});

	router.add('POST', '/channels/:channelId/webhooks', ({ params, body }) => {
		const channel = state.channels.get(params.channelId!);
		if (!channel?.guildId || channel.type !== ChannelType.GuildText) throw Errors.unknownChannel();
		requireChannelPermissions(emulator, channel.id, P.ManageWebhooks);
		const webhook = {
			id: state.newId(),
			token: randomBytes(34).toString('base64url'),
			guildId: channel.guildId,
			channelId: channel.id,
			name: body.name ?? 'Webhook'
		};
		state.webhooks.set(webhook.id, webhook);
		return { body: apiWebhook(emulator, webhook.id) };
	});

	router.add('GET', '/channels/:channelId/webhooks', ({ params }) => {
		requireChannelPermissions(emulator, params.channelId!, P.ManageWebhooks);
		return {
			body: [...state.webhooks.values()]
				.filter((webhook) => webhook.channelId === params.channelId)
				.map((webhook) => apiWebhook(emulator, webhook.id))
		};
	});

	router.add('GET', '/guilds/:guildId/webhooks', ({ params }) => {
		requireGuildPermissions(emulator, params.guildId!, P.ManageWebhooks);
		return {
			body: [...state.webhooks.values()]
				.filter((webhook) => webhook.guildId === params.guildId)
				.map((webhook) => apiWebhook(emulator, webhook.id))
		};
	});
}

export function apiWebhook(emulator: Emulator, id: string) {
	const webhook = emulator.state.webhooks.get(id);
	if (!webhook) throw Errors.unknownWebhook();
	return {
		id: webhook.id,
		type: 1,
		guild_id: webhook.guildId,
		channel_id: webhook.channelId,
		name: webhook.name,
		avatar: null,
		token: webhook.token,
		application_id: null,
		user: emulator.state.apiUser(emulator.botId)
	};
}
