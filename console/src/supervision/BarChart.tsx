/** One group of bars: a label and one value per series. */
export interface BarGroup {
  label: string;
  values: number[];
}

const COLORS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1'];

/**
 * A grouped bar chart in plain SVG: one group per row (court, agency or month), one bar per series, a legend,
 * and each bar's value above it; scaled to the largest value.
 */
export function BarChart({ groups, series, height = 260 }: { groups: BarGroup[]; series: string[]; height?: number }) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const bar = 18;
  const gap = 28;
  const groupWidth = series.length * bar + gap;
  const left = 40;
  const top = 28;
  const plot = height - top - 48;
  const width = Math.max(360, left + groups.length * groupWidth + 20);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  return (
    <svg className="bar-chart" role="img" aria-label="统计图" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {series.map((name, i) => (
        <g key={name} transform={`translate(${left + i * 110}, 10)`}>
          <rect width={12} height={12} fill={COLORS[i % COLORS.length]} />
          <text x={16} y={11} fontSize={12}>
            {name}
          </text>
        </g>
      ))}
      {[...new Set(ticks)].map((v) => {
        const y = top + plot - (v / max) * plot;
        return (
          <g key={v}>
            <line x1={left} x2={width - 10} y1={y} y2={y} stroke="#eee" />
            <text x={left - 6} y={y + 4} fontSize={11} textAnchor="end" fill="#888">
              {v}
            </text>
          </g>
        );
      })}
      {groups.map((g, gi) => {
        const x0 = left + 10 + gi * groupWidth;
        return (
          <g key={g.label} data-group={g.label}>
            {g.values.map((v, si) => {
              const h = (v / max) * plot;
              const x = x0 + si * bar;
              return (
                <g key={si}>
                  <rect x={x} y={top + plot - h} width={bar - 3} height={h} fill={COLORS[si % COLORS.length]}>
                    <title>{`${g.label} ${series[si]}: ${v}`}</title>
                  </rect>
                  <text x={x + (bar - 3) / 2} y={top + plot - h - 3} fontSize={10} textAnchor="middle">
                    {v}
                  </text>
                </g>
              );
            })}
            <text x={x0 + (series.length * bar) / 2} y={top + plot + 16} fontSize={12} textAnchor="middle">
              {g.label.length > 8 ? `${g.label.slice(0, 8)}…` : g.label}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={width - 10} y1={top + plot} y2={top + plot} stroke="#999" />
    </svg>
  );
}
