import type { FastifyReply, FastifyRequest } from 'fastify';

const FLASH_COOKIE = 'ticketbot_flash';

/** What an action answered, shown once on the page it sends the browser back to. */
export type Flash = { kind: 'done' | 'refused'; text: string };

/** Keeps the answer for the next page (a signed cookie of a minute: the action redirects with 303). */
export function setFlash(reply: FastifyReply, flash: Flash, secure: boolean): void {
	reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
		path: '/g/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		signed: true,
		maxAge: 60
	});
}

/** The answer kept for this page, once (the cookie is cleared); a cookie that was tampered with reads as none. */
export function readFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
	const raw = request.cookies[FLASH_COOKIE];
	if (!raw) return undefined;
	reply.clearCookie(FLASH_COOKIE, { path: '/g/' });
	const unsigned = request.unsignCookie(raw);
	if (!unsigned.valid || !unsigned.value) return undefined;
	try {
		return JSON.parse(unsigned.value) as Flash;
	} catch {
		return undefined;
	}
}
