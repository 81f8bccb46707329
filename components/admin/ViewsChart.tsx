import type { DailyViews } from '@/db/queries/views';

/** Views per day as a server-rendered SVG bar chart, with a table for screen readers. */
export function ViewsChart({ series, label }: { series: DailyViews[]; label: string }) {
  const max = Math.max(1, ...series.map((d) => d.views));
  const width = 720;
  const height = 180;
  const bar = width / Math.max(1, series.length);
  return (
    <figure className="admin-card">
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={label} className="h-auto w-full">
        {series.map((d, i) => {
          const h = Math.round((d.views / max) * height);
          return (
            <rect key={d.day} x={i * bar + 1} y={height - h} width={Math.max(1, bar - 2)} height={h} className="fill-emerald-700 dark:fill-emerald-400">
              <title>{`${d.day}: ${d.views}`}</title>
            </rect>
          );
        })}
        <text x="0" y={height + 16} className="fill-current text-[11px]">
          {series[0]?.day}
        </text>
        <text x={width} y={height + 16} textAnchor="end" className="fill-current text-[11px]">
          {series.at(-1)?.day}
        </text>
      </svg>
      <figcaption className="sr-only">
        <table>
          <tbody>
            {series.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.views}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
