/**
 * Image decoding: encoded bytes become 8-bit sRGB pixels ({@link
 * io.mixnetspark.data.decode.RgbImage}) or a {@link io.mixnetspark.data.decode.DecodeResult} that
 * says why not. {@link io.mixnetspark.data.decode.ImageDecoder} never throws for bad bytes.
 *
 * <p>JPEG goes through libjpeg-turbo, which can also decode at 1/2, 1/4 or 1/8 scale in the DCT
 * domain: the system's libturbojpeg (with SIMD) when installed, else the copy in OpenCV's natives
 * that ship in the jar. A consumer that reads only part of an image (a {@link
 * io.mixnetspark.data.decode.ReadWindow}) gets only that part decoded, through the system libjpeg
 * and this project's small shim, where it was built. CMYK/YCCK JPEGs, JPEGs with a non-sRGB colour
 * profile, and every other format go through ImageIO with the TwelveMonkeys plugins. Either way
 * the result is RGB: greyscale is replicated, alpha is dropped (as PIL's {@code convert("RGB")}
 * does), 16-bit samples are rounded to 8 bits, embedded profiles are converted to sRGB, and the
 * EXIF orientation is applied. A pixel-count cap, checked on the header before any pixel is
 * decoded, refuses decompression bombs.
 *
 * <p>Must not import Spark or DJL: the model and Spark layers call into this package.
 */
package io.mixnetspark.data.decode;
