import { notice, type Notice, type Translate } from './notice.js';
import { LanguageKeys } from './languageKeys.js';
import { PRIORITIES, type Priority } from '../model/priorities.js';
import { TicketStatus } from '../model/status.js';

/** A priority as the guild's language names it (a code this version does not know is shown as it is). */
export function priorityLabel(t: Translate, priority: string): string {
	return (PRIORITIES as readonly string[]).includes(priority)
		? t(LanguageKeys.Tickets.Priorities[priority as Priority])
		: priority;
}

/** A ticket's status as the guild's language names it, with a lock when its members cannot write. */
export function statusLabel(t: Translate, status: string, locked = false): string {
	const known = (Object.values(TicketStatus) as string[]).includes(status);
	const label = known ? t(LanguageKeys.Tickets.Statuses[status as TicketStatus]) : status;
	return locked ? `${label} 🔒` : label;
}

/** A priority's name as a notice argument, for the reader's language. */
export function priorityNotice(priority: string): Notice | string {
	return (PRIORITIES as readonly string[]).includes(priority)
		? notice(LanguageKeys.Tickets.Priorities[priority as Priority])
		: priority;
}

/** A status's name as a notice argument. */
export function statusNotice(status: string): Notice | string {
	return (Object.values(TicketStatus) as string[]).includes(status)
		? notice(LanguageKeys.Tickets.Statuses[status as TicketStatus])
		: status;
}
