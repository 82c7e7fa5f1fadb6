import { randomInt } from 'node:crypto';

const WIDTH = 260;
const HEIGHT = 90;

/**
 * The code drawn as a PNG: each character tilted and shifted, over noise lines and dots. The canvas
 * library (about 20 MiB once loaded) is loaded by the first captcha, not at start-up.
 */
export async function renderCaptcha(code: string): Promise<Buffer> {
	const { createCanvas } = await import('@napi-rs/canvas');
	const canvas = createCanvas(WIDTH, HEIGHT);
	const context = canvas.getContext('2d');
	context.fillStyle = '#f2f3f5';
	context.fillRect(0, 0, WIDTH, HEIGHT);
	for (let index = 0; index < 120; index++) {
		context.fillStyle = `hsl(${randomInt(360)}, 40%, ${randomInt(50, 80)}%)`;
		context.fillRect(randomInt(WIDTH), randomInt(HEIGHT), 2, 2);
	}
	const step = (WIDTH - 40) / code.length;
	for (const [index, character] of [...code].entries()) {
		context.save();
		context.translate(24 + index * step + randomInt(-4, 5), HEIGHT / 2 + 16 + randomInt(-8, 9));
		context.rotate((randomInt(-25, 26) * Math.PI) / 180);
		context.font = `bold ${randomInt(36, 46)}px "DejaVu Sans", sans-serif`;
		context.fillStyle = `hsl(${randomInt(360)}, 60%, 30%)`;
		context.fillText(character, 0, 0);
		context.restore();
	}
	for (let index = 0; index < 5; index++) {
		context.strokeStyle = `hsla(${randomInt(360)}, 50%, 40%, 0.6)`;
		context.lineWidth = randomInt(1, 3);
		context.beginPath();
		context.moveTo(randomInt(WIDTH), randomInt(HEIGHT));
		context.bezierCurveTo(
			randomInt(WIDTH),
			randomInt(HEIGHT),
			randomInt(WIDTH),
			randomInt(HEIGHT),
			randomInt(WIDTH),
			randomInt(HEIGHT)
		);
		context.stroke();
	}
	return canvas.toBuffer('image/png');
}
