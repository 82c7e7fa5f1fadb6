// Draws the analytics page's charts with Chart.js (served from its npm package): each canvas carries its
// data in data-chart, and the same figures are in a table beside it for readers without scripts.
/* global Chart, document, getComputedStyle */
const style = getComputedStyle(document.documentElement);
const color = (name) => style.getPropertyValue(name).trim();

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
	const { kind, label, labels, values } = JSON.parse(canvas.dataset.chart);
	new Chart(canvas, {
		type: kind,
		data: {
			labels,
			datasets: [{ label, data: values, borderColor: color('--accent'), backgroundColor: color('--accent'), tension: 0.25 }]
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { ticks: { color: color('--muted') }, grid: { color: color('--line') } },
				y: { beginAtZero: true, ticks: { color: color('--muted'), precision: 0 }, grid: { color: color('--line') } }
			}
		}
	});
}
