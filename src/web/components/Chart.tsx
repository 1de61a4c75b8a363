/**
 * A small accessible chart, hand-written SVG (no chart library): bars (or a line, for months) with a title, the
 * same data as a table behind a toggle, and a CSV download of exactly the plotted data. A bar or point may be
 * chosen (keyboard too) to drill down.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartRow {
  key: string;
  label: string;
  value: number;
}

function csvOf(header: [string, string], rows: ChartRow[]): string {
  const q = (s: string) => (/[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);
  return `\uFEFF${[header, ...rows.map((r) => [r.label, String(r.value)])].map((l) => l.map(q).join(',')).join('\r\n')}\r\n`;
}

export function Chart({ title, rows, kind = 'bar', valueLabel, fileName, onSelect }: { title: string; rows: ChartRow[]; kind?: 'bar' | 'line'; valueLabel: string; fileName: string; onSelect?: (row: ChartRow) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [table, setTable] = useState(false);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const download = () => {
    const url = URL.createObjectURL(new Blob([csvOf([title, valueLabel], rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const width = 640, barMax = 540, rowH = 36;
  const left = 50, right = width - 20, top = 12, plotH = 170, step = rows.length > 1 ? (right - left) / (rows.length - 1) : 0;
  const x = (i: number) => (rows.length > 1 ? left + i * step : (left + right) / 2);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const select = (r: ChartRow) => (onSelect ? {
    role: 'button', tabIndex: 0, style: { cursor: 'pointer' }, onClick: () => onSelect(r),
    onKeyDown: (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(r); } },
  } : {});
  return (
    <figure className="chart" aria-labelledby={`${id}-t`} style={{ margin: '1rem 0' }}>
      <figcaption id={`${id}-t`}><strong>{title}</strong></figcaption>
      {rows.length === 0 ? <p className="muted">{t('monitoring.noData')}</p> : kind === 'bar' ? (
        <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${rows.length * rowH + 4}`} width="100%" style={{ maxWidth: width }}>
          {rows.map((r, i) => {
            const w = (r.value / max) * barMax;
            return (
              <g key={r.key} aria-label={`${r.label}: ${r.value}`} {...select(r)}>
                <title>{`${r.label}: ${r.value}`}</title>
                {/* the whole row answers a click, not only the painted bar */}
                <rect x={0} y={i * rowH} width={width} height={rowH} fill="transparent" />
                <text x={0} y={i * rowH + 12} fontSize="13" fill="currentColor">{r.label}</text>
                <rect x={0} y={i * rowH + 16} width={Math.max(w, 1)} height={14} fill="#1f6f8b" />
                <text x={w + 6} y={i * rowH + 28} fontSize="13" fill="currentColor">{r.value}</text>
              </g>
            );
          })}
        </svg>
      ) : (
        <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${top + plotH + 56}`} width="100%" style={{ maxWidth: width }}>
          <line x1={left} y1={top + plotH} x2={right} y2={top + plotH} stroke="#888" />
          <line x1={left} y1={top} x2={left} y2={top + plotH} stroke="#888" />
          <text x={left - 6} y={top + 4} textAnchor="end" fontSize="11" fill="currentColor">{max}</text>
          <text x={left - 6} y={top + plotH} textAnchor="end" fontSize="11" fill="currentColor">0</text>
          <polyline fill="none" stroke="#1f6f8b" strokeWidth="2" points={rows.map((r, i) => `${x(i)},${y(r.value)}`).join(' ')} />
          {rows.map((r, i) => (
            <g key={r.key} aria-label={`${r.label}: ${r.value}`} {...select(r)}>
              <title>{`${r.label}: ${r.value}`}</title>
              <circle cx={x(i)} cy={y(r.value)} r="6" fill="#1f6f8b" />
              <text x={x(i)} y={top + plotH + 14} fontSize="11" textAnchor="end" fill="currentColor" transform={`rotate(-40 ${x(i)} ${top + plotH + 14})`}>{r.label}</text>
            </g>
          ))}
        </svg>
      )}
      <p className="actions" style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button type="button" className="secondary" aria-expanded={table} aria-controls={`${id}-d`} onClick={() => setTable(!table)}>{table ? t('monitoring.hideTable') : t('monitoring.showTable')}</button>
        <button type="button" className="secondary" onClick={download}>{t('monitoring.downloadCsv')}</button>
      </p>
      {table && (
        <div className="table-wrap" id={`${id}-d`}>
          <table className="worklist">
            <thead><tr><th scope="col">{title}</th><th scope="col">{valueLabel}</th></tr></thead>
            <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th><td>{r.value}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
