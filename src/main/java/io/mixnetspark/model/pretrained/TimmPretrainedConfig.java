package io.mixnetspark.model.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code TimmPretrainedConfig} is what a timm hub repository's {@code config.json} says about its
 * weights: the architecture, the class count (and names, when given), and the eval preprocessing
 * ({@code pretrained_cfg}: input size, crop fraction, interpolation, mean and std).
 *
 * @param architecture timm's model name, e.g. {@code mixnet_s}
 * @param numClasses classifier outputs
 * @param imageSize eval crop size (the last of {@code input_size})
 * @param cropPct eval crop fraction
 * @param interpolation the eval resize filter, e.g. {@code bicubic}
 * @param mean normalisation mean per RGB channel
 * @param std normalisation standard deviation per RGB channel
 * @param labelNames class names, when the file lists them
 */
public record TimmPretrainedConfig(String architecture, int numClasses, int imageSize, double cropPct,
        String interpolation, List<Double> mean, List<Double> std, Optional<List<String>> labelNames) {

    /** ImageNet's mean, the only one this project's eval pipeline applies. */
    public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);

    /** ImageNet's standard deviation, the only one this project's eval pipeline applies. */
    public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

    /** Largest class count read from a config (a bound against a damaged file). */
    private static final int MAX_CLASSES = 1_000_000;

    /**
     * Reads a {@code config.json}.
     *
     * @param file the file
     * @return what it says
     * @throws IOException when it cannot be read, is not JSON or lacks a field (named)
     */
    public static TimmPretrainedConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.newInputStream(file));
        } catch (IOException e) {
            throw new IOException(file + " is not a JSON object (timm's config.json): " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a JSON object (timm's config.json)");
        }
        JsonNode cfg = root.path("pretrained_cfg");
        int classes = integer(file, root, "num_classes", cfg.path("num_classes").asInt(1000));
        if (classes < 1 || classes > MAX_CLASSES) {
            throw new IOException(file + ": num_classes must be from 1 to " + MAX_CLASSES + ", got " + classes);
        }
        JsonNode inputSize = cfg.path("input_size");
        int imageSize = inputSize.isArray() && inputSize.size() == 3 && inputSize.get(2).isInt() ? inputSize.get(2).asInt() : 224;
        return new TimmPretrainedConfig(text(file, root, "architecture"), classes, imageSize,
                cfg.path("crop_pct").isNumber() ? cfg.path("crop_pct").asDouble() : 0.875,
                cfg.path("interpolation").isTextual() ? cfg.path("interpolation").asText() : "bicubic",
                numbers(file, cfg, "mean", IMAGENET_MEAN), numbers(file, cfg, "std", IMAGENET_STD),
                labels(file, root, classes));
    }

    private static String text(Path file, JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(file + ": field " + field + " must be a string (timm's config.json)");
        }
        return value.asText();
    }

    private static int integer(Path file, JsonNode node, String field, int fallback) throws IOException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IOException(file + ": field " + field + " must be an integer, got " + value);
        }
        return value.asInt();
    }

    private static List<Double> numbers(Path file, JsonNode cfg, String field, List<Double> fallback) throws IOException {
        JsonNode value = cfg.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isArray() || value.size() != 3) {
            throw new IOException(file + ": pretrained_cfg." + field + " must be 3 numbers, got " + value);
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode v : value) {
            if (!v.isNumber()) {
                throw new IOException(file + ": pretrained_cfg." + field + " must be 3 numbers, got " + value);
            }
            out.add(v.asDouble());
        }
        return List.copyOf(out);
    }

    private static Optional<List<String>> labels(Path file, JsonNode root, int classes) throws IOException {
        JsonNode value = root.get("label_names");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() != classes) {
            throw new IOException(file + ": label_names must list " + classes + " names (num_classes)");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> out.add(v.asText()));
        return Optional.of(List.copyOf(out));
    }
}
