import type { SecurityServices } from './services.js';

const joinsKey = (guildId: string) => `security:${guildId}:joins`;

/** Members who joined in the current counting window (what /security status shows). */
export async function recentJoins(services: Pick<SecurityServices, 'cache'>, guildId: string): Promise<number> {
	return (await services.cache.get<number>(joinsKey(guildId))) ?? 0;
}

/**
 * Counts a member join. Once the guild's `raidJoins` arrive within `raidSeconds` (its own settings, else
 * config.yaml's) it enters raid mode: ticket creation pauses for `raidMinutes` and one raid event is recorded. The count is shared through the
 * cache (Redis with several processes) and raid mode starts with a conditional update, so it starts once.
 */
export async function noteJoin(services: SecurityServices, guildId: string, now = new Date()): Promise<boolean> {
	const { raidJoins: joins, raidSeconds: perSeconds, raidMinutes: raidModeMinutes } = await services.preferences.rules(guildId);
	const count = await services.cache.increment(joinsKey(guildId), perSeconds * 1000);
	if (count < joins) return false;
	const data = services.db.forGuild(guildId);
	await data.settings();
	const until = new Date(now.getTime() + raidModeMinutes * 60_000);
	const { count: started } = await data.db.guildSettings.updateMany({
		where: { guildId, OR: [{ raidModeUntil: null }, { raidModeUntil: { lt: now } }] },
		data: { raidModeUntil: until }
	});
	if (started === 0) return false;
	await services.security.record(data, {
		type: 'raid_detected',
		details: { joins: count, perSeconds, until: until.toISOString() }
	});
	return true;
}
