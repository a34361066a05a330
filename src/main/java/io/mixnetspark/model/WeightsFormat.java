package io.mixnetspark.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code WeightsFormat} names the weight file formats mixnet-spark reads: safetensors with timm's
 * keys, and MindSpore checkpoints from MindCV. The format is recognised from the file's first
 * bytes, not its name.
 */
public enum WeightsFormat {
    /** Hugging Face safetensors with timm parameter names. */
    SAFETENSORS,
    /** MindSpore {@code .ckpt} (protobuf) with MindCV parameter names. */
    MINDSPORE_CKPT;

    /**
     * Recognises a file's format from its content.
     *
     * @param file the weights file
     * @return the format
     * @throws IOException when the file cannot be read or is neither format
     */
    public static WeightsFormat detect(Path file) throws IOException {
        byte[] head = new byte[9];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        long size = Files.size(file);
        if (read == head.length && SafetensorsFile.looksLike(head, size)) {
            return SAFETENSORS;
        }
        // A MindSpore checkpoint is a protobuf Checkpoint: field 1 (value), wire type 2.
        if (read > 0 && head[0] == 0x0A) {
            return MINDSPORE_CKPT;
        }
        throw new io.mixnetspark.model.weights.CorruptWeightsException(
                file + " (" + size + " bytes) is neither a safetensors file nor a MindSpore checkpoint"
                        + (size == 0 ? ": the file is empty" : ""));
    }

    /**
     * Parses a format name as the command line writes it.
     *
     * @param name {@code safetensors} or {@code ckpt}
     * @return the format
     */
    public static WeightsFormat parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "safetensors":
                return SAFETENSORS;
            case "ckpt":
            case "mindspore":
                return MINDSPORE_CKPT;
            default:
                throw new IllegalArgumentException(
                        "Unknown weights format '" + name + "': allowed values are safetensors, ckpt");
        }
    }
}
