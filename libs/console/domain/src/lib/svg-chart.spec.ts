import { groupedBarChartSvg, horizontalBarChartSvg, niceMaximum, progressBarSvg } from './svg-chart';

describe('server-rendered SVG charts', () => {
  it('is an image with a title and description for screen readers', () => {
    const svg = groupedBarChartSvg({ id: 'c1', title: '日別', description: 'sent and paid', categories: ['12/01', '12/02'], series: [{ name: 'sent', values: [3, 5], color: '#000' }] });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">日別</title>');
    expect(svg.match(/<rect [^>]*><title>/g)?.length).toBe(2);
  });

  it('escapes labels so a merchant-supplied text cannot inject markup', () => {
    const svg = horizontalBarChartSvg({ id: 'c2', title: 't', description: 'd', color: '#111', bars: [{ label: '<script>', value: 2 }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('2 (100%)');
  });

  it('scales to a round maximum and shows progress as a share', () => {
    expect([niceMaximum(0), niceMaximum(7), niceMaximum(13), niceMaximum(480)]).toEqual([1, 10, 20, 500]);
    expect(progressBarSvg('p', 'cycle', 25, 100)).toContain('25%');
  });
});
