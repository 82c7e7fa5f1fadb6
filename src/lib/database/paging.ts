/** Lists show this many rows a page. */
export const PAGE_SIZE = 10;

/** Which page a list shows of `total` rows when asked for `requested` (0-based; past the end: the last). */
export function pageWindow(total: number, requested: number, size = PAGE_SIZE) {
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(0, requested), pages - 1);
	return { page, pages, skip: page * size, take: size };
}
