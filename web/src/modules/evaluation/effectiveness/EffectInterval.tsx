/**
 * An effect and its 95 % interval on a small axis centred on zero, drawn as
 * SVG elements (no markup from strings). `scale` is the largest |value| shown
 * in the table, so rows compare by eye.
 */
export function EffectInterval({ effect, low, high, scale }: { effect: number | null; low: number | null; high: number | null; scale: number }) {
  const width = 160;
  const height = 18;
  const x = (v: number) => width / 2 + (v / scale) * (width / 2 - 6);
  return (
    <svg width={width} height={height} aria-hidden="true" style={{ display: 'block' }}>
      <line x1={width / 2} x2={width / 2} y1={0} y2={height} stroke="#adb5bd" strokeDasharray="2 2" />
      {low !== null && high !== null && (
        <line x1={x(low)} x2={x(high)} y1={height / 2} y2={height / 2} stroke="#228be6" strokeWidth={3} strokeLinecap="round" />
      )}
      {effect !== null && <circle cx={x(effect)} cy={height / 2} r={4} fill={low === null ? '#adb5bd' : '#1864ab'} />}
    </svg>
  );
}
