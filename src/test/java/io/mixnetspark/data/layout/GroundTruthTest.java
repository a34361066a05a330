package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three validation ground-truth formats, the devkit's id-to-wnid mapping from {@code
 * meta.mat} (fixtures written by scipy, {@code make_meta_mat.py}) and from text.
 */
class GroundTruthTest {

    private static final Map<Integer, String> DEVKIT_IDS = Map.of(
            1, "n02119789", 2, "n02100735", 3, "n02110185", 490, "n01751748");

    @Test
    void synsetListNumbersImagesByLine() throws IOException {
        ValidationGroundTruth truth = read("n01751748\nn09193705\n\nn02105855\n", null, null);
        assertEquals("n01751748", truth.wnidOf("ILSVRC2012_val_00000001"));
        assertEquals("n09193705", truth.wnidOf("ILSVRC2012_val_00000002"));
        assertEquals("n02105855", truth.wnidOf("ILSVRC2012_val_00000004"));
        assertNull(truth.wnidOf("ILSVRC2012_val_00000003"));
        assertEquals(3, truth.size());
    }

    @Test
    void sharedFiftyThousandLineSynsetListAgreesWithImagenette() throws IOException {
        Path labels = SharedData.require("datasets/imagenet-class-index/ILSVRC2012_validation_synset_labels.txt");
        ValidationGroundTruth truth;
        try (InputStream in = Files.newInputStream(labels)) {
            truth = ValidationGroundTruth.read(in, labels.toString(), GroundTruthFormat.SYNSETS, null);
        }
        assertEquals(50_000, truth.size());
        assertEquals("n01440764", truth.wnidOf("ILSVRC2012_val_00000293"),
                "Imagenette keeps this validation image under train/n01440764");
    }

    @Test
    void devkitGroundTruthGoesThroughDevkitIdsNotSortedOrder() throws IOException {
        ValidationGroundTruth truth = read("490\n1\n3\n", null, DEVKIT_IDS);
        assertEquals("n01751748", truth.wnidOf("ILSVRC2012_val_00000001"),
                "devkit id 490 of image 1 is the sea snake (sorted index 65)");
        assertEquals("n02119789", truth.wnidOf("ILSVRC2012_val_00000002"));
        assertEquals("n02110185", truth.wnidOf("ILSVRC2012_val_00000003"));

        CorruptShardException unknown = assertThrows(CorruptShardException.class, () -> read("2\n7\n", null, DEVKIT_IDS));
        assertTrue(unknown.getMessage().contains("line 2") && unknown.getMessage().contains("7"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("490\n", null, null));
    }

    @Test
    void idsBeyondAnIntAreNamedWithFileAndLineNotANumberFormatError() {
        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> read("1\n99999999999\n", GroundTruthFormat.DEVKIT, DEVKIT_IDS));
        assertTrue(e.getMessage().contains("gt.txt line 2") && e.getMessage().contains("at most 9 digits")
                && e.getMessage().contains("99999999999"), e.getMessage());
        e = assertThrows(CorruptShardException.class,
                () -> DevkitSynsets.fromText(stream("n02119789 1\nn02100735 99999999999\n"), "map"));
        assertTrue(e.getMessage().contains("map line 2") && e.getMessage().contains("at most 9 digits"),
                e.getMessage());
    }

        @Test
    void kaggleSolutionTakesTheFirstTokenAndAnyRowOrder() throws IOException {
        String csv = "\uFEFFImageId,PredictionString\r\n"
                + "ILSVRC2012_val_00008726,n02119789 255 142 454 329 n02119789 44 21 322 295\r\n"
                + "ILSVRC2012_val_00000001,n01751748 111 108 441 431 \r\n";
        ValidationGroundTruth truth = read(csv, null, null);
        assertEquals("n02119789", truth.wnidOf("ILSVRC2012_val_00008726"));
        assertEquals("n01751748", truth.wnidOf("ILSVRC2012_val_00000001"));
        assertEquals(2, truth.size());
    }

    @Test
    void malformedLinesAreNamed() {
        CorruptShardException bad = assertThrows(CorruptShardException.class,
                () -> read("n01751748\ntench\n", GroundTruthFormat.SYNSETS, null));
        assertTrue(bad.getMessage().contains("gt.txt line 2"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("what is this\n", null, null));
        assertThrows(IllegalArgumentException.class, () -> GroundTruthFormat.parse("csv"));
    }

    @Test
    void metaMatGivesLeafSynsetsByDevkitId() throws IOException {
        for (String fixture : new String[] {"meta-synthetic.mat", "meta-synthetic-uncompressed.mat"}) {
            Map<Integer, String> ids;
            try (InputStream in = GroundTruthTest.class.getResourceAsStream(fixture)) {
                ids = DevkitSynsets.fromMetaMat(in, fixture);
            }
            assertEquals(Map.of(1, "n02119789", 2, "n02100735", 3, "n02110185", 4, "n02979186",
                    5, "n01440764", 6, "n02102040"), ids, fixture + ": the non-leaf id 1001 is dropped");
        }
    }

    @Test
    void metaMatRejectsOtherFiles() {
        byte[] notMat = "MATLAB 7.3 MAT-file, HDF5".getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[128];
        System.arraycopy(notMat, 0, header, 0, notMat.length);
        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> DevkitSynsets.fromMetaMat(new ByteArrayInputStream(header), "meta.mat"));
        assertTrue(e.getMessage().contains("7.3"), e.getMessage());
    }

    @Test
    void textMappingAcceptsEitherTokenOrder() throws IOException {
        Map<Integer, String> clsloc = DevkitSynsets.fromText(stream("n02119789 1 kit_fox\nn02100735 2 English_setter\n"), "map");
        assertEquals(Map.of(1, "n02119789", 2, "n02100735"), clsloc);
        assertEquals(Map.of(1, "n02119789"), DevkitSynsets.fromText(stream("1 n02119789\n"), "map"));
        CorruptShardException e = assertThrows(CorruptShardException.class,
                () -> DevkitSynsets.fromText(stream("1 n02119789\nkit fox\n"), "map"));
        assertTrue(e.getMessage().contains("map line 2"), e.getMessage());
    }

    private static ValidationGroundTruth read(String text, GroundTruthFormat format, Map<Integer, String> ids)
            throws IOException {
        return ValidationGroundTruth.read(stream(text), "gt.txt", format, ids);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
