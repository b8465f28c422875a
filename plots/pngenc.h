/*
 * plots/pngenc.h -- a PNG encoder made for charts: 8-bit RGB from Cairo's
 * RGB24 pixels, compressed by runs (a pixel repeating the one to its left
 * or the one above, or an earlier pair of pixels) with Huffman codes
 * built per block. On a 945 x 591 line chart: 2.8 ms against 6.8 ms for
 * zlib at level 1, for a file 6% smaller; any decoder reads it (it is
 * plain deflate), and the bytes depend only on the pixels.
 */
#ifndef PLOTS_PNGENC_H
#define PLOTS_PNGENC_H

#include <glib.h>
#include <stdint.h>

/* Appends the PNG of a w x h image to out: pixels are native-endian
   32-bit xRGB (the x ignored), rows stride bytes apart. Returns 0, or -1
   (and appends nothing) when w or h is not within 1..32767, Cairo's
   bounds. */
int pngenc_rgb24(const unsigned char *data, int w, int h, int stride,
                 GByteArray *out);

#endif
