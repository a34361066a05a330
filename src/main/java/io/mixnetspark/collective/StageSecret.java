package io.mixnetspark.collective;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code StageSecret} is the key that the ranks of one collective share and prove to each other
 * in the {@link Handshake} (HMAC-SHA256 over fresh nonces; the key itself never crosses the
 * ring's sockets). The driver generates one per barrier stage and hands it to the tasks with the
 * task closure; a connection from anyone without it is closed before any data is read.
 */
public final class StageSecret {

    private static final int BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private StageSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Draws a new random secret (256 bits).
     *
     * @return the secret
     */
    public static StageSecret generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new StageSecret(key);
    }

    /**
     * Reads a secret from {@link #encoded()}.
     *
     * @param encoded the Base64 text
     * @return the secret
     * @throws IllegalArgumentException when the text is not a secret of this kind
     */
    public static StageSecret decode(String encoded) {
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a stage secret has " + BYTES + " bytes, got " + key.length);
        }
        return new StageSecret(key);
    }

    /**
     * Returns a secret derived from this one for a label, e.g. {@code "attempt 2"}: tasks of a
     * retried stage attempt derive theirs so that a lingering task of an earlier attempt, which
     * holds the stage's secret, cannot join the new ring.
     *
     * @param label what the derived secret is for
     * @return {@code HMAC(this, label)} as a secret
     */
    public StageSecret derive(String label) {
        return new StageSecret(mac(label.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Returns the secret as Base64 text, to send to the tasks (it is a serializable string).
     *
     * @return the text
     */
    public String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Returns the HMAC-SHA256 of the parts, concatenated.
     *
     * @param parts the message
     * @return 32 bytes
     */
    byte[] mac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is part of every Java runtime", e);
        }
    }

    /** Hides the key from logs. */
    @Override
    public String toString() {
        return "StageSecret[hidden]";
    }
}
