package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.decode.RgbImage;
import io.mixnetspark.testing.DebianPython;
import io.mixnetspark.testing.NpyBytes;
import io.mixnetspark.testing.PixelDiff;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RandAugment operations against the PIL calls timm makes, at fixed arguments, on a real photo
 * ({@code src/test/resources/python/pil_augment_reference.py} with Debian's python3-pil). With
 * Pillow 9.4 every operation is byte-identical; the tolerance (max 1 level) leaves room for
 * rounding changes in other Pillow versions.
 */
class AugmentOpsPilTest {

    private static final String PHOTO = "datasets/imagenette2-224-subset/train/n03445777/ILSVRC2012_val_00003793.JPEG";
    private static final int[] FILL = {124, 116, 104};

    @TempDir
    Path out;

    @Test
    void operationsMatchPil() throws IOException {
        DebianPython.require("PIL", "numpy");
        Path photo = SharedData.require(PHOTO);
        DebianPython.Result run = DebianPython.runScript("pil_augment_reference.py", out.toString(), photo.toString());
        assertEquals(0, run.exitCode(), run.output());
        RgbImage img = new ImageDecoder().decode(photo).image();
        Map<String, UnaryOperator<RgbImage>> ops = new LinkedHashMap<>();
        ops.put("invert", AugmentOps::invert);
        ops.put("posterize_3", i -> AugmentOps.posterize(i, 3));
        ops.put("posterize_0", i -> AugmentOps.posterize(i, 0));
        ops.put("solarize_128", i -> AugmentOps.solarize(i, 128));
        ops.put("solarize_add_50", i -> AugmentOps.solarizeAdd(i, 50));
        ops.put("autocontrast_dim", i -> AugmentOps.autoContrast(AugmentOps.brightness(i, 0.5)));
        ops.put("equalize", AugmentOps::equalize);
        ops.put("color_0.3", i -> AugmentOps.color(i, 0.3));
        ops.put("color_1.7", i -> AugmentOps.color(i, 1.7));
        ops.put("contrast_0.4", i -> AugmentOps.contrast(i, 0.4));
        ops.put("contrast_1.6", i -> AugmentOps.contrast(i, 1.6));
        ops.put("brightness_0.5", i -> AugmentOps.brightness(i, 0.5));
        ops.put("brightness_1.5", i -> AugmentOps.brightness(i, 1.5));
        ops.put("sharpness_0.2", i -> AugmentOps.sharpness(i, 0.2));
        ops.put("sharpness_1.8", i -> AugmentOps.sharpness(i, 1.8));
        ops.put("rotate_17", i -> AugmentOps.rotate(i, 17, FILL));
        ops.put("rotate_-25", i -> AugmentOps.rotate(i, -25, FILL));
        ops.put("shearx_0.2", i -> AugmentOps.shearX(i, 0.2, FILL));
        ops.put("sheary_-0.15", i -> AugmentOps.shearY(i, -0.15, FILL));
        ops.put("translatex_0.18", i -> AugmentOps.translateX(i, 0.18 * i.width(), FILL));
        ops.put("translatey_-0.3", i -> AugmentOps.translateY(i, -0.3 * i.height(), FILL));
        ops.put("flip", AugmentOps::flipHorizontal);
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (Map.Entry<String, UnaryOperator<RgbImage>> op : ops.entrySet()) {
            byte[] want = NpyBytes.read(out.resolve(op.getKey() + ".npy"), "(224, 224, 3)");
            PixelDiff d = PixelDiff.of(op.getValue().apply(img).pixels(), want);
            report.append(op.getKey()).append(": ").append(d).append('\n');
            ok &= d.mean() <= 0.05 && d.max() <= 1;
        }
        assertTrue(ok, report.toString());
    }
}
