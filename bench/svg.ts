// A log-log line plot as plain SVG: milliseconds per document against document size, one line
// per tool. Written by hand so the benchmark needs no plotting dependency.

export interface Series {
  name: string
  /** [size in KB, ms] pairs. */
  points: Array<[number, number]>
}

const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f']

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function round(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10)
}

function sizeLabel(kb: number): string {
  return kb >= 1000 ? `${round(kb / 1024)} MB` : `${round(kb)} KB`
}

function msLabel(ms: number): string {
  if (ms >= 1000) return `${round(ms / 1000)} s`
  return ms < 1 ? String(ms) : `${round(ms)} ms`
}

export function logLogPlot(series: Series[], options: {title: string; xLabel: string; yLabel: string}): string {
  const width = 760
  const height = 480
  const margin = {left: 78, right: 190, top: 44, bottom: 58}
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const all = series.flatMap((s) => s.points).filter(([x, y]) => x > 0 && y > 0)
  const xs = all.map(([x]) => x)
  const ys = all.map(([, y]) => y)
  const xMin = Math.log2(Math.min(...xs))
  const xMax = Math.log2(Math.max(...xs))
  const yMin = Math.floor(Math.log10(Math.min(...ys)))
  const yMax = Math.ceil(Math.log10(Math.max(...ys)))
  const px = (x: number) => margin.left + ((Math.log2(x) - xMin) / Math.max(xMax - xMin, 1e-9)) * plotWidth
  const py = (y: number) => margin.top + plotHeight - ((Math.log10(y) - yMin) / Math.max(yMax - yMin, 1e-9)) * plotHeight
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`)
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`)
  out.push(`<text x="${margin.left + plotWidth / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(options.title)}</text>`)
  // Grid and ticks: every size the data has on x, every decade on y.
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    const X = px(x).toFixed(1)
    out.push(`<line x1="${X}" y1="${margin.top}" x2="${X}" y2="${margin.top + plotHeight}" stroke="#e5e5e5"/>`)
    out.push(`<text x="${X}" y="${margin.top + plotHeight + 18}" text-anchor="middle">${sizeLabel(x)}</text>`)
  }
  for (let decade = yMin; decade <= yMax; decade++) {
    const value = 10 ** decade
    const Y = py(value).toFixed(1)
    out.push(`<line x1="${margin.left}" y1="${Y}" x2="${margin.left + plotWidth}" y2="${Y}" stroke="#e5e5e5"/>`)
    out.push(`<text x="${margin.left - 8}" y="${Y}" text-anchor="end" dominant-baseline="middle">${msLabel(value < 1 ? Number(value.toFixed(-decade)) : value)}</text>`)
  }
  out.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333333"/>`)
  out.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 14}" text-anchor="middle">${escape(options.xLabel)}</text>`)
  out.push(
    `<text x="20" y="${margin.top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 20 ${margin.top + plotHeight / 2})">${escape(options.yLabel)}</text>`,
  )
  series.forEach((s, index) => {
    const color = COLORS[index % COLORS.length]!
    const points = s.points.filter(([x, y]) => x > 0 && y > 0).sort((a, b) => a[0] - b[0])
    const path = points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')
    out.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="${index === 0 ? 3 : 2}"/>`)
    for (const [x, y] of points) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${color}"/>`)
    const ly = margin.top + 14 + index * 20
    const lx = margin.left + plotWidth + 16
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${color}" stroke-width="${index === 0 ? 3 : 2}"/>`)
    out.push(`<text x="${lx + 28}" y="${ly}" dominant-baseline="middle">${escape(s.name)}</text>`)
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}
