package io.mixnetspark.data.decode;

/**
 * {@code NativeBinding} binds an optional JNA library, keeping why it failed (not installed or
 * not built here) instead of throwing, so that the decoder can fall back to another library.
 */
final class NativeBinding {

    private NativeBinding() {}

    /**
     * Runs a binding (typically a class initialiser that calls {@code Native.register}).
     *
     * @param bind what binds the library
     * @return null when it bound, else the error
     */
    static Throwable attempt(Runnable bind) {
        try {
            bind.run();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
    }
}
