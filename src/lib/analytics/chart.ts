import { cut } from '../text/cut.js';

const WIDTH = 900;
const HEIGHT = 360;
const MARGIN = { top: 48, right: 24, bottom: 56, left: 56 };

/**
 * A bar chart of counts per day as a PNG (drawn here, no browser and no network). Labels are plain text.
 * The canvas library is loaded by the first chart, not at start-up.
 */
export async function renderDailyChart(
	daily: readonly { day: string; count: number }[],
	title: string,
	emptyText: string
): Promise<Buffer> {
	const { createCanvas } = await import('@napi-rs/canvas');
	const canvas = createCanvas(WIDTH, HEIGHT);
	const context = canvas.getContext('2d');
	context.fillStyle = '#2b2d31';
	context.fillRect(0, 0, WIDTH, HEIGHT);
	context.fillStyle = '#f2f3f5';
	context.font = 'bold 18px sans-serif';
	context.fillText(cut(title, 90), MARGIN.left, 30);

	const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
	const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
	const max = Math.max(0, ...daily.map((entry) => entry.count));
	// A round top for the axis: 1, 2, 5, 10, 20, 50 …
	const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, max)));
	const top = [1, 2, 5, 10].map((step) => step * magnitude).find((value) => value >= max) ?? max;
	const gridLines = Math.min(5, Math.max(1, top));

	context.font = '12px sans-serif';
	context.strokeStyle = '#3f4147';
	context.lineWidth = 1;
	for (let line = 0; line <= gridLines; line++) {
		const value = (top / gridLines) * line;
		const y = MARGIN.top + plotHeight - (value / top) * plotHeight;
		context.beginPath();
		context.moveTo(MARGIN.left, y);
		context.lineTo(WIDTH - MARGIN.right, y);
		context.stroke();
		context.fillStyle = '#b5bac1';
		const label = Number.isInteger(value) ? String(value) : value.toFixed(1);
		context.fillText(label, MARGIN.left - 8 - context.measureText(label).width, y + 4);
	}

	const slot = plotWidth / Math.max(1, daily.length);
	const barWidth = Math.max(2, slot * 0.7);
	const labelEvery = Math.ceil(daily.length / 10);
	for (const [index, entry] of daily.entries()) {
		const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
		const height = top === 0 ? 0 : (entry.count / top) * plotHeight;
		context.fillStyle = '#5865f2';
		context.fillRect(x, MARGIN.top + plotHeight - height, barWidth, height);
		if (index % labelEvery === 0 || index === daily.length - 1) {
			context.fillStyle = '#b5bac1';
			const label = entry.day.slice(5);
			context.fillText(label, x + barWidth / 2 - context.measureText(label).width / 2, HEIGHT - MARGIN.bottom + 18);
		}
	}
	if (max === 0) {
		context.fillStyle = '#b5bac1';
		context.font = '16px sans-serif';
		context.fillText(
			emptyText,
			MARGIN.left + plotWidth / 2 - context.measureText(emptyText).width / 2,
			MARGIN.top + plotHeight / 2
		);
	}
	return canvas.toBuffer('image/png');
}
