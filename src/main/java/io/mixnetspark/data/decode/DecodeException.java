package io.mixnetspark.data.decode;

/**
 * Why one input could not be decoded; raised inside this package and turned into a failed {@link
 * DecodeResult} by {@link ImageDecoder}, never seen by callers.
 */
final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
        super(message);
    }

    DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
