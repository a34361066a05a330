package io.mixnetspark.spark.tables;

import org.apache.spark.sql.SparkSession;

/**
 * {@code CatalogDatabase} creates the database that mixnet's tables live in, once: with a location
 * (any Hadoop file system URI, e.g. {@code s3a://lake/warehouse/mixnet.db}) every table created in it
 * without its own location keeps its files there; without one, the catalog's warehouse is used.
 * An existing database is left as it is (its location does not move).
 */
public final class CatalogDatabase {

    private CatalogDatabase() {}

    /**
     * Creates the database when the catalog does not have it. Checking first keeps the Hive
     * metastore from logging an "already exists" error for every write.
     *
     * @param spark the session
     * @param database the database name
     * @param location where its tables keep their files, or null for the warehouse
     * @throws IllegalArgumentException for a bad name, or a location containing a quote
     */
    public static void ensure(SparkSession spark, String database, String location) {
        SqlNames.identifier("database", database);
        if (location != null && location.contains("'")) {
            throw new IllegalArgumentException("database location must not contain a quote: " + location);
        }
        if (!spark.catalog().databaseExists(database)) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + database
                    + (location == null ? "" : " LOCATION '" + location + "'"));
        }
    }
}
