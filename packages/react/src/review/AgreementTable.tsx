import type { MatchCounts } from '@labelkit/core';
import { LabelkitStyles } from '../theme/LabelkitStyles.js';
import { formatScore } from './ReviewPanel.js';

/** A column of {@link AgreementTable}. */
export type AgreementColumn = 'tp' | 'fp' | 'fn' | 'precision' | 'recall' | 'f1' | 'kappa';

/** Props of {@link AgreementTable}: numbers from core's agreement module, nothing computed here. */
export interface AgreementTableProps {
  /** Counts per label id, e.g. `compare(a, b).perLabel` (b the truth); rows in this object's order. */
  perLabel?: Readonly<Record<string, MatchCounts>>;
  /**
   * κ per label id, e.g. `cohenKappa` of two labellers' tags on each label, or one row per statistic
   * for a whole dataset. A label only here gets a row with its counts empty.
   */
  kappa?: Readonly<Record<string, number>>;
  /** A last "All" row: e.g. the sum of `compare(a, b).perKind`, or `matchCounts(tp, fp, fn)`. */
  total?: MatchCounts;
  /** Display name of a label id (default: the id); rendered as text. */
  labelName?(labelId: string): string;
  /** Swatch colour of a label id (a CSS colour); no swatch when it returns undefined. */
  labelColor?(labelId: string): string | undefined;
  /**
   * Columns to show, in order. Default: tp, fp, fn, precision, recall, F1 when `perLabel` is given,
   * then κ when `kappa` is given.
   */
  columns?: readonly AgreementColumn[];
  /** Caption of the table (default "Agreement per label"), its accessible name. */
  caption?: string;
  /** Extra class on the outer element. */
  className?: string;
}

const HEADERS: Record<AgreementColumn, { text: string; title: string }> = {
  tp: { text: 'TP', title: 'Matched with the same label (true positives)' },
  fp: { text: 'FP', title: 'In A but not matched in B (false positives)' },
  fn: { text: 'FN', title: 'In B but not matched in A (false negatives)' },
  precision: { text: 'Precision', title: 'TP / (TP + FP)' },
  recall: { text: 'Recall', title: 'TP / (TP + FN)' },
  f1: { text: 'F1', title: '2 TP / (2 TP + FP + FN)' },
  kappa: { text: 'κ', title: "Cohen's kappa" },
};

/**
 * Agreement per label as a table: counts (TP, FP, FN), precision, recall and F1 from `compare()`, and
 * κ where the host has it. Undefined values (0/0, κ with one category: `NaN`) show as "n/a".
 */
export function AgreementTable(props: AgreementTableProps): React.JSX.Element {
  const { perLabel = {}, kappa, total, labelName = (id: string) => id, labelColor, className } = props;
  const columns: readonly AgreementColumn[] =
    props.columns ?? [...(props.perLabel || total ? (['tp', 'fp', 'fn', 'precision', 'recall', 'f1'] as const) : []), ...(kappa ? (['kappa'] as const) : [])];
  const labels = [...Object.keys(perLabel), ...Object.keys(kappa ?? {}).filter((l) => !(l in perLabel))];
  const cell = (column: AgreementColumn, counts: MatchCounts | undefined, k: number | undefined): string => {
    if (column === 'kappa') return k === undefined ? '' : Number.isFinite(k) ? k.toFixed(3) : 'n/a';
    if (counts === undefined) return '';
    const v = counts[column];
    return column === 'tp' || column === 'fp' || column === 'fn' ? String(v) : formatScore(v);
  };
  return (
    <div className={['lk-root', 'lk-panel', 'lk-agreement', className].filter(Boolean).join(' ')}>
      <LabelkitStyles />
      <table className="lk-agreement-table">
        <caption className="lk-agreement-caption">{props.caption ?? 'Agreement per label'}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            {columns.map((c) => (
              <th key={c} scope="col" title={HEADERS[c].title}>
                {HEADERS[c].text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => {
            const color = labelColor?.(label);
            return (
              <tr key={label}>
                <th scope="row">
                  {color !== undefined && <span className="lk-review-swatch" style={{ background: color }} aria-hidden="true" />}
                  {labelName(label)}
                </th>
                {columns.map((c) => (
                  <td key={c}>{cell(c, perLabel[label], kappa?.[label])}</td>
                ))}
              </tr>
            );
          })}
          {labels.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} className="lk-agreement-empty">
                Nothing to compare
              </td>
            </tr>
          )}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">All</th>
              {columns.map((c) => (
                <td key={c}>{cell(c, total, undefined)}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
