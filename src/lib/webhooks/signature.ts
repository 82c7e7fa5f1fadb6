import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a delivery: HMAC-SHA256 with the endpoint's secret over `<timestamp>.<body>`, as
 * `sha256=<hex>`. The receiver recomputes it and checks the timestamp is recent, so a body cannot be
 * altered or an old delivery replayed.
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (and the tests): the signature matches and the timestamp is within `toleranceSeconds`. */
export function verifyDelivery(
	secret: string,
	headers: { timestamp: string | null; signature: string | null },
	body: string,
	nowSeconds = Math.floor(Date.now() / 1000),
	toleranceSeconds = 300
): boolean {
	const timestamp = Number(headers.timestamp);
	if (!headers.signature || !Number.isSafeInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
	const expected = Buffer.from(signDelivery(secret, timestamp, body));
	const given = Buffer.from(headers.signature);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
