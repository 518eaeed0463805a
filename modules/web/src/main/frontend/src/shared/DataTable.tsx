/**
 * The one shape of the app's lists of records (bans, incident reports, the roster, a report's signatures and
 * deliveries): a table that scrolls on its own on a narrow screen, with a caption and a row of column headings.
 */
import type { ReactNode } from 'react';
import { useI18n } from './i18n/i18n';

export function DataTable(props: {
  /** Classes besides "data-table", by which styles and the browser tests find this table. */
  className?: string;
  /** What the table holds; `hiddenCaption` leaves it to screen readers where a heading above already says it. */
  caption: ReactNode;
  hiddenCaption?: boolean;
  /** A newer answer is on its way: the rows shown are the last one, and the caption says so. */
  updating?: boolean;
  /** The column headings in order; `false` leaves a column out. */
  columns: readonly (string | false)[];
  /** The rows. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className={props.className ? `data-table ${props.className}` : 'data-table'}>
        <caption className={props.hiddenCaption ? 'visually-hidden' : undefined}>
          {props.caption}
          {props.updating ? t('status.updating') : ''}
        </caption>
        <thead>
          <tr>
            {props.columns.map(
              (title, index) =>
                title !== false && (
                  // A column's place is its identity: two headings may read the same in some language.
                  <th key={index} scope="col">
                    {title}
                  </th>
                ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
