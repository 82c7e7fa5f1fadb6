const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What a cut text ends with, so the reader knows there was more. */
export const CUT_MARK = '…';

/**
 * Text cut to one of Discord's limits. Discord counts UTF-16 code units at most (a limit in code points
 * is never exceeded either) and refuses half a surrogate pair, so the cut falls between whole characters:
 * between grapheme clusters (an emoji with its skin tone or joiners stays whole), or between code points
 * inside a cluster too long to keep. A cut text ends with the mark (pass '' where none fits, as in names).
 */
export function cut(text: string, max: number, mark: string = CUT_MARK): string {
	if (text.length <= max) return text;
	const room = Math.max(0, max - mark.length);
	let end = 0;
	for (const { index, segment } of graphemes.segment(text)) {
		if (index + segment.length > room) {
			// One cluster longer than the room left (combining marks piled on one letter): keep its whole code points.
			if (end === 0) {
				for (const point of segment) {
					if (end + point.length > room) break;
					end += point.length;
				}
			}
			break;
		}
		end = index + segment.length;
	}
	return text.slice(0, end) + mark;
}
