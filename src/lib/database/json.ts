/** Lists stored as JSON text (portable across SQLite and PostgreSQL). Bad stored text reads as empty. */
export function readList(text: string | null | undefined): string[] {
	if (!text) return [];
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
	} catch {
		return [];
	}
}

export function writeList(values: readonly string[]): string {
	return JSON.stringify([...values]);
}

/** JSON text the bot stored, read back; text that does not parse reads as the fallback. */
export function parsed<T>(text: string, fallback: T): T {
	try {
		return JSON.parse(text) as T;
	} catch {
		return fallback;
	}
}
