import type { Actor } from '../access/actor.js';
import type { Notice } from '../i18n/notice.js';
import type { TicketServices } from './services.js';

/**
 * Who reads an answer, declared once with the use case (or the command) and kept on every surface:
 * `channel`, everyone where it was asked (the ticket's people); `caller`, whoever asked, though nothing in
 * it is secret (an ephemeral reply; a prefix command's reply in the channel); `private`, whoever asked and
 * nobody else (an ephemeral reply; a prefix command's answer by direct message, its invocation removed).
 */
export type Audience = 'channel' | 'caller' | 'private';

/** Controls a surface offers under an answer. */
export type Controls =
	{ kind: 'rating'; ticketId: number } | { kind: 'purge'; ticketId: number } | { kind: 'closeRequest'; ticketId: number };

/** What an operation on a ticket did, as the ticket's people read it. */
export interface TicketOutcome {
	readonly ticketId: number;
	readonly notice: Notice;
	/** Roles the answer notifies (escalation); every other mention stays silent. */
	readonly pingRoles?: readonly string[];
	/** Members the answer notifies (the opener asked to answer a close request). */
	readonly pingUsers?: readonly string[];
	readonly controls?: Controls;
	/** Work left for after the answer is shown (deleting the channel the answer appears in). */
	readonly afterAnswer?: () => Promise<void>;
}

/** One operation, callable from any surface: the services, who acts, which ticket, and its input. */
export interface UseCase<Input, Output> {
	readonly audience: Audience;
	run(services: TicketServices, actor: Actor, target: { guildId: string; ticketId: number }, input: Input): Promise<Output>;
}

export function useCase<Input, Output>(audience: Audience, run: UseCase<Input, Output>['run']): UseCase<Input, Output> {
	return { audience, run };
}
