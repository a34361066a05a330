package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixnetspark.data.decode.Region;
import io.mixnetspark.data.decode.RgbImage;
import io.mixnetspark.testing.DebianPython;
import io.mixnetspark.testing.NpyBytes;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PilResize} against PIL's own {@code crop}, {@code resize(BICUBIC)} and {@code crop} of an
 * output window ({@code src/test/resources/python/pil_resize_reference.py}, Debian's python3-pil),
 * byte for byte: downscales strong enough for the antialiasing filter to widen, upscales,
 * one-axis resizes, a crop without resize, windows touching the edges and single pixels, on a real
 * photo.
 */
class PilResizeTest {

    private static final String PHOTO = "datasets/imagenette2-224-subset/val/n03445777/ILSVRC2012_val_00008161.JPEG";

    @TempDir
    Path out;

    @Test
    void cropsResizesAndWindowsAreByteIdenticalToPil() throws IOException {
        DebianPython.require("PIL", "numpy");
        Path photo = SharedData.require(PHOTO);
        List<int[]> cases = cases(new Random(19));
        List<String> lines = new ArrayList<>();
        for (int[] c : cases) {
            StringBuilder line = new StringBuilder();
            for (int v : c) {
                line.append(v).append(' ');
            }
            lines.add(line.toString().trim());
        }
        Path casesFile = Files.write(out.resolve("cases.txt"), lines);
        DebianPython.Result run = DebianPython.runScript(
                "pil_resize_reference.py", out.toString(), photo.toString(), casesFile.toString());
        assertEquals(0, run.exitCode(), run.output());
        RgbImage source = new RgbImage(224, 224, NpyBytes.read(out.resolve("source.npy"), "(224, 224, 3)"));

        for (int i = 0; i < cases.size(); i++) {
            int[] c = cases.get(i);
            RgbImage got = PilResize.resize(source, new Region(c[0], c[1], c[2], c[3]), c[4], c[5],
                    new Region(c[6], c[7], c[8], c[9]));
            byte[] want = NpyBytes.read(out.resolve("case_" + i + ".npy"), "(" + c[9] + ", " + c[8] + ", 3)");
            assertArrayEquals(want, got.pixels(), "case " + i + ": " + lines.get(i));
        }
    }

    /** Fixed edge cases, then random crops, sizes and windows: "cx cy cw ch w h wx wy ww wh". */
    private static List<int[]> cases(Random random) {
        List<int[]> cases = new ArrayList<>(List.of(
                new int[] {0, 0, 224, 224, 256, 256, 16, 16, 224, 224}, // eval's upscale and centre crop
                new int[] {0, 0, 224, 224, 37, 29, 0, 0, 37, 29}, // a 6x downscale: wide filter
                new int[] {10, 20, 200, 150, 200, 61, 0, 0, 200, 61}, // vertical only
                new int[] {5, 0, 150, 224, 41, 224, 3, 100, 38, 124}, // horizontal only, window at the edge
                new int[] {20, 30, 150, 100, 150, 100, 5, 7, 120, 80}, // no resize: a window of the crop
                new int[] {0, 0, 224, 224, 1, 1, 0, 0, 1, 1}, // to one pixel
                new int[] {100, 100, 1, 1, 9, 9, 0, 0, 9, 9})); // from one pixel
        for (int i = 0; i < 40; i++) {
            int cw = 1 + random.nextInt(224);
            int ch = 1 + random.nextInt(224);
            int w = 1 + random.nextInt(300);
            int h = 1 + random.nextInt(300);
            int wx = random.nextInt(w);
            int wy = random.nextInt(h);
            cases.add(new int[] {random.nextInt(225 - cw), random.nextInt(225 - ch), cw, ch, w, h, wx, wy,
                    1 + random.nextInt(w - wx), 1 + random.nextInt(h - wy)});
        }
        return cases;
    }
}
