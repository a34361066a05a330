package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sorted-wnid class index (spec section 5.2) and the other ways to build one. */
class ClassIndexTest {

    @Test
    void bundledImagenetIndexIsTheSortedSharedSynsetList() throws IOException {
        ClassIndex imagenet = ClassIndex.imagenet();
        assertEquals(1000, imagenet.size());
        assertEquals("n01440764", imagenet.wnidOf(0));
        assertEquals("n15075141", imagenet.wnidOf(999));
        assertEquals(65, imagenet.indexOf("n01751748"));
        assertEquals(imagenet.wnids().stream().sorted().toList(), imagenet.wnids());

        Path synsets = SharedData.require("datasets/imagenet-class-index/synset.txt");
        try (InputStream in = Files.newInputStream(synsets)) {
            assertEquals(imagenet.wnids(), ClassIndex.fromText(in).wnids());
        }
    }

    @Test
    void sortedIndexAndLookupsOutsideIt() {
        ClassIndex folders = ClassIndex.sorted(List.of("n03000684", "n01440764", "n02102040", "n01440764"));
        assertEquals(List.of("n01440764", "n02102040", "n03000684"), folders.wnids());
        assertEquals(ImageRecord.NO_LABEL, folders.indexOf("n09999999"));
        assertEquals(ImageRecord.NO_LABEL, folders.indexOf(null));
        assertNull(folders.wnidOf(3));
        assertNull(folders.wnidOf(ImageRecord.NO_LABEL));
    }

    @Test
    void duplicateInAListIsRefused() {
        byte[] text = "n01440764 tench\nn01440764 again\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> ClassIndex.fromText(new ByteArrayInputStream(text)));
    }
}
