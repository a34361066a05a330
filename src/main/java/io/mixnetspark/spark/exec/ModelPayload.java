package io.mixnetspark.spark.exec;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import java.io.Serializable;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code ModelPayload} is what executors need to rebuild a trained network: its configuration,
 * its weights (safetensors bytes with timm keys) and its class names. It is broadcast once per job;
 * {@link #key()} identifies it in the per-JVM model cache.
 *
 * @param config the network configuration
 * @param weights safetensors bytes
 * @param classes class ids and names, one per output
 */
public record ModelPayload(MixNetConfig config, byte[] weights, ClassNames classes) implements Serializable {

    /** Checks that classes and outputs agree. */
    public ModelPayload {
        if (classes.size() != config.numClasses()) {
            throw new IllegalArgumentException("the network has " + config.numClasses()
                    + " outputs but " + classes.size() + " class names were given");
        }
    }

    /**
     * A content key: the same config and weights give the same key in every JVM.
     *
     * @return hex SHA-256 of the config and weights
     */
    public String key() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(weights);
            return String.format("%064x", new BigInteger(1, digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
