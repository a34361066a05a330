package io.mixnetspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code S3Server} runs a real S3-compatible server (s3proxy, copied to {@code target/s3proxy} by
 * the build) as a child JVM on a loopback port, storing objects in a folder so that a stopped and
 * restarted server still has them. Each server gets a fresh random secret key, so tests can search
 * output for it.
 */
public final class S3Server implements AutoCloseable {

    /** The access key id the server accepts. */
    public static final String ACCESS_KEY = "mixnet-test-access";

    private final Path storage;
    private final int port;
    private final String secret = "s3cr3t-" + UUID.randomUUID();
    private Process process;

    private S3Server(Path storage, int port) {
        this.storage = storage;
        this.port = port;
    }

    /**
     * Starts a server keeping its objects under a folder.
     *
     * @param storage an empty folder
     * @return the running server
     */
    public static S3Server start(Path storage) {
        S3Server server = new S3Server(storage, freePort());
        server.launch();
        return server;
    }

    /** Starts the server process again on the same port and storage (after {@link #stop()}). */
    public void launch() {
        Path jar = Paths.get("target", "s3proxy", "s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven (process-test-resources copies it)");
        }
        try {
            Path properties = storage.resolveSibling(storage.getFileName() + ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + secret,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + storage.toAbsolutePath(),
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + secret, ""));
            Path log = storage.resolveSibling(storage.getFileName() + ".log");
            process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            waitUntilListening();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server process (objects stay in the storage folder). */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Returns the secret key, so tests can check it never shows up.
     *
     * @return the secret
     */
    public String secret() {
        return secret;
    }

    /**
     * Creates a bucket (S3A does not create buckets).
     *
     * @param bucket the name
     */
    public void createBucket(String bucket) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .build()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /**
     * Returns the server's URL.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Returns the Hadoop settings that point S3A at this server, without the {@code spark.hadoop.}
     * prefix. Retries are few so a test against a stopped server fails in seconds, not minutes, and
     * the file system cache is off so one test class never reuses another's server.
     *
     * @return the settings
     */
    public Map<String, String> hadoopConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("fs.s3a.endpoint", endpoint());
        conf.put("fs.s3a.endpoint.region", "us-east-1");
        conf.put("fs.s3a.path.style.access", "true");
        conf.put("fs.s3a.connection.ssl.enabled", "false");
        conf.put("fs.s3a.access.key", ACCESS_KEY);
        conf.put("fs.s3a.secret.key", secret);
        conf.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.put("fs.s3a.impl.disable.cache", "true");
        conf.put("fs.s3a.attempts.maximum", "1");
        conf.put("fs.s3a.retry.limit", "1");
        return conf;
    }

    private void waitUntilListening() throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("s3proxy exited with " + process.exitValue() + "; see its log next to " + storage);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IOException("s3proxy did not listen on port " + port + " within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
