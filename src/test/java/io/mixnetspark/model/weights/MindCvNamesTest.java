package io.mixnetspark.model.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.SharedData;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MindCV and timm names of mixnet_s against the spec's Appendix A table. */
class MindCvNamesTest {

    private static final String[] TIMM_BN = {"weight", "bias", "running_mean", "running_var"};
    private static final String[] MINDCV_BN = {"gamma", "beta", "moving_mean", "moving_variance"};

    /** mixnet_s in flat order: stages of 1, 2, 4, 3, 3, 3 blocks (spec 1.3). */
    static List<BlockLayout> mixnetS() {
        List<BlockLayout> blocks = new ArrayList<>();
        blocks.add(new BlockLayout(0, 0, false, false));
        int[] repeats = {1, 2, 4, 3, 3, 3};
        for (int stage = 1; stage < repeats.length; stage++) {
            for (int i = 0; i < repeats[stage]; i++) {
                blocks.add(new BlockLayout(stage, i, true, stage >= 2));
            }
        }
        return blocks;
    }

    /** One row of Appendix A. */
    private record Row(String timm, String mindCv, boolean batchNorm) {}

    private static List<Row> appendixA() throws IOException {
        List<String> lines =
                Files.readAllLines(
                        SharedData.require("docs/mixnet-spec.md"), StandardCharsets.UTF_8);
        Pattern row = Pattern.compile("^\\| `([^`]+)`( \\(BN\\))? \\| `([^`]+)`( \\(BN\\))? \\|");
        List<Row> rows = new ArrayList<>();
        boolean inAppendix = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inAppendix = line.startsWith("## Appendix A");
                continue;
            }
            Matcher m = inAppendix ? row.matcher(line) : null;
            if (m != null && m.find()) {
                boolean bn = m.group(2) != null;
                assertEquals(bn, m.group(4) != null, line);
                rows.add(new Row(m.group(1), m.group(3), bn));
            }
        }
        return rows;
    }

    @Test
    void everyAppendixRowMapsBothWays() throws IOException {
        List<Row> rows = appendixA();
        assertEquals(200, rows.size(), "Appendix A rows");
        assertEquals(49, rows.stream().filter(Row::batchNorm).count(), "BN rows");
        MindCvNames names = new MindCvNames(mixnetS());
        Set<String> timmNames = new HashSet<>();
        int tensors = 0;
        for (Row r : rows) {
            if (!r.batchNorm()) {
                check(names, r.timm(), r.mindCv());
                timmNames.add(r.timm());
                tensors++;
                continue;
            }
            assertTrue(r.timm().endsWith(".*") && r.mindCv().endsWith(".*"), r.toString());
            String t = r.timm().substring(0, r.timm().length() - 2);
            String m = r.mindCv().substring(0, r.mindCv().length() - 2);
            for (int i = 0; i < TIMM_BN.length; i++) {
                check(names, t + "." + TIMM_BN[i], m + "." + MINDCV_BN[i]);
                timmNames.add(t + "." + TIMM_BN[i]);
                tensors++;
            }
            assertNull(names.toMindCv(t + ".num_batches_tracked"), "no MindSpore counterpart");
        }
        assertEquals(151 + 49 * 4, tensors);
        assertEquals(tensors, timmNames.size(), "timm names are distinct");
    }

    private static void check(MindCvNames names, String timm, String mindCv) {
        assertEquals(timm, names.toTimm(mindCv), mindCv);
        assertEquals(mindCv, names.toMindCv(timm), timm);
        // EMA copies: taken only when asked for, and then instead of the raw weights.
        assertNull(names.toTimm(MindCvNames.EMA_PREFIX + mindCv), "ema ignored by default");
        assertEquals(timm, names.toTimm(MindCvNames.EMA_PREFIX + mindCv, true));
        assertNull(names.toTimm(mindCv, true), "raw weights ignored when EMA is chosen");
    }

    @Test
    void optimizerAndTrainingStateMapToNull() {
        MindCvNames names = new MindCvNames(mixnetS());
        for (String name :
                List.of(
                        "moments.stem_conv.0.weight",
                        "moments.layers.3.convs.6.conv_reduce.weight",
                        "moments.classifier.bias",
                        "learning_rate",
                        "momentum",
                        "global_step",
                        "scale_sense",
                        "current_iterator_step",
                        "last_overflow_iterator_step",
                        "epoch_num",
                        "step_num",
                        "accum.classifier.weight",
                        "ema.moments.classifier.weight",
                        "random_op",
                        "classifier",
                        "classifier.gamma",
                        "stem_conv.1.weight",
                        "stem_conv.0.0.weight",
                        "layers.16.convs.0.grouped_conv.weight",
                        "layers.1.convs.6.conv_reduce.weight",
                        "layers.1.convs.2.weight",
                        "layers.1.convs.0.grouped_conv.01.weight",
                        "layers.1.convs.0.grouped_conv.0.bias")) {
            assertNull(names.toTimm(name), name);
            assertNull(names.toTimm(name, true), name);
        }
    }

    @Test
    void unknownTimmNamesAreRejected() {
        MindCvNames names = new MindCvNames(mixnetS());
        for (String name :
                List.of(
                        "blocks.1.0.se.conv_reduce.weight",
                        "blocks.6.0.conv_pw.weight",
                        "blocks.0.0.conv_pwl.weight",
                        "blocks.0.0.bn3.weight",
                        "conv_stem.0.weight",
                        "conv_stem.bias",
                        "bn1.gamma",
                        "blocks.1.0.conv_pw.01.weight",
                        "blocks.1.0.conv_pw.x.weight",
                        "fc.weight",
                        "weight",
                        "")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> names.toMindCv(name), name);
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
    }

    @Test
    void groupSuffixCarriesOver() {
        MindCvNames names = new MindCvNames(mixnetS());
        // Any group count maps 1:1, e.g. a variant whose expansion is split three ways.
        assertEquals(
                "blocks.3.1.conv_pw.2.weight",
                names.toTimm("layers.8.convs.0.grouped_conv.2.weight"));
        assertEquals(
                "layers.11.convs.3.mixed_depthwise_conv.weight",
                names.toMindCv("blocks.4.1.conv_dw.weight"));
    }

    @Test
    void depthwiseSeparableBlockWithSqueezeExcite() {
        // Not in MixNet, but MindCV's MixNetBlock appends SE after the depthwise BN/act in any
        // block and timm's DS block names it se.*; check the indices shift accordingly.
        MindCvNames names = new MindCvNames(List.of(new BlockLayout(0, 0, false, true)));
        assertEquals(
                "blocks.0.0.se.conv_reduce.bias",
                names.toTimm("layers.0.convs.3.conv_reduce.bias"));
        assertEquals(
                "blocks.0.0.conv_pw.weight", names.toTimm("layers.0.convs.4.grouped_conv.weight"));
        assertEquals(
                "blocks.0.0.bn2.running_var", names.toTimm("layers.0.convs.5.moving_variance"));
    }

    @Test
    void layoutMustBeInFlatOrder() {
        assertThrows(IllegalArgumentException.class, () -> new MindCvNames(List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MindCvNames(List.of(new BlockLayout(1, 0, true, false))));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new MindCvNames(
                                List.of(
                                        new BlockLayout(0, 0, false, false),
                                        new BlockLayout(1, 1, true, false))));
        assertThrows(IllegalArgumentException.class, () -> new BlockLayout(-1, 0, true, true));
        assertEquals(16, new MindCvNames(mixnetS()).blocks().size());
    }
}
