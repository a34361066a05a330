package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Brace expansion as WebDataset's {@code braceexpand} does it. */
class BraceExpansionTest {

    @Test
    void zeroPaddedRangeKeepsTheWidth() {
        List<String> paths = BraceExpansion.expand("s3a://b/train-{000000..001281}.tar");
        assertEquals(1282, paths.size());
        assertEquals("s3a://b/train-000000.tar", paths.get(0));
        assertEquals("s3a://b/train-000010.tar", paths.get(10));
        assertEquals("s3a://b/train-001281.tar", paths.get(1281));
    }

    @Test
    void listsRangesNestingAndProducts() {
        assertEquals(List.of("a1", "a2", "b1", "b2"), BraceExpansion.expand("{a,b}{1..2}"));
        assertEquals(List.of("3", "2", "1"), BraceExpansion.expand("{3..1}"));
        assertEquals(List.of("x-a", "x-b1", "x-b2"), BraceExpansion.expand("x-{a,b{1,2}}"));
        assertEquals(List.of("8", "9", "10"), BraceExpansion.expand("{8..10}"));
        assertEquals(List.of("p{abc}q"), BraceExpansion.expand("p{abc}q"));
        assertEquals(List.of("plain/path.tar"), BraceExpansion.expand("plain/path.tar"));
    }

    @Test
    void malformedBracesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BraceExpansion.expand("train-{0..5.tar"));
        assertThrows(IllegalArgumentException.class, () -> BraceExpansion.expand("train-0..5}.tar"));
        assertThrows(IllegalArgumentException.class, () -> BraceExpansion.expand("train-{a..c}.tar"));
        assertThrows(IllegalArgumentException.class, () -> BraceExpansion.expand("{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}"));
    }

    @Test
    void hugeSpansAreRefusedBeforeExpandingNamingTheLimit() {
        for (String pattern : new String[] {"train-{000000..999999999}.tar", "{0..999}{0..999}{0..9}",
                "{a,b,{0..999999}}", "{-999999999999999999..999999999999999999}"}) {
            IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(IllegalArgumentException.class, () -> BraceExpansion.expand(pattern)));
            assertTrue(e.getMessage().contains(pattern) && e.getMessage().contains("1000000")
                    && e.getMessage().contains("MAX_EXPANSION"), e.getMessage());
        }
        assertEquals(BraceExpansion.MAX_EXPANSION, BraceExpansion.expand("{0..999}{0..999}").size());
    }

    @Test
    void boundsBeyondALongAreRefusedNotWrappedOrUnparsed() {
        for (String pattern : new String[] {"{0..99999999999999999999}",
                "{-9223372036854775808..9223372036854775807}"}) {
            IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(IllegalArgumentException.class, () -> BraceExpansion.expand(pattern)));
            assertTrue(e.getMessage().contains("more than 18 digits"), e.getMessage());
        }
    }
}
