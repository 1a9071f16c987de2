// Turns a terminal capture with colours (`tmux capture-pane -e -p`) into an SVG picture for
// the README: what a real run looked like, without a screenshot tool.
import {readFileSync, writeFileSync} from 'node:fs';

const [input, output, title = 'ca-wizard'] = process.argv.slice(2);
if (!input || !output) {
	console.error('usage: node scripts/terminal-svg.mjs CAPTURE.ansi OUT.svg [TITLE]');
	process.exit(2);
}
const palette = {
	30: '#3b4252',
	31: '#e06c75',
	32: '#98c379',
	33: '#e5c07b',
	34: '#61afef',
	35: '#c678dd',
	36: '#56b6c2',
	37: '#dcdfe4',
	90: '#7f848e',
	91: '#ef8891',
	92: '#b5e890',
	93: '#f0d58a',
	94: '#7cc2f5',
	95: '#d99cec',
	96: '#74cfd9',
	97: '#ffffff',
};
const foreground = '#dcdfe4';
const escape = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const lines = readFileSync(input, 'utf8').replace(/\s+$/, '').split('\n');
const width = Math.max(...lines.map(line => line.replace(/\u001B\[[0-9;]*m/g, '').length));
const charWidth = 8.4;
const lineHeight = 18;
const rows = lines.map((line, index) => {
	let style = {color: foreground, bold: false, dim: false};
	const spans = [];
	for (const part of line.split(/(\u001B\[[0-9;]*m)/)) {
		const sgr = /^\u001B\[([0-9;]*)m$/.exec(part);
		if (!sgr) {
			if (part)
				spans.push(`<tspan fill="${style.color}"${style.bold ? ' font-weight="bold"' : ''}${style.dim ? ' opacity="0.6"' : ''}>${escape(part)}</tspan>`);
			continue;
		}
		const codes = sgr[1] === '' ? [0] : sgr[1].split(';').map(Number);
		for (let i = 0; i < codes.length; i++) {
			const code = codes[i];
			if (code === 0) style = {color: foreground, bold: false, dim: false};
			else if (code === 1) style = {...style, bold: true};
			else if (code === 2) style = {...style, dim: true};
			else if (code === 22) style = {...style, bold: false, dim: false};
			else if (code === 39) style = {...style, color: foreground};
			else if (palette[code]) style = {...style, color: palette[code]};
			else if (code === 38 && codes[i + 1] === 5) i += 2; // 256-colour: keep the current colour
		}
	}
	return `<text x="16" y="${48 + index * lineHeight}" xml:space="preserve">${spans.join('')}</text>`;
});
const svgWidth = Math.ceil(32 + width * charWidth);
const svgHeight = 64 + lines.length * lineHeight;
writeFileSync(
	output,
	`<svg xmlns="http://www.w3.org/2000/svg" width="${svgWidth}" height="${svgHeight}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">
<rect width="100%" height="100%" rx="8" fill="#1e2127"/>
<circle cx="20" cy="16" r="5" fill="#e06c75"/><circle cx="38" cy="16" r="5" fill="#e5c07b"/><circle cx="56" cy="16" r="5" fill="#98c379"/>
<text x="${svgWidth / 2}" y="20" fill="#7f848e" text-anchor="middle">${escape(title)}</text>
${rows.join('\n')}
</svg>
`,
);
