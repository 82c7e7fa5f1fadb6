const REPLACEMENT = '[REDACTED]';

/** Patterns of secrets that may reach a log line even when nobody registered them. */
const PATTERNS: readonly [RegExp, string][] = [
	// Discord bot tokens: base64 user ID, timestamp, HMAC.
	[/[A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6,7}\.[A-Za-z\d_-]{27,40}/g, REPLACEMENT],
	// Authorization headers.
	[/\b(Bot|Bearer)\s+[A-Za-z\d._~+/-]{16,}=*/g, `$1 ${REPLACEMENT}`],
	// Passwords in connection URLs (postgresql://user:secret@host, redis://:secret@host).
	[/\b([a-z][a-z\d+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REPLACEMENT}@`],
	// Webhook and interaction tokens in Discord URLs.
	[/(\/webhooks\/\d{17,20}\/)[A-Za-z\d_-]{20,}/g, `$1${REPLACEMENT}`],
	[/(\/interactions\/\d{17,20}\/)[A-Za-z\d_.-]{20,}/g, `$1${REPLACEMENT}`],
	// The bot's own REST API tokens and webhook signing secrets.
	[/\b(tkb|whsec)_[A-Za-z\d_-]{16,}/g, `$1_${REPLACEMENT}`]
];

/** Removes secrets from text bound for a log: every registered value and everything shaped like a secret. */
export class Redactor {
	readonly #secrets = new Set<string>();

	/** Registers exact values (a token, a password) to hide wherever they appear. Short values are ignored. */
	public add(...values: (string | undefined | null)[]): this {
		for (const value of values) if (value && value.length >= 6) this.#secrets.add(value);
		return this;
	}

	/** Registers the password of a connection URL. */
	public addUrlPassword(url: string | undefined): this {
		if (!url) return this;
		try {
			const password = decodeURIComponent(new URL(url).password);
			this.add(password);
		} catch {}
		return this;
	}

	public redact(text: string): string {
		let result = text;
		for (const secret of this.#secrets) result = result.split(secret).join(REPLACEMENT);
		for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
		return result;
	}
}
