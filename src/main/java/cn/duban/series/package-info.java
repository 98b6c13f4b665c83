/**
 * Periodic returns (定期报送): a notice signed off once for a series of periods; each period opened by duban on its
 * date as a campaign of its own (its due date, reminders, summary); the series as a period × unit matrix with
 * cumulative figures; a missed period's figures carried over from the previous one where the notice says so.
 */
package cn.duban.series;
