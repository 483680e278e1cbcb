/** One measured metric of a benchmark page, labelkit next to the peer (see bench/run.mjs). */
interface BenchEntry {
  scenario: string;
  size: number;
  metric: string;
  unit: 'ms' | 'MB' | 'fps';
  labelkit: number;
  peer: number | null;
  peerName: string;
  /** peer / labelkit for lower-is-better metrics. */
  ratio: number | null;
  note?: string;
}
interface Window {
  __labelkitBench?: () => Promise<BenchEntry[]>;
}
