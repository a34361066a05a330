package io.mixnetspark.hub;

import io.mixnetspark.hub.HubException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code HubClient} gets files from the Hugging Face Hub (or the mirror {@code HF_ENDPOINT} names)
 * into the hub cache, as {@code huggingface_hub.hf_hub_download} does:
 *
 * <ol>
 *   <li>offline ({@code HF_HUB_OFFLINE}): the cached copy, or an error naming where to place it;</li>
 *   <li>else a {@code HEAD} of {@code ENDPOINT/ORG/REPO/resolve/REVISION/PATH} (redirects not
 *       followed) gives the commit ({@code X-Repo-Commit}), the ETag ({@code X-Linked-Etag} for LFS
 *       files: their SHA-256), the size, and for LFS files the storage URL ({@code Location});</li>
 *   <li>a blob already cached under that ETag is linked, not downloaded again; else it is
 *       downloaded through {@link VerifiedDownload} and checked against the ETag's hash;</li>
 *   <li>when the hub cannot be reached, a cached copy of the revision is used with a warning.</li>
 * </ol>
 *
 * <p>The token goes to the endpoint's host only, never to a storage host it redirects to, and is
 * never logged.
 */
public final class HubClient {

    private static final Logger LOG = LoggerFactory.getLogger(HubClient.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final int MAX_RELATIVE_REDIRECTS = 5;

    private final HubEnvironment env;
    private final HubCache cache;
    private final VerifiedDownload download;

    /**
     * Creates a client.
     *
     * @param env the settings
     * @param progress where download progress is shown
     */
    public HubClient(HubEnvironment env, DownloadProgress progress) {
        this.env = env;
        this.cache = new HubCache(env.hubCache());
        this.download = new VerifiedDownload(
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(env.timeout()).build(),
                env.timeout(), progress);
    }

    /**
     * Creates the client of this process: the settings of its environment ({@link
     * HubEnvironment#current()}), progress drawn on standard error.
     *
     * @return the client
     */
    public static HubClient forThisProcess() {
        return new HubClient(HubEnvironment.current(), DownloadProgress.console(System.err));
    }

    /**
     * Returns the settings this client uses.
     *
     * @return the settings
     */
    public HubEnvironment environment() {
        return env;
    }

    /**
     * Returns a hub file's local path, downloading it when the cache does not hold the revision's
     * current version.
     *
     * @param file the file
     * @param pinnedSha256 the SHA-256 the project knows for it, if any (checked as well)
     * @return the file in the cache's snapshot folder
     * @throws HubException when it cannot be had, naming why and what to do
     * @throws IOException when the cache cannot be read
     */
    public Path download(HubFile file, Optional<String> pinnedSha256) throws IOException {
        Optional<Path> cached = cache.find(file);
        if (env.offline()) {
            return cached.orElseThrow(() -> notCached(file, "HF_HUB_OFFLINE is set"));
        }
        Metadata meta;
        try {
            meta = head(file);
        } catch (HubException e) {
            if (e.noNetwork() && cached.isPresent()) {
                LOG.warn("{} ({}); using the cached copy {}", e.getMessage(), file, cached.get());
                return cached.get();
            }
            throw e.noNetwork() ? notCached(file, e.getMessage()) : e;
        }
        Path snapshot = cache.snapshot(file, meta.commit);
        Path blob = cache.blob(file, meta.etag);
        if (!Files.isRegularFile(blob)) {
            boolean sameHost = meta.downloadUrl.getHost().equalsIgnoreCase(env.endpoint().getHost())
                    && meta.downloadUrl.getPort() == env.endpoint().getPort();
            download.fetch(meta.downloadUrl, sameHost ? env.token() : Optional.empty(), blob, cache.lock(file, meta.etag),
                    expected(meta, pinnedSha256), file.toString());
        } else if (Files.isRegularFile(snapshot)) {
            return snapshot;
        }
        return cache.link(file, meta.commit, meta.etag);
    }

    /**
     * Returns a file from a plain URL (not a hub repository, e.g. MindCV's checkpoints), kept in
     * the assets cache as {@code ASSETS/mixnet-spark/NAMESPACE/FILE}; downloaded once, then reused.
     *
     * @param url where it is
     * @param namespace the folder under {@code mixnet-spark/}, e.g. {@code mindcv}
     * @param sha256Prefix the first hex digits of its SHA-256 when known (e.g. from its name)
     * @return the cached file
     * @throws HubException when it cannot be had, naming why and where to place it by hand
     */
    public Path downloadAsset(URI url, String namespace, Optional<String> sha256Prefix) throws HubException {
        String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        Path target = env.assetsCache().resolve("mixnet-spark").resolve(namespace).resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String place = name + " is not in the cache: download " + url + " and place it at " + target
                + " (or give it with --ckpt_path)";
        if (env.offline()) {
            throw new HubException(Reason.NOT_CACHED, "HF_HUB_OFFLINE is set, and " + place);
        }
        try {
            return download.fetch(url, Optional.empty(), target, target.resolveSibling(name + ".lock"),
                    new VerifiedDownload.Expected(-1, Optional.empty(), sha256Prefix, Optional.empty()), name);
        } catch (HubException e) {
            throw e.noNetwork() ? new HubException(Reason.NOT_CACHED, e.getMessage() + "; " + place, e) : e;
        }
    }

    private VerifiedDownload.Expected expected(Metadata meta, Optional<String> pinnedSha256) throws HubException {
        Optional<String> lfs = SHA256.matcher(meta.etag).matches() ? Optional.of(meta.etag) : Optional.empty();
        if (pinnedSha256.isPresent() && lfs.isPresent() && !pinnedSha256.get().equals(lfs.get())) {
            throw new HubException(Reason.VERIFICATION_FAILED, "the hub states SHA-256 " + lfs.get()
                    + " but this project pins " + pinnedSha256.get() + ": the repository's file changed; nothing was downloaded");
        }
        Optional<String> gitSha1 = SHA1.matcher(meta.etag).matches() ? Optional.of(meta.etag) : Optional.empty();
        return new VerifiedDownload.Expected(meta.size, pinnedSha256.or(() -> lfs), Optional.empty(), gitSha1);
    }

    private Metadata head(HubFile file) throws HubException {
        URI uri = file.resolveUrl(env.endpoint());
        for (int hop = 0; hop <= MAX_RELATIVE_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(env.timeout())
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "identity");
            env.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
            HttpResponse<Void> response = download.send(request.build(), HttpResponse.BodyHandlers.discarding(),
                    file.toString());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            boolean redirect = status >= 300 && status < 400 && location.isPresent();
            if (redirect && !URI.create(location.get()).isAbsolute()) {
                uri = uri.resolve(location.get());
                continue;
            }
            if (status != 200 && !redirect) {
                throw VerifiedDownload.statusError(status, response.headers().firstValue("X-Error-Code").orElse(""),
                        file.toString(), uri, env.token());
            }
            String commit = response.headers().firstValue("X-Repo-Commit").orElse("").toLowerCase(Locale.ROOT);
            String etag = normalizeEtag(response.headers().firstValue("X-Linked-Etag")
                    .or(() -> response.headers().firstValue("ETag")).orElse(""));
            long size = response.headers().firstValueAsLong("X-Linked-Size")
                    .orElse(redirect ? -1 : response.headers().firstValueAsLong("Content-Length").orElse(-1));
            if (!SHA1.matcher(commit).matches() || etag.isEmpty() || etag.contains("/") || etag.startsWith(".")) {
                throw new HubException(Reason.BAD_ANSWER, file + ": " + uri.getHost() + " did not state the file's commit"
                        + " and ETag (X-Repo-Commit, X-Linked-Etag or ETag): is HF_ENDPOINT (" + env.endpoint()
                        + ") a Hugging Face Hub or mirror?");
            }
            return new Metadata(commit, etag, size, redirect ? URI.create(location.get()) : uri);
        }
        throw new HubException(Reason.BAD_ANSWER, file + ": more than " + MAX_RELATIVE_REDIRECTS + " redirects from " + uri.getHost());
    }

    private HubException notCached(HubFile file, String why) {
        Path where = cache.repoFolder(file);
        return new HubException(Reason.NOT_CACHED, why + ", and " + file + " is not in the cache " + env.hubCache()
                + ". Fetch it where the hub is reachable (./mixnet pretrained NAME, or huggingface-cli download "
                + file.repo() + ") and copy " + where.getFileName() + "/ into " + env.hubCache()
                + " (or set MIXNET_CACHE / HF_HOME to a folder holding it), or give the weights file with --ckpt_path");
    }

    private static String normalizeEtag(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** What a {@code HEAD} of a file states. */
    private record Metadata(String commit, String etag, long size, URI downloadUrl) {}
}
