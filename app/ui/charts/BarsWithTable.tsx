import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number | null;
  note?: string;
}

/**
 * A bar chart drawn at a fixed size (so the server renders the SVG) with the same numbers as a table beside it,
 * for screen readers, copying and printing.
 */
export function BarsWithTable({
  data,
  caption,
  valueLabel,
  format,
  domain,
  reference,
}: {
  data: BarDatum[];
  caption: string;
  valueLabel: string;
  format: (value: number) => string;
  domain: [number, number];
  reference?: number;
}) {
  return (
    <div className="chart-with-table">
      <figure className="chart" aria-hidden="true">
        <BarChart width={520} height={240} data={data.map((d) => ({ ...d, value: d.value ?? 0 }))} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* A fixed tick interval: recharts' default hides labels by measuring text, which the server cannot do,
              so the server's and the browser's charts differed and the page failed to hydrate. */}
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={data.length > 9 ? 1 : 0} />
          <YAxis domain={domain} tick={{ fontSize: 12 }} tickFormatter={(value: number) => format(value)} width={48} />
          {reference !== undefined ? <ReferenceLine y={reference} stroke="#7a5300" strokeDasharray="4 4" /> : null}
          <Bar dataKey="value" fill="#0f5257" isAnimationActive={false} />
        </BarChart>
      </figure>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption className="small muted">{caption}</caption>
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col" className="num">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row">
                  {datum.label}
                  {datum.note ? <span className="hint">{datum.note}</span> : null}
                </th>
                <td className="num">{datum.value === null ? "–" : format(datum.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
