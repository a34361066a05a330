package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.decode.DecodeOptions;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.decode.JpegBackend;
import io.mixnetspark.data.decode.ReadWindow;
import io.mixnetspark.data.decode.RgbImage;
import io.mixnetspark.testing.DebianPython;
import io.mixnetspark.testing.Decoders;
import io.mixnetspark.testing.NpyBytes;
import io.mixnetspark.testing.PixelDiff;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decode + eval preprocessing against PIL, as timm evaluates MixNet (spec 5.1): Debian's
 * python3-pil writes the reference crops ({@code src/test/resources/python/pil_eval_reference.py})
 * for Imagenette photos (colour and greyscale) and for larger JPEGs it makes from them, so the
 * antialiased downscaling is exercised. Tolerance: mean |diff| at most 0.5/255, max at most 3/255
 * per pixel, for every JPEG backend; all are measured bit-identical with Pillow 9.4 here, and the
 * DCT-reduced path of the libjpeg-turbo backends matches PIL's {@code draft} to the same tolerance.
 * Each is also checked decoding only the window the crop reads ({@link EvalTransform#readWindow()},
 * the libjpeg window decoder with the system libjpeg-turbo).
 */
class PilEvalParityTest {

    private static final String SHAPE = "(224, 224, 3)";

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void exactAndReducedPathsMatchPil(JpegBackend backend) throws IOException {
        ImageDecoder exact = Decoders.decoder(backend, DecodeOptions.defaults());
        ImageDecoder reduced = Decoders.decoder(backend, DecodeOptions.defaults().withReduceToAtLeast(256));
        DebianPython.require("PIL", "numpy");
        List<String> photos = photos();
        List<String> args = new ArrayList<>();
        args.add(out.toString());
        args.addAll(photos);
        DebianPython.Result run = DebianPython.runScript("pil_eval_reference.py", args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.output());
        List<String> inputs = Files.readAllLines(out.resolve("inputs.txt"));
        assertEquals(photos.size() + 3, inputs.size());

        EvalTransform eval = EvalTransform.mixnet();
        ReadWindow window = eval.readWindow();
        for (int i = 0; i < inputs.size(); i++) {
            byte[] data = Files.readAllBytes(Path.of(inputs.get(i)));
            RgbImage decoded = exact.decode(data).image();
            RgbImage crop = eval.resizeAndCrop(decoded);
            check(crop, out.resolve("exact_" + i + ".npy"), inputs.get(i) + " exact");
            check(eval.resizeAndCrop(exact.decode(data, window).image()), out.resolve("exact_" + i + ".npy"),
                    inputs.get(i) + " exact, decoding the crop's window");
            if (backend.reducesInDctDomain()) {
                check(eval.resizeAndCrop(reduced.decode(data).image()), out.resolve("draft_" + i + ".npy"),
                        inputs.get(i) + " reduced vs PIL draft");
                check(eval.resizeAndCrop(reduced.decode(data, window).image()), out.resolve("draft_" + i + ".npy"),
                        inputs.get(i) + " reduced vs PIL draft, decoding the crop's window");
            }
            assertNormalised(crop, eval.apply(decoded));
        }
    }

    private static void check(RgbImage got, Path reference, String what) throws IOException {
        PixelDiff d = PixelDiff.of(got.pixels(), NpyBytes.read(reference, SHAPE));
        assertTrue(d.mean() <= 0.5 && d.max() <= 3, what + ": " + d);
    }

    private static void assertNormalised(RgbImage crop, float[] chw) {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        int plane = 224 * 224;
        for (int i = 0; i < plane; i += 97) {
            for (int c = 0; c < 3; c++) {
                float want = ((crop.pixels()[3 * i + c] & 0xFF) / 255f - mean[c]) / std[c];
                assertEquals(want, chw[c * plane + i], 0f, "CHW index " + (c * plane + i));
            }
        }
    }

    /** The first two photos of each Imagenette val class, and two greyscale photos. */
    private static List<String> photos() throws IOException {
        Path root = SharedData.require("datasets/imagenette2-224-subset");
        List<String> photos = new ArrayList<>();
        try (Stream<Path> classes = Files.list(root.resolve("val"))) {
            for (Path wnid : classes.sorted().toList()) {
                try (Stream<Path> files = Files.list(wnid)) {
                    files.sorted().limit(2).forEach(f -> photos.add(f.toString()));
                }
            }
        }
        Files.readAllLines(root.resolve("grayscale.txt")).stream()
                .filter(l -> l.endsWith(".JPEG")).limit(2)
                .forEach(l -> photos.add(root.resolve(l.trim()).toString()));
        return photos;
    }
}
