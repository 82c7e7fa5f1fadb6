// The chaos run's Discord: guilds, each with staff, members, a transcript channel, two categories (one
// with a form) and a panel offering both.
import type { EChannel, EMessage } from '../../test/emulator/state.js';
import type { Actor, GuildFixture, TestDiscord } from '../../test/harness/TestDiscord.js';

/** How long the run's bot leaves unfinished work before repairing it. */
export const REPAIR_AFTER_S = 10;

export const CHAOS_CONFIG = [
	// Members open one or two tickets each and retry at once: no cooldown; the limits stay real.
	'tickets: { maxOpenPerUser: 2, cooldownSeconds: 0, hourlyLimit: 1000 }',
	'security:',
	'  antiRaid: { joins: 10000 }',
	'  antiSpam: { messages: 100, perSeconds: 1 }',
	// Work a kill left unfinished is repaired after this long (the default is a minute).
	`reliability: { repairAfterSeconds: ${REPAIR_AFTER_S} }`,
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');

export const QUICK = 'Quick question';
export const FORM = 'Report a problem';
export const FORM_QUESTION = 'What happened?';
export const CLOSE_REASON_FIELD = 'Reason (optional)';
/** Each guild's snippet; what a sent one starts with in the ticket. */
export const SNIPPET = 'hello';
export const SNIPPET_START = 'Chaos hello';

export interface ChaosGuild {
	index: number;
	home: GuildFixture;
	panel: EMessage;
	transcripts: EChannel;
	staff: Actor[];
	members: Actor[];
}

export async function buildGuilds(discord: TestDiscord, count: number, membersPerGuild: number): Promise<ChaosGuild[]> {
	const guilds: ChaosGuild[] = [];
	for (let index = 0; index < count; index++) {
		const home = discord.createGuild(`Chaos ${index + 1}`);
		const transcripts = discord.world.createChannel(home.guild, { name: 'transcripts' });
		const staffRole = `<@&${home.roles.staff.id}>`;
		await home.admin.slash(home.general, ['admin', 'set_channels'], {
			transcript_channel: transcripts.id,
			log_channel: transcripts.id
		});
		await home.admin.slash(home.general, ['admin', 'category_upsert'], {
			key: 'quick',
			display_name: QUICK,
			staff_roles: staffRole
		});
		await home.admin.slash(home.general, ['admin', 'category_upsert'], {
			key: 'form',
			display_name: FORM,
			staff_roles: staffRole,
			questions: `${FORM_QUESTION} | paragraph | 5-500`
		});
		await home.staff.slash(home.general, ['snippet', 'add'], {
			name: SNIPPET,
			content: `${SNIPPET_START} {opener}, ticket {ticket} here.`
		});
		const panel = await discord.postPanel(home, 'support', 'Support');
		const labels = JSON.stringify(panel.components);
		if (!labels.includes(QUICK) || !labels.includes(FORM)) throw new Error(`guild set-up failed: the panel offers ${labels}`);
		const staff = [home.staff, discord.join(home.guild, `staff-${index}-b`, [home.roles.staff])];
		const members = [
			home.alice,
			home.bob,
			...Array.from({ length: membersPerGuild - 2 }, (_, n) => discord.join(home.guild, `member-${index}-${n}`))
		];
		guilds.push({ index, home, panel, transcripts, staff, members });
	}
	return guilds;
}
