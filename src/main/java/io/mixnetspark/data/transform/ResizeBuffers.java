package io.mixnetspark.data.transform;

/**
 * {@code ResizeBuffers} holds one thread's working arrays for {@link PilResize}, kept from one
 * image to the next: allocating and zeroing them per image cost about as much as the filtering
 * itself. Each array grows to the largest size asked for, up to {@link #KEPT_INTS} ints (16 MB);
 * a larger request gets a fresh array for that call only, so what a thread keeps is bounded.
 * Callers must finish with an array before asking for the same kind again, which a single thread
 * resizing one image at a time does.
 */
final class ResizeBuffers {

    /** The most ints one kept array of arrays may hold. */
    static final long KEPT_INTS = 1L << 22;

    private static final ThreadLocal<ResizeBuffers> CURRENT = ThreadLocal.withInitial(ResizeBuffers::new);

    private final KeptArrays lines = new KeptArrays();
    private final KeptArrays columns = new KeptArrays();
    private int[] acc = new int[0];

    private ResizeBuffers() {}

    /**
     * Returns the calling thread's buffers.
     *
     * @return this thread's instance
     */
    static ResizeBuffers current() {
        return CURRENT.get();
    }

    /**
     * Rows of the horizontal pass's output.
     *
     * @param count at least this many arrays
     * @param length each at least this long
     * @return arrays whose contents are left over from earlier calls
     */
    int[][] lines(int count, int length) {
        return lines.atLeast(count, length);
    }

    /**
     * Transposed input columns for the horizontal pass.
     *
     * @param count at least this many arrays
     * @param length each at least this long
     * @return arrays whose contents are left over from earlier calls
     */
    int[][] columns(int count, int length) {
        return columns.atLeast(count, length);
    }

    /**
     * One accumulator line.
     *
     * @param length at least this long
     * @return an array whose contents are left over from earlier calls
     */
    int[] acc(int length) {
        if (acc.length < length) {
            acc = new int[length];
        }
        return acc;
    }

    /** One kind of kept array of arrays, replaced by a larger one when a request does not fit. */
    private static final class KeptArrays {
        private int[][] arrays = new int[0][0];

        int[][] atLeast(int count, int length) {
            if (arrays.length >= count && (count == 0 || arrays[0].length >= length)) {
                return arrays;
            }
            // cover both the kept arrays and the request, or just the request when that is too large
            int newCount = Math.max(count, arrays.length);
            int newLength = Math.max(length, arrays.length == 0 ? 0 : arrays[0].length);
            int[][] fresh = (long) newCount * newLength <= KEPT_INTS ? new int[newCount][newLength]
                    : new int[count][length];
            if ((long) fresh.length * fresh[0].length <= KEPT_INTS) {
                arrays = fresh;
            }
            return fresh;
        }
    }
}
