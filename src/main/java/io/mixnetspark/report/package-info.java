/**
 * The run report: what the metrics tables say about one run ({@link
 * io.mixnetspark.report.RunReport}) rendered as an HTML page with PNG plots ({@link
 * io.mixnetspark.report.ReportRenderer}, with XChart). Plain Java: reading the tables lives in
 * {@code io.mixnetspark.spark.tables.RunReportReader}.
 */
package io.mixnetspark.report;
