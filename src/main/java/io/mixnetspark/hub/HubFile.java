package io.mixnetspark.hub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * {@code HubFile} names one file of a model repository on the hub: {@code ORG/REPO}, a revision (a
 * branch, tag or commit; {@code main} by default) and the file's path in the repository.
 *
 * @param repo the repository id, {@code ORG/REPO}
 * @param revision the branch, tag or 40-digit commit
 * @param path the file's path inside the repository
 */
public record HubFile(String repo, String revision, String path) {

    /** The branch read when none is named. */
    public static final String DEFAULT_REVISION = "main";

    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /**
     * Checks the names.
     *
     * @param repo the repository id, {@code ORG/REPO}
     * @param revision the branch, tag or commit
     * @param path the file's path inside the repository
     * @throws IllegalArgumentException naming what is wrong
     */
    public HubFile {
        if (repo == null || !REPO.matcher(repo).matches() || repo.contains("..")) {
            throw new IllegalArgumentException("a hub repository is ORG/REPO (letters, digits, '_', '.', '-'), got " + repo);
        }
        if (revision == null || revision.isEmpty() || revision.contains("..") || revision.startsWith("/")) {
            throw new IllegalArgumentException("bad revision for " + repo + ": " + revision);
        }
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("a file in " + repo + " is a relative path without '..', got " + path);
        }
    }

    /**
     * Names a file on the default branch.
     *
     * @param repo the repository id
     * @param path the file's path inside it
     * @return the file
     */
    public static HubFile of(String repo, String path) {
        return new HubFile(repo, DEFAULT_REVISION, path);
    }

    /**
     * Returns the same repository and revision's file at another path.
     *
     * @param otherPath the other file's path
     * @return the sibling file
     */
    public HubFile sibling(String otherPath) {
        return new HubFile(repo, revision, otherPath);
    }

    /**
     * Whether the revision is a commit hash rather than a branch or tag.
     *
     * @return true for a 40-digit hexadecimal revision
     */
    public boolean pinnedToCommit() {
        return COMMIT.matcher(revision).matches();
    }

    /**
     * Returns the URL that serves this file: {@code ENDPOINT/ORG/REPO/resolve/REVISION/PATH}.
     *
     * @param endpoint the hub or mirror
     * @return the URL
     */
    public URI resolveUrl(URI endpoint) {
        return URI.create(endpoint + "/" + repo + "/resolve/" + URLEncoder.encode(revision, StandardCharsets.UTF_8)
                + "/" + path);
    }

    /** Shows {@code ORG/REPO/PATH@REVISION}. */
    @Override
    public String toString() {
        return repo + "/" + path + "@" + revision;
    }
}
