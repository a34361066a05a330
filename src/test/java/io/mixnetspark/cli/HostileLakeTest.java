package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.layout.TarBytes;
import io.mixnetspark.testing.ChildJvm;
import io.mixnetspark.testing.HostileFiles;
import io.mixnetspark.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 30's lake: good photos beside every kind of bad file a real lake holds (symbolic-link
 * loops, a sparse 3 GB file, a text file with a secret in it, an empty and a truncated JPEG, TIFFs
 * declaring a 46336x46336 tile or a 2 GB strip, a JPEG of 20,000 scans, a PNG declaring ten
 * gigapixels) is labeled by {@code ./mixnet predict} in one run, in a JVM of its own: exit 0, one
 * row per file (the loops add none), an error row for each bad file that holds none of its
 * content, and a peak resident memory within 1 GiB of labeling the good photos alone. A damaged
 * WebDataset shard becomes one error row beside the readable samples, or, with {@code
 * onCorruptShard=fail}, one line saying which shard.
 */
class HostileLakeTest {

    private static final int GOOD = 8;
    private static final long ONE_GIB_KB = 1L << 20;

    @TempDir
    Path tmp;

    @Test
    void aLakeOfGoodAndHostileFilesIsLabeledInOneRunWithBoundedMemory() throws Exception {
        Path good = goodPhotos(tmp.resolve("good"));
        Path lake = goodPhotos(tmp.resolve("lake"));
        List<String> bad = hostileFiles(lake);

        Run baseline = predict(good, "baseline");
        assertEquals(0, baseline.exit, baseline.output);
        Run hostile = predict(lake, "hostile");
        assertEquals(0, hostile.exit, hostile.output);
        assertEquals(GOOD + bad.size(), hostile.rows.size(), "one row per file, none for the links:\n" + hostile.output);
        List<String> errors = hostile.rows.stream().filter(r -> !r.endsWith("|")).toList();
        for (String name : bad) {
            assertEquals(1, errors.stream().filter(r -> r.contains("/" + name + "|")).count(), name + " in\n" + errors);
        }
        assertEquals(bad.size(), errors.size(), String.join("\n", errors));
        assertFalse(hostile.output.contains("hunter2"), "no file content in rows or logs");
        System.out.printf("HostileLakeTest: peak RSS %d kB for the good photos, %d kB with the hostile files; errors:%n%s%n",
                baseline.peakKb, hostile.peakKb, String.join("\n", errors));
        assertTrue(hostile.peakKb <= baseline.peakKb + ONE_GIB_KB,
                "peak RSS " + hostile.peakKb + " kB against " + baseline.peakKb + " kB for the good photos alone");
    }

    @Test
    void aDamagedShardIsAnErrorRowAndTheFailPolicyFailsInOneLine() throws Exception {
        Path shards = Files.createDirectories(tmp.resolve("shards"));
        List<byte[]> photos = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(goodPhotos(tmp.resolve("photos")))) {
            for (Path p : files.sorted().limit(4).toList()) {
                photos.add(Files.readAllBytes(p));
            }
        }
        Files.write(shards.resolve("val-000000.tar"), TarBytes.tar("s0.jpg", photos.get(0), "s1.jpg", photos.get(1)));
        byte[] damaged = TarBytes.tar("s2.jpg", photos.get(2), "s3.jpg", photos.get(3));
        TarBytes.declareSize(damaged, TarBytes.headerOffset(damaged, 1), 4L << 30);
        Files.write(shards.resolve("val-000001.tar"), damaged);

        Run run = predict(shards, "shards", "--layout", "webdataset");
        assertEquals(0, run.exit, run.output);
        assertEquals(4, run.rows.size(), "3 readable samples and one row for the damage:\n" + run.rows);
        List<String> errors = run.rows.stream().filter(r -> !r.endsWith("|")).toList();
        assertEquals(1, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).contains("val-000001.tar"), errors.get(0));

        Run fail = predict(shards, "shards-fail", "--layout", "webdataset", "--option", "onCorruptShard=fail");
        assertEquals(1, fail.exit, fail.output);
        List<String> failures = fail.output.lines().filter(l -> l.startsWith("mixnet predict failed: ")).toList();
        assertEquals(1, failures.size(), fail.output);
        assertTrue(failures.get(0).contains("val-000001.tar"), failures.get(0));
        assertFalse(fail.output.contains("\tat "), "no stack trace on the console:\n" + fail.output);
    }

    private record Run(int exit, List<String> rows, long peakKb, String output) {}

    private Run predict(Path lake, String run, String... options) throws IOException, InterruptedException {
        Map<String, String> properties = Map.of("mixnet.home", tmp.resolve("catalog-" + run).toString(),
                "ai.djl.offline", "true", "derby.stream.error.file", tmp.resolve("derby.log").toString(),
                "log4j2.configurationFile", Paths.get("conf/log4j2.properties").toAbsolutePath().toString(),
                "mixnet.log.file", tmp.resolve(run + ".log").toString());
        List<String> args = new java.util.ArrayList<>(List.of(run, "predict", "--data_dir", lake.toString(), "--ckpt_path",
                SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors").toString(), "--batch_size", "4",
                "--run_id", run));
        args.addAll(List.of(options));
        ChildJvm.Result result = ChildJvm.run(CliPeakMemoryMain.class, properties, 600, args.toArray(String[]::new));
        List<String> lines = result.output().lines().toList();
        int exit = lines.stream().filter(l -> l.startsWith("exit|")).map(l -> Integer.parseInt(l.substring(5)))
                .findFirst().orElse(-1);
        long peak = lines.stream().filter(l -> l.startsWith("vmhwm_kb|")).map(l -> Long.parseLong(l.substring(9)))
                .findFirst().orElse(Long.MAX_VALUE);
        return new Run(exit, lines.stream().filter(l -> l.startsWith("row|")).toList(), peak, result.output());
    }

    private static Path goodPhotos(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path val = SharedData.require("datasets/imagenette2-224-subset/val");
        try (Stream<Path> classes = Files.list(val)) {
            for (Path c : classes.sorted().limit(GOOD).toList()) {
                try (Stream<Path> photos = Files.list(c)) {
                    Path photo = photos.sorted().findFirst().orElseThrow();
                    Files.copy(photo, folder.resolve(photo.getFileName()));
                }
            }
        }
        return folder;
    }

    /** Writes the bad files (and two links that loop) into the lake; returns the bad files' names. */
    private static List<String> hostileFiles(Path lake) throws IOException {
        Path sub = Files.createDirectories(lake.resolve("sub"));
        Files.createSymbolicLink(lake.resolve("loop"), Path.of("."));
        Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));
        try (RandomAccessFile sparse = new RandomAccessFile(lake.resolve("huge.jpg").toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        Files.writeString(lake.resolve("notes.jpg"), "password: hunter2\n");
        Files.write(lake.resolve("empty.jpg"), new byte[0]);
        byte[] photo;
        try (Stream<Path> files = Files.list(lake)) {
            photo = Files.readAllBytes(files.filter(p -> p.toString().endsWith(".JPEG")).sorted().findFirst().orElseThrow());
        }
        Files.write(sub.resolve("truncated.jpg"), Arrays.copyOf(photo, photo.length / 2));
        Files.write(sub.resolve("tile-bomb.tif"), HostileFiles.tiff(322, 46336, 323, 46336, 324, -1, 325, 16));
        Files.write(sub.resolve("strip-bomb.tif"), HostileFiles.tiff(273, -1, 278, 64, 279, 0x8000_0000));
        Files.write(sub.resolve("scans.jpg"), HostileFiles.jpegWithScans(photo, 20_000));
        Files.write(sub.resolve("giga.png"), pngDeclaring(100_000, 100_000));
        return List.of("huge.jpg", "notes.jpg", "empty.jpg", "truncated.jpg", "tile-bomb.tif", "strip-bomb.tif",
                "scans.jpg", "giga.png");
    }

    /** A PNG whose header declares this size, with no pixel data. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        png.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        png.writeBytes(ihdr);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        png.writeBytes(ByteBuffer.allocate(12).putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) end.getValue()).array());
        return png.toByteArray();
    }
}
