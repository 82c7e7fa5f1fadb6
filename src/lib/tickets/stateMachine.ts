import { LanguageKeys } from '../i18n/languageKeys.js';
import { TicketStatus } from '../model/status.js';
import { refuse } from '../errors/Refusal.js';
import { statusNotice } from '../i18n/labels.js';

export type TicketAction = 'claim' | 'unclaim' | 'close' | 'reopen' | 'lock' | 'unlock' | 'edit';

/** Which states each operation starts from: the one place that says what may happen to a ticket when. */
const ALLOWED_FROM: Record<TicketAction, readonly string[]> = {
	claim: [TicketStatus.Open],
	unclaim: [TicketStatus.Open],
	close: [TicketStatus.Open],
	reopen: [TicketStatus.Closed],
	lock: [TicketStatus.Open],
	unlock: [TicketStatus.Open],
	/** Participants, priority, tags, notes, owner, name. */
	edit: [TicketStatus.Open]
};

export function canApply(status: string, action: TicketAction): boolean {
	return ALLOWED_FROM[action].includes(status);
}

/** Refuses, saying the ticket's state, when the operation does not apply to it. */
export function assertCanApply(status: string, action: TicketAction): void {
	if (!canApply(status, action)) refuse(LanguageKeys.Tickets.WrongState, { status: statusNotice(status) });
}
