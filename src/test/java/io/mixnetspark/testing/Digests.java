package io.mixnetspark.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code Digests} fingerprints image bytes so tests can compare rows as strings. */
public final class Digests {

    private Digests() {}

    /**
     * Returns the SHA-256 of some bytes.
     *
     * @param bytes the data
     * @return the digest in lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
