import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createErrorReference } from '../../lib/errors/errorReference.js';
import { Refusal } from '../../lib/errors/Refusal.js';
import { LanguageKeys, type TranslationKey } from '../../lib/i18n/languageKeys.js';
import { notice, type Notice } from '../../lib/i18n/notice.js';
import type { ServiceLog } from '../../lib/tickets/services.js';
import { webText, type WebLanguage, type WebNames } from '../i18n.js';
import { namesIn } from '../members.js';

/** What the API answers with, and why: a status, a stable code for programs, and a notice for people. */
export class ApiError extends Error {
	public override readonly name = 'ApiError';

	public constructor(
		public readonly status: number,
		public readonly code: string,
		public readonly notice: Notice,
		/** Headers the answer carries (Retry-After…). */
		public readonly headers: Record<string, string | number> = {}
	) {
		super(`${status} ${code}`);
	}
}

const E = LanguageKeys.Api.Errors;
export const notFound = () => new ApiError(404, 'not_found', notice(E.NotFound));

/** Refusals that are about who asks, not about the ticket's state: 403. Any other refusal is a 409. */
const FORBIDDEN = new Set<TranslationKey<object>>([
	LanguageKeys.Errors.AdminOnly,
	LanguageKeys.Tickets.StaffOnly,
	LanguageKeys.Tickets.NotYourTicket,
	LanguageKeys.Tickets.OpenerCannotClose,
	LanguageKeys.Tickets.NotClaimer,
	LanguageKeys.Tickets.ListOthersStaffOnly,
	LanguageKeys.Analytics.StaffOnly
]);
/** Refusals about what the request asked for (an unknown category key): 400. */
const BAD_REQUEST = new Set<TranslationKey<object>>([LanguageKeys.Categories.NotFound]);

/** A use case's refusal as the API answers it, with the refusal's own words. */
export function refused(refusal: Refusal): ApiError {
	const { key } = refusal.notice;
	if (FORBIDDEN.has(key)) return new ApiError(403, 'forbidden', refusal.notice);
	if (BAD_REQUEST.has(key)) return new ApiError(400, 'invalid_request', refusal.notice);
	return new ApiError(409, 'refused', refusal.notice);
}

/** IDs stay IDs where the request named no server the bot knows. */
const RAW_NAMES: WebNames = { user: (id) => id, role: (id) => id, channel: (id) => id };

/**
 * Every error of the API as JSON `{ error: { code, message } }`, the message in the caller's language
 * (Accept-Language): refusals with their text, schema and parsing failures as 400, and anything
 * unexpected as 500 with a reference to find it in the log, never a stack.
 */
export function apiErrorHandler(log: ServiceLog, languages: (acceptLanguage: string | undefined) => WebLanguage) {
	return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
		const failure = asApiError(error, reply);
		let ref: string | undefined;
		if (!failure) {
			ref = createErrorReference();
			log.error('API request failed', { ref, url: request.url, error });
		}
		const answer = failure ?? new ApiError(500, 'internal', notice(LanguageKeys.Errors.Unexpected, { ref: ref! }));
		// The per-address limit answers before the dashboard's hook has picked the request's language.
		const { t, locale } = request.lang ?? languages(request.headers['accept-language']);
		const names = request.apiCaller ? namesIn(request.apiCaller.member.guild) : RAW_NAMES;
		return reply
			.status(answer.status)
			.headers(answer.headers)
			.type('application/json; charset=utf-8')
			.send({ error: { code: answer.code, message: webText(t, answer.notice, names, locale), ...(ref ? { ref } : {}) } });
	};
}

function asApiError(error: FastifyError | Error, reply: FastifyReply): ApiError | null {
	if (error instanceof ApiError) return error;
	if (error instanceof Refusal) return refused(error);
	const { statusCode, validation } = error as FastifyError;
	if (validation) return new ApiError(400, 'invalid_request', notice(E.InvalidRequest, { detail: error.message }));
	if (statusCode === 429) {
		// The per-address limit of the whole web server; it has set Retry-After already.
		const seconds = Number(reply.getHeader('retry-after')) || 60;
		return new ApiError(429, 'rate_limited', notice(E.RateLimited, { seconds }));
	}
	// Fastify's own 4xx (a body that is not JSON, too large, an unsupported content type).
	if (statusCode && statusCode >= 400 && statusCode < 500)
		return new ApiError(statusCode, 'invalid_request', notice(E.InvalidRequest, { detail: error.message }));
	return null;
}
