// Made-up photos for the tests, the benchmark and the example site, made with libvips: a sky,
// a sun, a skyline and fine grain (so they compress like photos), and a red mark in the top-left
// corner of the stored pixels, so a test can see where a rotation put it. The seed varies the
// skyline and the time of day.
#ifndef SITEGEN_TEST_IMAGES_H
#define SITEGEN_TEST_IMAGES_H

#include <stddef.h>
#include <stdint.h>

enum { TP_JPEG = 1, TP_PNG = 2, TP_WEBP = 3, TP_HEIC = 4, TP_TIFF = 5 };

typedef struct {
    int width;
    int height;
    unsigned seed;
    /// EXIF orientation to record (1: none). With 6, the photo (width × height as seen) is
    /// stored turned a quarter to the left, as phones store portrait photos.
    int orientation;
    /// Camera make and model, the photographer, the GPS position, XMP and IPTC, as phones write them.
    int personal_data;
    /// Adds an alpha channel (PNG, WebP).
    int alpha;
    int format;
    int quality;
    /// Strength of the grain (0: as a camera at high ISO, 9); less compresses smaller.
    double grain;
    /// Leaves the red mark out (for pictures people look at).
    int no_mark;
    /// Stores the colours in Display P3 with that profile embedded, as recent phones do.
    int display_p3;
} tp_photo;

/// Encodes a made-up photo; free the bytes with `tp_free`. 0 on success.
int tp_make_photo(const tp_photo *photo, uint8_t **bytes, size_t *length);
/// The colour at (x, y) of an encoded image's stored pixels (no rotation applied). 0 on success.
int tp_pixel(const void *data, size_t length, int x, int y, uint8_t rgb[3]);
void tp_free(void *bytes);

#endif
