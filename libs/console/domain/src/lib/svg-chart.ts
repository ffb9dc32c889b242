/**
 * Charts drawn on the server as SVG: no script, nothing for the CSP to allow. Each chart is an image with a
 * title and a description for screen readers (role="img", aria-labelledby); the page shows the same figures
 * in a table beside it.
 */
export interface ChartSeries {
  name: string;
  /** One value per category, same order as `categories`. */
  values: number[];
  /** A CSS colour. */
  color: string;
}

export interface GroupedBarChart {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: ChartSeries[];
}

export interface HorizontalBarChart {
  id: string;
  title: string;
  description: string;
  bars: { label: string; value: number }[];
  color: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A scale top that is a round number at or above the largest value (1, 2, 5 × 10^n). */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** A coordinate with one decimal: enough for a chart, short in the markup. */
function px(value: number): number {
  return Math.round(value * 10) / 10;
}

function frame(id: string, title: string, description: string, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${body}</svg>`
  );
}

/** Vertical bars per category, one bar per series side by side (e.g. bills sent and paid per day). */
export function groupedBarChartSvg(chart: GroupedBarChart): string {
  const width = 640;
  const height = 240;
  const left = 40;
  const bottom = 40;
  const top = 24;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const max = niceMaximum(Math.max(0, ...chart.series.flatMap((s) => s.values)));
  const groupWidth = plotWidth / Math.max(1, chart.categories.length);
  const barWidth = Math.max(2, (groupWidth * 0.8) / Math.max(1, chart.series.length));
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const y = top + plotHeight * (1 - tick);
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${y}" y2="${y}" stroke="#dde1e6" />`);
    parts.push(`<text x="${left - 4}" y="${y + 4}" font-size="11" text-anchor="end" fill="#4b5563">${Math.round(max * tick)}</text>`);
  }
  chart.categories.forEach((category, i) => {
    const groupX = left + i * groupWidth + groupWidth * 0.1;
    chart.series.forEach((series, s) => {
      const value = series.values[i] ?? 0;
      const h = (value / max) * plotHeight;
      parts.push(
        `<rect x="${px(groupX + s * barWidth)}" y="${px(top + plotHeight - h)}" width="${px(barWidth - 1)}" height="${px(h)}" fill="${series.color}"><title>${escapeXml(`${category} ${series.name}: ${value}`)}</title></rect>`,
      );
    });
    // Label every category when few, otherwise every few so labels do not overlap on a phone.
    const every = Math.ceil(chart.categories.length / 8);
    if (i % every === 0) {
      parts.push(`<text x="${px(groupX + (barWidth * chart.series.length) / 2)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle" fill="#4b5563">${escapeXml(category)}</text>`);
    }
  });
  chart.series.forEach((series, s) => {
    const x = left + s * 120;
    parts.push(`<rect x="${x}" y="${height - 14}" width="10" height="10" fill="${series.color}" /><text x="${x + 14}" y="${height - 5}" font-size="12" fill="#1f2937">${escapeXml(series.name)}</text>`);
  });
  return frame(chart.id, chart.title, chart.description, width, height, parts.join(''));
}

/** One horizontal bar per label, longest first as given (e.g. payment-method mix, decline reasons). */
export function horizontalBarChartSvg(chart: HorizontalBarChart): string {
  const width = 640;
  const rowHeight = 28;
  const labelWidth = 180;
  const height = Math.max(1, chart.bars.length) * rowHeight + 8;
  const max = Math.max(1, ...chart.bars.map((bar) => bar.value));
  const total = chart.bars.reduce((sum, bar) => sum + bar.value, 0);
  const parts = chart.bars.map((bar, i) => {
    const y = 4 + i * rowHeight;
    const w = ((width - labelWidth - 80) * bar.value) / max;
    const share = total > 0 ? Math.round((bar.value / total) * 100) : 0;
    return (
      `<text x="${labelWidth - 8}" y="${y + 18}" font-size="13" text-anchor="end" fill="#1f2937">${escapeXml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${px(w)}" height="${rowHeight - 10}" fill="${chart.color}" />` +
      `<text x="${px(labelWidth + w + 6)}" y="${y + 18}" font-size="12" fill="#4b5563">${bar.value} (${share}%)</text>`
    );
  });
  return frame(chart.id, chart.title, chart.description, width, height, parts.join(''));
}

/** A progress bar: done of total (e.g. a recurring cycle's charges processed). */
export function progressBarSvg(id: string, title: string, done: number, total: number, color = '#0b6bcb'): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const percent = Math.round(share * 100);
  const body =
    `<rect x="0" y="8" width="600" height="20" rx="4" fill="#e5e7eb" /><rect x="0" y="8" width="${px(600 * share)}" height="20" rx="4" fill="${color}" />` +
    `<text x="606" y="23" font-size="13" fill="#1f2937">${percent}%</text>`;
  return frame(id, title, `${done} / ${total} (${percent}%)`, 640, 36, body);
}
