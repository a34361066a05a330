package io.mixnetspark.spark.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.SharedData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL server on the embedded catalog, through the Hive JDBC driver as beeline and DBeaver use
 * it: a query of a predictions-like table (its top-k structs as JSON) and its metadata, a table
 * created through JDBC seen by Spark, Spark's message for a bad query, the catalog look-ups of
 * {@code DatabaseMetaData}, and no unauthenticated server on a non-loopback address.
 */
class SqlServerTest {

    private static final String TOP_K = "ARRAY<STRUCT<rank: INT, index: INT, wnid: STRING, label: STRING,"
            + " probability: DOUBLE>>";

    private static SparkSession spark;
    private static SqlServer server;

    @BeforeAll
    static void startServer() {
        spark = LocalSpark.getOrCreate("SqlServerTest");
        spark.sql("CREATE DATABASE IF NOT EXISTS jdbctest");
        spark.sql("DROP TABLE IF EXISTS jdbctest.preds");
        spark.sql("DROP TABLE IF EXISTS jdbctest.labels");
        spark.sql("CREATE TABLE jdbctest.preds (key STRING, top_k " + TOP_K + ", error STRING) USING parquet");
        spark.sql("INSERT INTO jdbctest.preds VALUES ('a.jpg', array(named_struct('rank', 1, 'index', 0, 'wnid',"
                + " 'n01440764', 'label', 'tench', 'probability', 0.75D), named_struct('rank', 2, 'index', 1, 'wnid',"
                + " 'n01443537', 'label', 'goldfish', 'probability', 0.25D)), NULL), ('b.jpg', NULL, 'not an image')");
        server = SqlServer.start(spark, "127.0.0.1", 0, Map.of("spark.mixnettest.marker", "served"), false);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        LocalSparkSessions.stopActive();
    }

    @Test
    void queriesTheCatalogAndDescribesTheResult() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url("jdbctest"), "analyst", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT key, top_k, top_k[0].label AS label,"
                        + " top_k[0].probability AS p FROM preds ORDER BY key")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals(4, meta.getColumnCount());
            assertEquals(List.of("key", "top_k", "label", "p"), List.of(meta.getColumnLabel(1), meta.getColumnLabel(2),
                    meta.getColumnLabel(3), meta.getColumnLabel(4)));
            assertEquals(List.of(Types.VARCHAR, Types.ARRAY, Types.VARCHAR, Types.DOUBLE), List.of(meta.getColumnType(1),
                    meta.getColumnType(2), meta.getColumnType(3), meta.getColumnType(4)));
            assertTrue(rows.next());
            assertEquals("a.jpg", rows.getString("key"));
            assertEquals("[{\"rank\":1,\"index\":0,\"wnid\":\"n01440764\",\"label\":\"tench\",\"probability\":0.75},"
                    + "{\"rank\":2,\"index\":1,\"wnid\":\"n01443537\",\"label\":\"goldfish\",\"probability\":0.25}]",
                    rows.getString("top_k"));
            assertEquals("tench", rows.getString("label"));
            assertEquals(0.75, rows.getDouble("p"));
            assertTrue(rows.next());
            assertEquals("b.jpg", rows.getString(1));
            assertEquals(null, rows.getString(2));
            assertEquals(0.0, rows.getDouble(4));
            assertTrue(rows.wasNull());
            assertFalse(rows.next());
        }
    }

    @Test
    void createsTablesThatSparkSees() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url("jdbctest"), "analyst", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE labels USING parquet AS SELECT top_k[0].label AS label, count(*) AS n"
                    + " FROM preds WHERE error IS NULL GROUP BY 1");
            try (ResultSet rows = statement.executeQuery("SELECT label, n FROM labels")) {
                assertTrue(rows.next());
                assertEquals("tench", rows.getString(1));
                assertEquals(1L, rows.getLong(2));
            }
        }
        assertEquals(1, spark.table("jdbctest.labels").count());
    }

    @Test
    void aBadQueryFailsWithSparksMessageAndTheSessionGoesOn() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url("jdbctest"), "analyst", "");
                Statement statement = connection.createStatement()) {
            SQLException bad = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM nowhere"));
            assertTrue(bad.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"), bad.getMessage());
            assertTrue(bad.getMessage().contains("`nowhere`"), bad.getMessage());
            assertEquals("42P01", bad.getSQLState());
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM preds")) {
                assertTrue(rows.next());
                assertEquals(2L, rows.getLong(1));
            }
        }
    }

    @Test
    void answersTheCatalogLookUpsOfDatabaseMetaData() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url("jdbctest"), "analyst", "")) {
            DatabaseMetaData meta = connection.getMetaData();
            assertTrue(column(meta.getSchemas(null, "jdbc%"), "TABLE_SCHEM").contains("jdbctest"));
            assertEquals(List.of("preds"), column(meta.getTables(null, "jdbctest", "pre_s", new String[] {"TABLE"}),
                    "TABLE_NAME"));
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(null, "jdbctest", "preds", "%")) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + " "
                            + rows.getInt("DATA_TYPE") + " " + rows.getInt("ORDINAL_POSITION"));
                }
            }
            assertEquals(List.of("key STRING " + Types.VARCHAR + " 1",
                    "top_k array<struct<rank:int,index:int,wnid:string,label:string,probability:double>> "
                            + Types.ARRAY + " 2",
                    "error STRING " + Types.VARCHAR + " 3"), columns);
        }
    }

    @Test
    void givesEverySessionTheServersSparkSettingsAndTheUrlsOwn() throws SQLException {
        String url = server.url("jdbctest") + "?spark.sql.shuffle.partitions=3";
        try (Connection connection = DriverManager.getConnection(url, "analyst", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database(), '${spark.mixnettest.marker}',"
                        + " '${spark.sql.shuffle.partitions}'")) {
            assertTrue(rows.next());
            assertEquals(List.of("jdbctest", "served", "3"), List.of(rows.getString(1), rows.getString(2),
                    rows.getString(3)));
        }
    }

    @Test
    void labelsImagesWithTheSqlFunctions() throws SQLException {
        String weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors").toString();
        String photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079").toUri() + "*[0-3]1.JPEG";
        try (Connection connection = DriverManager.getConnection(server.url("jdbctest") + "?spark.mixnet.model="
                        + weights, "analyst", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), count(mixnet_label(content)),"
                        + " count(mixnet_error(content)), min(size(mixnet_topk(content, 2))) FROM binaryFile.`" + photos
                        + "`")) {
            assertTrue(rows.next());
            long photoCount = rows.getLong(1);
            assertTrue(photoCount >= 5, "photos: " + photoCount);
            assertEquals(List.of(photoCount, 0L, 2L), List.of(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
        }
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        assertEquals("127.0.0.1", server.boundAddress().getHostAddress());
    }

    @Test
    void refusesANonLoopbackAddressWithoutAuthentication() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SqlServer.start(spark, "0.0.0.0", 0, Map.of(), false));
        assertTrue(refused.getMessage().contains("hive.server2.authentication=LDAP"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--insecure"), refused.getMessage());
        // with authentication or --insecure it would serve there (checked without binding it)
        SqlServer.checkAccess("0.0.0.0", "LDAP", false);
        SqlServer.checkAccess("0.0.0.0", "NONE", true);
        SqlServer.checkAccess("localhost", "NONE", false);
    }

    private static List<String> column(ResultSet rows, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(name));
            }
        }
        return values;
    }
}
