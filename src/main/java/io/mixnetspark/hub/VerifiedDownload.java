package io.mixnetspark.hub;

import io.mixnetspark.concurrent.DaemonThreads;
import io.mixnetspark.hub.HubException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code VerifiedDownload} writes one remote file to its place in a cache so that the place holds
 * either nothing or the whole, verified file:
 *
 * <ul>
 *   <li>bytes go to {@code TARGET.incomplete}; a download cut off (here or in a JVM that died) is
 *       resumed from where it stopped with an HTTP {@code Range} request, up to {@link #ATTEMPTS}
 *       tries in one call;</li>
 *   <li>the finished file is checked against the size and hash the server or the project states
 *       (SHA-256, a SHA-256 prefix, or git's blob SHA-1 for small non-LFS hub files), then renamed
 *       into place atomically; a mismatch deletes it;</li>
 *   <li>one writer at a time: a lock file held across JVMs (and a lock within this one), so
 *       concurrent downloads of the same file give one file, and the later ones find it done.</li>
 * </ul>
 */
public final class VerifiedDownload {

    /** Tries per call when the connection breaks off mid-file (each resumes). */
    public static final int ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(VerifiedDownload.class);
    private static final Map<Path, ReentrantLock> IN_JVM_LOCKS = new ConcurrentHashMap<>();
    private static final int BUFFER = 1 << 16;
    private static final long WATCHDOG_PERIOD_MS = 250;
    private static final ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("download-watchdog"));

    private final HttpClient client;
    private final Duration timeout;
    private final DownloadProgress progress;

    /**
     * What the finished file must be.
     *
     * @param size its length in bytes, or -1 when not stated
     * @param sha256 its full SHA-256 (lowercase hex), if stated
     * @param sha256Prefix the first hex digits of its SHA-256 (e.g. from a file name), if stated
     * @param gitBlobSha1 git's blob SHA-1 of it (the hub's ETag of a non-LFS file), if stated
     */
    public record Expected(long size, Optional<String> sha256, Optional<String> sha256Prefix,
            Optional<String> gitBlobSha1) {

        /**
         * Whether any hash is stated.
         *
         * @return true when the file can be verified by content
         */
        public boolean hasHash() {
            return sha256.isPresent() || sha256Prefix.isPresent() || gitBlobSha1.isPresent();
        }
    }

    /**
     * Creates a downloader.
     *
     * @param client the HTTP client (it must not follow redirects to other hosts with the token)
     * @param timeout how long to wait for a server's answer
     * @param progress where progress is shown
     */
    public VerifiedDownload(HttpClient client, Duration timeout, DownloadProgress progress) {
        this.client = client;
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * Downloads {@code uri} to {@code target} unless it is already there.
     *
     * @param uri where the bytes are
     * @param token a bearer token for this URI's host, if any (never logged)
     * @param target the file to create
     * @param lock the lock file that serialises writers of {@code target}
     * @param expected what the file must be
     * @param name the file as shown in progress and messages
     * @return {@code target}
     * @throws HubException when the file cannot be had or does not verify
     */
    public Path fetch(URI uri, Optional<String> token, Path target, Path lock, Expected expected, String name)
            throws HubException {
        ReentrantLock local = IN_JVM_LOCKS.computeIfAbsent(lock.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(lock.getParent());
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                if (Files.isRegularFile(target)) {
                    return target;
                }
                return download(uri, token, target, expected, name);
            }
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw new HubException(Reason.WRITE_FAILED, "cannot write " + target + " (" + describe(e)
                    + "): check the cache folder is writable and has room, or set MIXNET_CACHE to another", e);
        } finally {
            local.unlock();
        }
    }

    private Path download(URI uri, Optional<String> token, Path target, Expected expected, String name)
            throws IOException {
        Path incomplete = target.resolveSibling(target.getFileName() + ".incomplete");
        IOException lastBreak = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (transfer(uri, token, incomplete, expected, name)) {
                    verify(incomplete, expected, name);
                    Files.move(incomplete, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                }
            } catch (BrokenTransfer e) {
                lastBreak = e.getCause();
                LOG.warn("{}: the download broke off after {} bytes ({}); resuming (try {} of {})", name,
                        size(incomplete), describe(lastBreak), attempt + 1, ATTEMPTS);
            }
        }
        throw new HubException(Reason.UNREACHABLE, name + ": the download broke off " + ATTEMPTS + " times, last at "
                + size(incomplete) + " bytes (" + describe(lastBreak) + "); run again to resume from there", lastBreak);
    }

    /** Appends the missing bytes; returns whether the file is complete (false: start over at 0). */
    private boolean transfer(URI uri, Optional<String> token, Path incomplete, Expected expected, String name)
            throws IOException {
        long have = size(incomplete);
        if (expected.size() >= 0 && have > expected.size()) {
            Files.delete(incomplete);
            have = 0;
        }
        if (expected.size() >= 0 && have == expected.size()) {
            return true;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept-Encoding", "identity");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream(), name);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && have > 0) {
                Files.delete(incomplete);
                return false;
            }
            if (status != 200 && status != 206) {
                throw statusError(status, response.headers().firstValue("X-Error-Code").orElse(""), name, uri, token);
            }
            boolean append = status == 206;
            long total = expected.size() >= 0 ? expected.size()
                    : response.headers().firstValueAsLong("Content-Length").orElse(-1) + (append ? have : 0);
            copy(body, incomplete, append, total, append ? have : 0, name);
        }
        return true;
    }

    /**
     * Appends the body to the file. A body that sends no byte for the timeout is closed by a
     * watchdog (a stalled read would otherwise block for ever), which breaks the transfer off, to
     * be resumed.
     */
    private void copy(InputStream body, Path incomplete, boolean append, long total, long already, String name)
            throws IOException {
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastRead.get() > timeout.toNanos() && !stalled.getAndSet(true)) {
                try {
                    body.close();
                } catch (IOException e) {
                    LOG.debug("closing a stalled download", e);
                }
            }
        }, WATCHDOG_PERIOD_MS, WATCHDOG_PERIOD_MS, TimeUnit.MILLISECONDS);
        try (DownloadProgress.Bar bar = progress.start(name, total, already);
                OutputStream out = Files.newOutputStream(incomplete, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw new BrokenTransfer(stalled.get()
                            ? new IOException("no byte came for " + timeout.toSeconds() + " s", e) : e);
                }
                if (n < 0) {
                    break;
                }
                lastRead.set(System.nanoTime());
                out.write(buffer, 0, n);
                bar.accept(n);
            }
        } finally {
            watchdog.cancel(false);
        }
        if (total >= 0 && size(incomplete) < total) {
            throw new BrokenTransfer(new IOException("the server ended the file at " + size(incomplete) + " of " + total + " bytes"));
        }
    }

    /**
     * Sends a request, turning a failure to get an answer into a {@link HubException} that says
     * why: unreachable, no answer within the timeout, or interrupted.
     *
     * @param request the request
     * @param body what to do with the answer's body
     * @param name the file as shown in messages
     * @param <T> the body's type
     * @return the answer, of any status
     * @throws HubException when there is no answer
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String name) throws HubException {
        try {
            return client.send(request, body);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(request.uri(), e);
        } catch (HttpTimeoutException e) {
            throw new HubException(Reason.TIMEOUT, name + ": " + request.uri().getHost() + " did not answer within "
                    + timeout.toSeconds() + " s (set HF_HUB_DOWNLOAD_TIMEOUT to wait longer)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(Reason.UNREACHABLE, name + ": interrupted while waiting for " + request.uri().getHost(),
                    new InterruptedIOException());
        } catch (IOException e) {
            throw unreachable(request.uri(), e);
        }
    }

    /**
     * The error for a server that cannot be reached.
     *
     * @param uri what was asked
     * @param e the failure
     * @return the exception
     */
    static HubException unreachable(URI uri, IOException e) {
        return new HubException(Reason.UNREACHABLE, "cannot reach " + uri.getScheme() + "://" + uri.getAuthority()
                + " (" + describe(e) + ")", e);
    }

    /**
     * The error for an HTTP status that is not success.
     *
     * @param status the status
     * @param errorCode the hub's {@code X-Error-Code} header, or empty
     * @param name the file as shown
     * @param uri what was asked
     * @param token the token that was sent, if any
     * @return the exception
     */
    static HubException statusError(int status, String errorCode, String name, URI uri, Optional<String> token) {
        String code = errorCode.isEmpty() ? "" : ", " + errorCode;
        if (status == 401 || status == 403) {
            String hint = token.isPresent() ? "the token given (HF_TOKEN or the token file) was refused or cannot read it"
                    : "it may be gated or private: set HF_TOKEN to a token that can read it";
            return new HubException(Reason.ACCESS_DENIED, name + ": access denied by " + uri.getHost() + " (HTTP " + status
                    + code + "); " + hint);
        }
        if (status == 404) {
            return new HubException(Reason.NOT_FOUND, name + ": not found at " + uri + " (HTTP 404" + code
                    + "); check the name, the revision and HF_ENDPOINT");
        }
        return new HubException(Reason.BAD_ANSWER, name + ": " + uri + " answered HTTP " + status + code);
    }

    private static void verify(Path file, Expected expected, String name) throws IOException {
        long size = size(file);
        String failure = null;
        if (expected.size() >= 0 && size != expected.size()) {
            failure = "it has " + size + " bytes, the server stated " + expected.size();
        } else if (expected.hasHash()) {
            String sha256 = digest(file, "SHA-256", null);
            if (expected.sha256().isPresent() && !expected.sha256().get().equals(sha256)) {
                failure = "its SHA-256 is " + sha256 + ", expected " + expected.sha256().get();
            } else if (expected.sha256Prefix().isPresent() && !sha256.startsWith(expected.sha256Prefix().get())) {
                failure = "its SHA-256 is " + sha256 + ", which does not start with " + expected.sha256Prefix().get();
            } else if (expected.gitBlobSha1().isPresent()) {
                String sha1 = digest(file, "SHA-1", ("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
                if (!expected.gitBlobSha1().get().equals(sha1)) {
                    failure = "its git blob SHA-1 is " + sha1 + ", the server stated " + expected.gitBlobSha1().get();
                }
            }
        }
        if (failure != null) {
            Files.delete(file);
            throw new HubException(Reason.VERIFICATION_FAILED, name + ": the downloaded file is not the one stated: "
                    + failure + ". Nothing was cached; if it happens again, the mirror (HF_ENDPOINT) or a proxy changes it");
        }
    }

    private static String digest(Path file, String algorithm, byte[] header) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
        if (header != null) {
            digest.update(header);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "no error recorded";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "host name not found: no DNS or no network";
            }
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** A read from the server that failed mid-file: worth resuming. */
    private static final class BrokenTransfer extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenTransfer(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
