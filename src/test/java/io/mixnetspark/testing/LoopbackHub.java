package io.mixnetspark.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code LoopbackHub} is a Hugging Face Hub in the test JVM, on 127.0.0.1, answering in the hub's
 * URL and header layout: {@code HEAD/GET /ORG/REPO/resolve/REVISION/PATH} with {@code
 * X-Repo-Commit}, an ETag (git's blob SHA-1 for small files; for LFS files {@code X-Linked-Etag},
 * their SHA-256, {@code X-Linked-Size} and a redirect to {@code /lfs/SHA256} on the same server,
 * which serves {@code Range} requests). It records every request, and can refuse requests without
 * a token, serve wrong bytes, cut a download off, stall, or pace a download. Plain files (MindCV's)
 * are served under {@code /plain/PATH}.
 */
public final class LoopbackHub implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers) {
        /** @return the first value of a header (case-insensitive), or null */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Entry(byte[] bytes, boolean lfs) {}

    private final HttpServer server;
    private final Map<String, Entry> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> lfsBlobs = new ConcurrentHashMap<>();
    private final Map<String, String> privateRepos = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong cutNextAfter = new AtomicLong(-1);
    private final AtomicLong stallNextAfter = new AtomicLong(-1);
    private volatile byte[] servedInstead;
    private volatile long stallMillis;
    private volatile long paceMillisPerMegabyte;

    /**
     * Starts the server on a free loopback port.
     *
     * @throws IOException when it cannot listen
     */
    public LoopbackHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-hub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The commit every repository's {@code main} points at. */
    public static String commit(String repo) {
        return hex("SHA-1", ("commit " + repo).getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a file stored with git LFS (weights). */
    public void addLfsFile(String repo, String path, byte[] bytes) {
        files.put(repo + "/" + path, new Entry(bytes, true));
        lfsBlobs.put(hex("SHA-256", bytes), bytes);
    }

    /** Serves a small file stored in git itself (config.json). */
    public void addFile(String repo, String path, byte[] bytes) {
        files.put(repo + "/" + path, new Entry(bytes, false));
    }

    /**
     * Serves a timm model repository: {@code model.safetensors} (LFS) and the {@code config.json}
     * timm writes ({@code architecture}, {@code num_classes}, {@code pretrained_cfg} with 224 px,
     * crop 0.875, bicubic, ImageNet mean and std).
     *
     * @param repo the repository id
     * @param architecture timm's model name
     * @param weights the safetensors bytes
     */
    public void addTimmModel(String repo, String architecture, byte[] weights) {
        addLfsFile(repo, "model.safetensors", weights);
        addFile(repo, "config.json", ("{\"architecture\": \"" + architecture + "\", \"num_classes\": 1000,"
                + " \"num_features\": 1536, \"pretrained_cfg\": {\"tag\": \"ft_in1k\", \"input_size\": [3, 224, 224],"
                + " \"interpolation\": \"bicubic\", \"crop_pct\": 0.875, \"crop_mode\": \"center\","
                + " \"mean\": [0.485, 0.456, 0.406], \"std\": [0.229, 0.224, 0.225], \"num_classes\": 1000,"
                + " \"first_conv\": \"conv_stem\", \"classifier\": \"classifier\"}}").getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a file at {@code /plain/PATH} without hub headers (as MindCV's download server). */
    public void addPlainFile(String path, byte[] bytes) {
        files.put("plain/" + path, new Entry(bytes, false));
    }

    /** Answers 401 for the repository unless the request carries this bearer token. */
    public void requireToken(String repo, String token) {
        privateRepos.put(repo, token);
    }

    /** The next LFS download sends its headers for the whole file, then only this many bytes. */
    public void cutNextDownloadAfter(long bytes) {
        cutNextAfter.set(bytes);
    }

    /** The next LFS download sends this many bytes, then nothing for a minute (a stalled connection). */
    public void stallNextDownloadAfter(long bytes) {
        stallNextAfter.set(bytes);
    }

    /** Every LFS download serves these bytes instead of the stated ones (null: the right ones). */
    public void serveInstead(byte[] bytes) {
        servedInstead = bytes;
    }

    /** Waits this long before answering anything. */
    public void stall(long millis) {
        stallMillis = millis;
    }

    /** Sends LFS bodies at about one megabyte per this many milliseconds. */
    public void pace(long millisPerMegabyte) {
        paceMillisPerMegabyte = millisPerMegabyte;
    }

    /** @return every request so far */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return the LFS body downloads so far (GETs of {@code /lfs/}) */
    public long lfsDownloads() {
        return requests.stream().filter(r -> r.method.equals("GET") && r.path.startsWith("/lfs/")).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders())));
            if (stallMillis > 0) {
                sleep(stallMillis);
            }
            if (path.startsWith("/lfs/")) {
                serveLfs(exchange, path.substring(5));
            } else if (path.startsWith("/plain/")) {
                Entry entry = files.get(path.substring(1));
                if (entry == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    send(exchange, 200, entry.bytes, 0);
                }
            } else {
                serveResolve(exchange, path);
            }
        }
    }

    private void serveResolve(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.substring(1).split("/", 5);
        if (parts.length < 5 || !parts[2].equals("resolve")) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String repo = parts[0] + "/" + parts[1];
        String token = privateRepos.get(repo);
        if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("X-Error-Code", "GatedRepo");
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        Entry entry = files.get(repo + "/" + parts[4]);
        if (entry == null || !parts[3].equals("main")) {
            exchange.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().add("X-Repo-Commit", commit(repo));
        if (entry.lfs) {
            String sha256 = hex("SHA-256", entry.bytes);
            exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256 + "\"");
            exchange.getResponseHeaders().add("X-Linked-Size", Long.toString(entry.bytes.length));
            exchange.getResponseHeaders().add("ETag", "\"" + hex("SHA-1", entry.bytes) + "\"");
            // another host name for the same server: the token must not follow the redirect
            exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/lfs/" + sha256);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        byte[] header = ("blob " + entry.bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] blob = new byte[header.length + entry.bytes.length];
        System.arraycopy(header, 0, blob, 0, header.length);
        System.arraycopy(entry.bytes, 0, blob, header.length, entry.bytes.length);
        exchange.getResponseHeaders().add("ETag", "\"" + hex("SHA-1", blob) + "\"");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Length", Long.toString(entry.bytes.length));
            exchange.sendResponseHeaders(200, -1);
        } else {
            send(exchange, 200, entry.bytes, 0);
        }
    }

    private void serveLfs(HttpExchange exchange, String sha256) throws IOException {
        byte[] bytes = lfsBlobs.get(sha256);
        if (bytes == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (servedInstead != null) {
            bytes = servedInstead;
        }
        long from = 0;
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Long.parseLong(range.substring(6, range.length() - 1));
            if (from >= bytes.length) {
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        send(exchange, range != null ? 206 : 200, bytes, (int) from);
    }

    private void send(HttpExchange exchange, int status, byte[] bytes, int from) throws IOException {
        int length = bytes.length - from;
        exchange.sendResponseHeaders(status, length);
        if (exchange.getRequestMethod().equals("HEAD")) {
            return;
        }
        boolean lfs = exchange.getRequestURI().getPath().startsWith("/lfs/");
        long cut = lfs ? cutNextAfter.getAndSet(-1) : -1;
        long stall = lfs ? stallNextAfter.getAndSet(-1) : -1;
        int end = cut >= 0 ? (int) Math.min(bytes.length, from + cut) : bytes.length;
        OutputStream out = exchange.getResponseBody();
        for (int at = from; at < end; at += 1 << 20) {
            if (stall >= 0 && at - from >= stall) {
                sleep(60_000);
            }
            out.write(bytes, at, Math.min(1 << 20, end - at));
            out.flush();
            if (paceMillisPerMegabyte > 0) {
                sleep(paceMillisPerMegabyte);
            }
        }
        if (cut >= 0) {
            // a connection that breaks off: the client sees fewer bytes than Content-Length
            throw new IOException("cut off on purpose after " + cut + " bytes");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hex digest. */
    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
