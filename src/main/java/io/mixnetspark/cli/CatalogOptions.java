package io.mixnetspark.cli;

import io.mixnetspark.spark.tables.CatalogDatabase;
import io.mixnetspark.spark.tables.MetricsTables;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * {@code CatalogOptions} are the flags of commands that write tables: the database, and where a new
 * database keeps its tables' files (for example on {@code s3a://}).
 */
final class CatalogOptions {

    @Option(names = "--database", defaultValue = MetricsTables.DEFAULT_DATABASE,
            description = "Database of the tables (runs, metrics, predictions). Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--database_location",
            description = "Where a new database keeps its tables' files (any Hadoop URI, e.g."
                    + " s3a://lake/warehouse/mixnet.db). Default: the catalog's warehouse.")
    String databaseLocation;

    /**
     * Creates the database when missing and returns its metrics tables.
     *
     * @param spark the session
     * @return the metrics tables in the database
     */
    MetricsTables metricsTables(SparkSession spark) {
        CatalogDatabase.ensure(spark, database, databaseLocation);
        return MetricsTables.in(database);
    }
}
