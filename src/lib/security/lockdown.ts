import type { GuildData } from '../database/guildData.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { refuse } from '../errors/Refusal.js';
import type { SecurityServices } from './services.js';

/**
 * Pauses (on) or resumes (off) ticket creation guild-wide; resuming also ends raid mode. A conditional update, so two admins at once
 * change it once; the other is told it already is so. Recorded in the audit log and as a security event.
 */
export async function setLockdown(
	services: Pick<SecurityServices, 'audit' | 'security'>,
	data: GuildData,
	on: boolean,
	actorId: string,
	reason: string | null
): Promise<void> {
	const current = await data.settings();
	const now = new Date();
	const raiding = current.raidModeUntil !== null && current.raidModeUntil > now;
	const { count } = await data.db.guildSettings.updateMany({
		// Resuming also ends raid mode early: the admin has looked and says creation may go on.
		where: on
			? { guildId: data.guildId, lockdown: false }
			: { guildId: data.guildId, OR: [{ lockdown: true }, { raidModeUntil: { gt: now } }] },
		data: on
			? { lockdown: true, lockdownReason: reason, lockdownById: actorId, lockdownAt: now }
			: { lockdown: false, lockdownReason: null, lockdownById: null, lockdownAt: null, raidModeUntil: null }
	});
	if (count === 0) {
		if (on)
			refuse(LanguageKeys.Security.AlreadyLocked, {
				by: current.lockdownById ? `<@${current.lockdownById}>` : '—',
				since: current.lockdownAt ? `<t:${Math.floor(current.lockdownAt.getTime() / 1000)}:f>` : '—'
			});
		refuse(LanguageKeys.Security.NotLocked);
	}
	await services.audit.record(data, {
		actorId,
		action: on ? 'security.lockdown' : 'security.unlockdown',
		details: on ? { reason } : {}
	});
	await services.security.record(data, {
		type: on ? 'lockdown_on' : 'lockdown_off',
		userId: actorId,
		details: on ? { reason } : raiding ? { raidModeEnded: true } : {}
	});
}
