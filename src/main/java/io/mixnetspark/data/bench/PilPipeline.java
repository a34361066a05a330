package io.mixnetspark.data.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code PilPipeline} runs the PIL side ({@code scripts/pil_decode_bench.py}) on the same files,
 * as a child process on one thread, and reads back its images per second.
 */
final class PilPipeline {

    private final String python;
    private final Path script;

    PilPipeline(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * One run of the script over a file list.
     *
     * @param fileList a file holding one image path per line
     * @return what the script measured
     * @throws IOException when the script cannot run or fails
     */
    Result run(Path fileList) throws IOException {
        Process p = new ProcessBuilder(python, script.toString(), fileList.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("PIL benchmark failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String version = "?";
        double plain = Double.NaN;
        double draft = Double.NaN;
        double diffMean = Double.NaN;
        int diffMax = -1;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            switch (f[0]) {
                case "pil" -> version = f[1];
                case "plain" -> plain = Double.parseDouble(f[1]);
                case "draft" -> draft = Double.parseDouble(f[1]);
                case "diff" -> {
                    diffMean = Double.parseDouble(f[1]);
                    diffMax = Integer.parseInt(f[2]);
                }
                default -> { }
            }
        }
        if (Double.isNaN(plain) || Double.isNaN(draft)) {
            throw new IOException("unexpected PIL benchmark output: " + out);
        }
        return new Result(version, plain, draft, diffMean, diffMax);
    }

    /**
     * Writes a list file for {@link #run}.
     *
     * @param files the images
     * @param dir where to put the list
     * @return the list file
     * @throws IOException when it cannot be written
     */
    static Path writeList(List<Path> files, Path dir) throws IOException {
        Path list = Files.createTempFile(dir, "pil-bench-", ".txt");
        Files.write(list, files.stream().map(f -> f.toAbsolutePath().toString()).toList());
        return list;
    }

    /**
     * PIL's figures for one set.
     *
     * @param version PIL's version
     * @param plain images/s without draft
     * @param draft images/s with {@code draft("RGB", (256, 256))}
     * @param diffMean mean |draft - plain| of the 224 crops, levels
     * @param diffMax max |draft - plain|, levels
     */
    record Result(String version, double plain, double draft, double diffMean, int diffMax) {}
}
