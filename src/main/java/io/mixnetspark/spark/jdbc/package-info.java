/**
 * {@code ./mixnet sql-server}: a JDBC/ODBC server speaking HiveServer2's Thrift protocol (what
 * beeline, the Hive JDBC driver, DBeaver and Superset connect to) whose statements run on a Spark
 * session, the way Spark's own Thrift server does: Hive's service classes ({@code CLIService}, its
 * session and operation managers, the binary Thrift transport) with Hive's execution replaced by
 * Spark's. {@link io.mixnetspark.spark.jdbc.SqlServer} starts and stops it.
 */
package io.mixnetspark.spark.jdbc;
