package io.mixnetspark.model.pretrained;

import io.mixnetspark.hub.HubFile;
import io.mixnetspark.model.arch.MixNetVariant;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PretrainedName} is a parsed name of pretrained weights:
 *
 * <ul>
 *   <li>{@code mixnet_s}, {@code mixnet_m}, {@code mixnet_l}: timm's ImageNet-1k weights on the
 *       Hugging Face Hub ({@code timm/mixnet_s.ft_in1k}, file {@code model.safetensors}, with its
 *       {@code config.json});</li>
 *   <li>{@code mindcv/mixnet_s} (and {@code _m}, {@code _l}): MindCV's released {@code .ckpt}
 *       ({@code TOOLKITS/mixnet/mixnet_s-2a5ef3a3.ckpt}; {@code ../shared/docs/mixnet-spec.md} 4.4),
 *       whose squeeze-excite uses ReLU;</li>
 *   <li>{@code hf://ORG/REPO[/FILE]}: any hub repository in timm's layout (default file
 *       {@code model.safetensors}, plus {@code config.json}).</li>
 * </ul>
 *
 * @param name the name as given
 * @param hubWeights the weights file on the hub (timm and {@code hf://} names)
 * @param mindCvFile MindCV's checkpoint file name (MindCV names)
 * @param variant the network, when the name fixes it (timm and MindCV names)
 */
public record PretrainedName(String name, Optional<HubFile> hubWeights, Optional<String> mindCvFile,
        Optional<MixNetVariant> variant) {

    /** The scheme of hub repository names. */
    public static final String HF_SCHEME = "hf://";

    /** The prefix of MindCV names. */
    public static final String MINDCV_PREFIX = "mindcv/";

    /** The weights file of a timm repository. */
    public static final String TIMM_WEIGHTS = "model.safetensors";

    /**
     * timm's hub repository per variant. No SHA-256 is pinned: the files could not be read where
     * this was written (no internet); the hub's stated SHA-256 (the LFS object id) is checked.
     */
    private static final Map<String, String> TIMM = Map.of(
            "mixnet_s", "timm/mixnet_s.ft_in1k", "mixnet_m", "timm/mixnet_m.ft_in1k", "mixnet_l", "timm/mixnet_l.ft_in1k");

    /** MindCV's checkpoint per variant ({@code mixnet.py}'s {@code default_cfgs}). */
    private static final Map<String, String> MINDCV = Map.of(
            "mixnet_s", "mixnet_s-2a5ef3a3.ckpt", "mixnet_m", "mixnet_m-74cc4cb1.ckpt", "mixnet_l", "mixnet_l-978edf2b.ckpt");

    /** The names accepted, for messages. */
    public static final String ALLOWED = "mixnet_s, mixnet_m, mixnet_l (timm's ImageNet weights), mindcv/mixnet_s,"
            + " mindcv/mixnet_m, mindcv/mixnet_l (MindCV's) or hf://ORG/REPO[/FILE] (a hub repository in timm's layout)";

    /**
     * Parses a name.
     *
     * @param name the name
     * @return the parsed name
     * @throws IllegalArgumentException naming the allowed names
     */
    public static PretrainedName parse(String name) {
        String n = name == null ? "" : name.trim();
        String lower = n.toLowerCase(Locale.ROOT);
        if (TIMM.containsKey(lower)) {
            return new PretrainedName(n, Optional.of(HubFile.of(TIMM.get(lower), TIMM_WEIGHTS)), Optional.empty(),
                    Optional.of(MixNetVariant.fromName(lower)));
        }
        Optional<String> mindCv = mindCvVariant(lower);
        if (mindCv.isPresent()) {
            return new PretrainedName(n, Optional.empty(), Optional.of(MINDCV.get(mindCv.get())),
                    Optional.of(MixNetVariant.fromName(mindCv.get())));
        }
        if (lower.startsWith(HF_SCHEME)) {
            String[] parts = n.substring(HF_SCHEME.length()).split("/", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException("pretrained name " + n + ": hf:// names are hf://ORG/REPO[/FILE]");
            }
            HubFile file = HubFile.of(parts[0] + "/" + parts[1], parts.length == 3 ? parts[2] : TIMM_WEIGHTS);
            return new PretrainedName(n, Optional.of(file), Optional.empty(), Optional.empty());
        }
        throw new IllegalArgumentException("unknown pretrained weights " + (n.isEmpty() ? "(empty)" : n) + "; allowed: " + ALLOWED);
    }

    /**
     * Whether a string is a pretrained name rather than a file path or URI: one of the fixed names,
     * or an {@code hf://} URI (which {@link #parse} may still refuse, naming what is wrong).
     *
     * @param value a name, path or URI
     * @return true when {@link #parse} reads it as a name
     */
    public static boolean isName(String value) {
        String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return TIMM.containsKey(lower) || mindCvVariant(lower).isPresent() || lower.startsWith(HF_SCHEME);
    }

    /** The variant of a MindCV name ({@code mindcv/mixnet_s}), lower-cased. */
    private static Optional<String> mindCvVariant(String lower) {
        return lower.startsWith(MINDCV_PREFIX) ? Optional.of(lower.substring(MINDCV_PREFIX.length()))
                .filter(MINDCV::containsKey) : Optional.empty();
    }

    /**
     * Returns MindCV's checkpoint URL under an endpoint.
     *
     * @param endpoint MindCV's toolkit base URI
     * @return {@code ENDPOINT/mixnet/FILE}
     */
    public URI mindCvUrl(URI endpoint) {
        return URI.create(endpoint + "/mixnet/" + mindCvFile.orElseThrow());
    }

    /**
     * The SHA-256 prefix in a MindCV file name ({@code mixnet_s-2a5ef3a3.ckpt}): the first 8 hex
     * digits of the file's SHA-256, torch.hub's naming convention, which MindCV's names follow.
     *
     * @return the prefix
     */
    public String mindCvSha256Prefix() {
        String file = mindCvFile.orElseThrow();
        return file.substring(file.indexOf('-') + 1, file.indexOf('-') + 9);
    }
}
