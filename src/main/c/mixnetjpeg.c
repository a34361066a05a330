/*
 * mixnetjpeg: decodes only a window of a JPEG through the system libjpeg (Debian's libjpeg62-turbo),
 * for decoders that know which pixels they will read (eval preprocessing reads the rows and columns
 * under its centre crop). TurboJPEG 2.1, which Debian ships, cannot: libjpeg's jpeg_crop_scanline()
 * skips the inverse DCT and colour conversion of the other columns, jpeg_skip_scanlines() those of
 * the rows above, and decoding stops after the last row needed, so in a baseline JPEG the rows
 * below are not even entropy-decoded (a progressive one reads every scan first). Bound from Java
 * with JNA (io.mixnetspark.data.decode.JpegWindowDecoder).
 *
 * libjpeg reports a fatal error by calling error_exit, which must not return: here it jumps back
 * to the entry point, which returns -1 with libjpeg's message. Warnings (corrupt data libjpeg
 * can decode past) are ignored, as TurboJPEG does without TJFLAG_STOPONWARNING.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

struct guard {
  struct jpeg_error_mgr pub;
  jmp_buf jump;
};

static void jump_back(j_common_ptr info) {
  longjmp(((struct guard *)info->err)->jump, 1);
}

static void ignore_warning(j_common_ptr info, int level) {
  (void)info;
  (void)level;
}

/*
 * Whether the first component's sampling factors are 1 or 2 and the others' 1: libjpeg 2.1's
 * cropped decode of 4:1:0 and 2:4-style layouts gives wrong pixels at 1/2 and 1/4 scale.
 */
static int common_sampling(const struct jpeg_decompress_struct *info) {
  for (int c = 0; c < info->num_components; c++) {
    int h = info->comp_info[c].h_samp_factor;
    int v = info->comp_info[c].v_samp_factor;
    int fits = c == 0 ? h <= 2 && v <= 2 : h == 1 && v == 1;
    if (!fits) {
      return 0;
    }
  }
  return 1;
}

static int failed(char *message, const char *text) {
  snprintf(message, JMSG_LENGTH_MAX, "%s", text);
  return -1;
}

/*
 * Decodes the pixels [x, x + w) x [y, y + h) of the image scaled by 1/denominator (1, 2, 4 or 8),
 * which must be width x height, into out: RGB, h rows stride bytes apart, out pointing at pixel
 * (0, y). Bytes outside the window are left as they are, except the columns libjpeg decodes
 * anyway (the window's left edge moves down to an iMCU boundary). message must hold
 * JMSG_LENGTH_MAX bytes. Returns 0, or -1 with the reason in message.
 */
int mixnet_jpeg_decode_window(const unsigned char *data, unsigned long size, int denominator, int width,
                              int height, int x, int y, int w, int h, unsigned char *out, int stride,
                              char *message) {
  struct jpeg_decompress_struct info;
  struct guard guard;
  if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height || stride < 3 * width) {
    return failed(message, "window outside the image");
  }
  info.err = jpeg_std_error(&guard.pub);
  guard.pub.error_exit = jump_back;
  guard.pub.emit_message = ignore_warning;
  if (setjmp(guard.jump)) {
    guard.pub.format_message((j_common_ptr)&info, message);
    jpeg_destroy_decompress(&info);
    return -1;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, size);
  jpeg_read_header(&info, TRUE);
  if (!common_sampling(&info)) {
    jpeg_destroy_decompress(&info);
    return failed(message, "chroma subsampling other than 4:4:4, 4:2:2, 4:2:0 or 4:4:0 is not decoded in windows");
  }
  info.scale_num = 1;
  info.scale_denom = denominator;
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&info);
  if ((int)info.output_width != width || (int)info.output_height != height || info.output_components != 3) {
    jpeg_destroy_decompress(&info);
    return failed(message, "the decoded size differs from the header's");
  }
  JDIMENSION left = x;
  JDIMENSION columns = w;
  if (w < width) {
    jpeg_crop_scanline(&info, &left, &columns);
  }
  if (y > 0) {
    jpeg_skip_scanlines(&info, y);
  }
  while (info.output_scanline < (JDIMENSION)(y + h)) {
    JSAMPROW row = out + (size_t)(info.output_scanline - y) * stride + 3 * (size_t)left;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_abort_decompress(&info);
  jpeg_destroy_decompress(&info);
  return 0;
}
