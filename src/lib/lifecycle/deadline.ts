/**
 * The promise's value if it settles within `ms`, else `timedOut` (what it would have said is then
 * dropped, a later failure included). For answers with a deadline, such as Discord's 3 s for the first
 * response to an interaction: a check that is late gives way to the answer.
 */
export async function within<T, F>(promise: Promise<T>, ms: number, timedOut: F): Promise<T | F> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<F>((resolve) => {
		timer = setTimeout(() => resolve(timedOut), ms);
	});
	promise.catch(() => undefined);
	try {
		return await Promise.race([promise, late]);
	} finally {
		clearTimeout(timer);
	}
}
