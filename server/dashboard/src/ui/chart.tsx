// A small uPlot line or bar chart.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

interface Props {
  x: number[];
  series: { label: string; values: (number | null)[]; color: string; bars?: boolean }[];
  height?: number;
  yLabel?: string;
}

export function Chart({ x, series, height = 220 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const width = el.current.clientWidth || 600;
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: series.length > 1 },
        scales: { x: { time: true } },
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, fill: s.bars ? s.color + '55' : undefined, width: 2, paths: s.bars ? uPlot.paths.bars!({ size: [0.7, 40] }) : undefined }))],
        axes: [{}, { size: 50 }],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el.current,
    );
    const resize = () => plot.setSize({ width: el.current?.clientWidth || width, height });
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [x, series, height]);
  return <div class="chart" ref={el} />;
}

export const ts = (day: string) => Date.parse(day.length === 7 ? `${day}-01` : day) / 1000;
