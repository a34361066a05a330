package io.mixnetspark.model.weights;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code MindCvNames} translates parameter names between MindCV's MixNet ({@code
 * mindcv/models/mixnet.py}, spec section 4.2) and timm's ({@code efficientnet.py}, spec section
 * 4.1) for one variant, given the variant's block layout. Appendix A of the spec is the full
 * mixnet_s table; tensors transfer unchanged (both are OIHW), only names change.
 *
 * <p>The correspondence, per module:
 *
 * <ul>
 *   <li>stem: {@code stem_conv.0.weight} = {@code conv_stem.weight}, BN {@code stem_conv.1} =
 *       {@code bn1};
 *   <li>block {@code j} (the j-th entry of the layout, at timm {@code blocks.<stage>.<index>}),
 *       MindCV {@code layers.<j>.convs.<k>}: with expansion, k = 0 expand conv ({@code conv_pw}), 1
 *       BN ({@code bn1}), 3 mixed depthwise conv ({@code conv_dw}), 4 BN ({@code bn2}), 6 SE (when
 *       present: {@code se.conv_reduce}, {@code se.conv_expand}), then the projection conv ({@code
 *       conv_pwl}) at 7, or 6 without SE, and its BN ({@code bn3}) next; without expansion (timm's
 *       DS block), k = 0 depthwise conv ({@code conv_dw}), 1 BN ({@code bn1}), 3 SE when present,
 *       then the pointwise conv ({@code conv_pw}) and its BN ({@code bn2});
 *   <li>a grouped or mixed conv keeps its group suffix: {@code <k>.grouped_conv.<g>.weight} =
 *       {@code conv_pw.<g>.weight} and {@code <k>.grouped_conv.weight} = {@code conv_pw.weight}
 *       (likewise {@code mixed_depthwise_conv} = {@code conv_dw}, and the projection);
 *   <li>head: {@code head_conv.0.weight} = {@code conv_head.weight}, BN {@code head_conv.1} =
 *       {@code bn2}; {@code classifier.weight/bias} keep their names;
 *   <li>every BN: {@code gamma, beta, moving_mean, moving_variance} = {@code weight, bias,
 *       running_mean, running_var}; timm's {@code num_batches_tracked} has no MindCV counterpart.
 * </ul>
 *
 * <p><b>{@code ema.} names.</b> A MindCV training checkpoint may hold EMA copies {@code ema.<name>}
 * beside the raw weights (spec section 4.2). {@link #toTimm(String, boolean)} follows MindCV's
 * {@code load_model_checkpoint(ema=...)}: without EMA only the plain names map and {@code ema.}
 * names are ignored (null); with EMA only the {@code ema.} names map (prefix stripped) and the
 * plain ones are ignored, so exactly one copy of each parameter is taken either way. {@link
 * #toTimm(String)} is the non-EMA form.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MindCvNames {

    /** The prefix of EMA copies in a MindCV checkpoint. */
    public static final String EMA_PREFIX = "ema.";

    private static final String[] MINDCV_BN = {"gamma", "beta", "moving_mean", "moving_variance"};
    private static final String[] TIMM_BN = {"weight", "bias", "running_mean", "running_var"};
    private static final String TIMM_BN_COUNTER = "num_batches_tracked";

    /** Marks a timm name that is known but has no MindCV counterpart. */
    private static final String NO_COUNTERPART = new String("(none)");

    private enum Kind {
        /** A plain conv: {@code weight} only. */
        CONV,
        /** A conv that may be split into groups: {@code weight} or {@code <g>.weight}. */
        GROUPED_CONV,
        /** A conv with bias or a dense layer: {@code weight}, {@code bias}. */
        WEIGHT_BIAS,
        /** A BatchNorm: four tensors (timm has a fifth, {@code num_batches_tracked}). */
        BATCH_NORM
    }

    private static final class Module {
        final String mindCv;
        final String timm;
        final Kind kind;

        Module(String mindCv, String timm, Kind kind) {
            this.mindCv = mindCv;
            this.timm = timm;
            this.kind = kind;
        }
    }

    private final List<BlockLayout> blocks;
    private final Map<String, Module> byMindCv = new HashMap<>();
    private final Map<String, Module> byTimm = new HashMap<>();

    /**
     * Creates the mapping for a variant.
     *
     * @param blocks the variant's blocks in flat order (MindCV's {@code layers.<j>} is entry j); it
     *     must start at stage 0, index 0 and go on either with the next index of the same stage or
     *     with index 0 of the next stage
     * @throws IllegalArgumentException when the layout is empty or out of order
     */
    public MindCvNames(List<BlockLayout> blocks) {
        this.blocks = List.copyOf(blocks);
        if (this.blocks.isEmpty()) {
            throw new IllegalArgumentException("A MixNet layout needs at least one block");
        }
        add("stem_conv.0", "conv_stem", Kind.CONV);
        add("stem_conv.1", "bn1", Kind.BATCH_NORM);
        BlockLayout previous = null;
        for (int j = 0; j < this.blocks.size(); j++) {
            BlockLayout b = this.blocks.get(j);
            boolean inOrder =
                    previous == null
                            ? b.stage() == 0 && b.index() == 0
                            : (b.stage() == previous.stage() && b.index() == previous.index() + 1)
                                    || (b.stage() == previous.stage() + 1 && b.index() == 0);
            if (!inOrder) {
                throw new IllegalArgumentException(
                        "Block layout entry "
                                + j
                                + " "
                                + b
                                + " does not follow "
                                + (previous == null ? "the start (stage 0, index 0)" : previous));
            }
            addBlock(j, b);
            previous = b;
        }
        add("head_conv.0", "conv_head", Kind.CONV);
        add("head_conv.1", "bn2", Kind.BATCH_NORM);
        add("classifier", "classifier", Kind.WEIGHT_BIAS);
    }

    private void addBlock(int j, BlockLayout b) {
        String m = "layers." + j + ".convs.";
        String t = "blocks." + b.stage() + "." + b.index() + ".";
        int k = 0;
        String depthwiseBn = "bn1";
        String projection = "conv_pw";
        String projectionBn = "bn2";
        if (b.expansion()) {
            add(m + "0.grouped_conv", t + "conv_pw", Kind.GROUPED_CONV);
            add(m + "1", t + "bn1", Kind.BATCH_NORM);
            k = 3; // 2 is the activation
            depthwiseBn = "bn2";
            projection = "conv_pwl";
            projectionBn = "bn3";
        }
        add(m + k + ".mixed_depthwise_conv", t + "conv_dw", Kind.GROUPED_CONV);
        add(m + (k + 1), t + depthwiseBn, Kind.BATCH_NORM);
        k += 3; // k + 2 is the activation
        if (b.squeezeExcite()) {
            add(m + k + ".conv_reduce", t + "se.conv_reduce", Kind.WEIGHT_BIAS);
            add(m + k + ".conv_expand", t + "se.conv_expand", Kind.WEIGHT_BIAS);
            k++;
        }
        add(m + k + ".grouped_conv", t + projection, Kind.GROUPED_CONV);
        add(m + (k + 1), t + projectionBn, Kind.BATCH_NORM);
    }

    private void add(String mindCv, String timm, Kind kind) {
        Module module = new Module(mindCv, timm, kind);
        byMindCv.put(mindCv, module);
        byTimm.put(timm, module);
    }

    /**
     * Returns the layout this mapping was built from.
     *
     * @return the blocks in flat order (unmodifiable)
     */
    public List<BlockLayout> blocks() {
        return blocks;
    }

    /**
     * Translates a MindCV parameter name to timm's, ignoring EMA copies; same as {@code
     * toTimm(mindCvName, false)}.
     *
     * @param mindCvName a tag from a MindCV checkpoint, e.g. {@code
     *     layers.3.convs.6.conv_reduce.weight}
     * @return the timm name, e.g. {@code blocks.2.0.se.conv_reduce.weight}; null when the name is
     *     not a parameter of this layout (optimizer state such as {@code moments.*}, {@code
     *     learning_rate}, {@code momentum}, {@code global_step}, loss-scale entries, {@code ema.*}
     *     copies, or a module this layout does not have)
     */
    public String toTimm(String mindCvName) {
        return toTimm(mindCvName, false);
    }

    /**
     * Translates a MindCV parameter name to timm's, choosing between raw weights and EMA copies as
     * MindCV's {@code load_model_checkpoint(ema=...)} does.
     *
     * @param mindCvName a tag from a MindCV checkpoint
     * @param ema false: map plain names and ignore {@code ema.*}; true: map {@code ema.<name>} as
     *     {@code <name>} and ignore plain names
     * @return the timm name, or null when the name is not a (selected) parameter of this layout
     */
    public String toTimm(String mindCvName, boolean ema) {
        Objects.requireNonNull(mindCvName, "mindCvName");
        boolean isEma = mindCvName.startsWith(EMA_PREFIX);
        if (isEma != ema) {
            return null;
        }
        String name = isEma ? mindCvName.substring(EMA_PREFIX.length()) : mindCvName;
        String timm = translate(name, byMindCv, false);
        return timm == NO_COUNTERPART ? null : timm;
    }

    /**
     * Translates a timm parameter name to MindCV's.
     *
     * @param timmName a timm state_dict key, e.g. {@code blocks.1.0.conv_pw.1.weight}
     * @return the MindCV name, e.g. {@code layers.1.convs.0.grouped_conv.1.weight}; null for a BN's
     *     {@code num_batches_tracked}, which MindSpore does not have
     * @throws IllegalArgumentException when the name is not a timm parameter of this layout
     */
    public String toMindCv(String timmName) {
        Objects.requireNonNull(timmName, "timmName");
        String mindCv = translate(timmName, byTimm, true);
        if (mindCv == null) {
            throw new IllegalArgumentException(
                    "'"
                            + timmName
                            + "' is not a timm parameter of this MixNet layout ("
                            + blocks.size()
                            + " blocks)");
        }
        return mindCv == NO_COUNTERPART ? null : mindCv;
    }

    /**
     * Maps one name through the module table.
     *
     * @return the other name, {@link #NO_COUNTERPART}, or null when unknown
     */
    private static String translate(String name, Map<String, Module> table, boolean fromTimm) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String leaf = name.substring(dot + 1);
        Module module = table.get(name.substring(0, dot));
        if (module != null) {
            String target = fromTimm ? module.mindCv : module.timm;
            switch (module.kind) {
                case CONV:
                case GROUPED_CONV:
                    return leaf.equals("weight") ? target + ".weight" : null;
                case WEIGHT_BIAS:
                    return leaf.equals("weight") || leaf.equals("bias")
                            ? target + "." + leaf
                            : null;
                case BATCH_NORM:
                    String[] from = fromTimm ? TIMM_BN : MINDCV_BN;
                    String[] to = fromTimm ? MINDCV_BN : TIMM_BN;
                    for (int i = 0; i < from.length; i++) {
                        if (from[i].equals(leaf)) {
                            return target + "." + to[i];
                        }
                    }
                    return fromTimm && leaf.equals(TIMM_BN_COUNTER) ? NO_COUNTERPART : null;
                default:
                    throw new AssertionError(module.kind);
            }
        }
        // A conv split into groups: <module>.<g>.weight on both sides.
        int groupDot = name.lastIndexOf('.', dot - 1);
        if (groupDot <= 0 || !leaf.equals("weight")) {
            return null;
        }
        String group = name.substring(groupDot + 1, dot);
        module = table.get(name.substring(0, groupDot));
        if (module == null || module.kind != Kind.GROUPED_CONV || !isGroupIndex(group)) {
            return null;
        }
        return (fromTimm ? module.mindCv : module.timm) + "." + group + ".weight";
    }

    private static boolean isGroupIndex(String s) {
        if (s.isEmpty() || s.length() > 4 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
