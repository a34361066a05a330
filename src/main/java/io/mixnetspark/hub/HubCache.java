package io.mixnetspark.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code HubCache} is the Hugging Face Hub cache layout under one folder, the layout Python's
 * {@code huggingface_hub} reads and writes, so either side reuses the other's downloads:
 *
 * <pre>
 * models--ORG--REPO/
 *   blobs/ETAG                   the file's bytes, named by its ETag (SHA-256 for LFS files)
 *   snapshots/COMMIT/PATH        a relative link to ../../blobs/ETAG
 *   refs/REVISION                the commit a branch or tag pointed at when last asked
 * .locks/models--ORG--REPO/ETAG.lock
 * </pre>
 *
 * @param root the cache folder ({@code HF_HUB_CACHE})
 */
public record HubCache(Path root) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /**
     * Finds a file already in the cache, the way {@code huggingface_hub} does offline: a commit
     * revision directly, a branch or tag through its {@code refs/} entry.
     *
     * @param file the file
     * @return its snapshot path, when the cache holds it
     * @throws IOException when the refs entry cannot be read
     */
    public Optional<Path> find(HubFile file) throws IOException {
        String commit = file.revision();
        if (!file.pinnedToCommit()) {
            Path ref = repoFolder(file).resolve("refs").resolve(file.revision());
            if (!Files.isRegularFile(ref)) {
                return Optional.empty();
            }
            commit = Files.readString(ref, StandardCharsets.UTF_8).trim();
            if (!COMMIT.matcher(commit).matches()) {
                return Optional.empty();
            }
        }
        Path snapshot = snapshot(file, commit);
        return Files.isRegularFile(snapshot) ? Optional.of(snapshot) : Optional.empty();
    }

    /**
     * Returns where a file of a commit is linked.
     *
     * @param file the file
     * @param commit the commit the revision resolved to
     * @return {@code models--ORG--REPO/snapshots/COMMIT/PATH}
     */
    public Path snapshot(HubFile file, String commit) {
        return repoFolder(file).resolve("snapshots").resolve(commit).resolve(file.path());
    }

    /**
     * Returns where the bytes of a file with this ETag are kept.
     *
     * @param file the file
     * @param etag its ETag
     * @return {@code models--ORG--REPO/blobs/ETAG}
     */
    public Path blob(HubFile file, String etag) {
        return repoFolder(file).resolve("blobs").resolve(etag);
    }

    /**
     * Returns the lock file writers of this blob hold.
     *
     * @param file the file
     * @param etag its ETag
     * @return {@code .locks/models--ORG--REPO/ETAG.lock}
     */
    public Path lock(HubFile file, String etag) {
        return root.resolve(".locks").resolve(repoFolder(file).getFileName()).resolve(etag + ".lock");
    }

    /**
     * Links a downloaded blob into its commit's snapshot and records the commit of the revision.
     *
     * @param file the file
     * @param commit the commit the revision resolved to
     * @param etag the blob's ETag
     * @return the snapshot path
     * @throws IOException when the link or ref cannot be written
     */
    public Path link(HubFile file, String commit, String etag) throws IOException {
        Path snapshot = snapshot(file, commit);
        Files.createDirectories(snapshot.getParent());
        Path target = snapshot.getParent().relativize(blob(file, etag));
        Path temp = snapshot.resolveSibling(snapshot.getFileName() + ".link-" + ProcessHandle.current().pid());
        Files.deleteIfExists(temp);
        try {
            Files.createSymbolicLink(temp, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(blob(file, etag), temp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temp, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (!file.pinnedToCommit()) {
            Path ref = repoFolder(file).resolve("refs").resolve(file.revision());
            Files.createDirectories(ref.getParent());
            Path tempRef = ref.resolveSibling(ref.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Files.writeString(tempRef, commit, StandardCharsets.UTF_8);
            Files.move(tempRef, ref, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return snapshot;
    }

    /**
     * Returns a repository's folder.
     *
     * @param file any file of the repository
     * @return {@code models--ORG--REPO}
     */
    public Path repoFolder(HubFile file) {
        return root.resolve("models--" + file.repo().replace("/", "--"));
    }
}
