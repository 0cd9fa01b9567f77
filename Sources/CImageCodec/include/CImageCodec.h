// The few libvips calls the image step needs, as plain (non-variadic) C functions: Swift cannot
// call libvips's variadic ones. Images are passed as opaque handles; every function is thread-safe.
#ifndef SITEGEN_IMAGE_CODEC_H
#define SITEGEN_IMAGE_CODEC_H

#include <stddef.h>
#include <stdint.h>

/// What an image's header says, with its EXIF orientation applied to the size.
typedef struct {
    int width;
    int height;
    /// EXIF orientation, 1 (upright) to 8.
    int orientation;
    int has_alpha;
    /// The libvips loader that reads it, e.g. "jpegload_buffer".
    char loader[48];
} sg_image_info;

enum { SG_FORMAT_JPEG = 1, SG_FORMAT_PNG = 2, SG_FORMAT_WEBP = 3, SG_FORMAT_AVIF = 4 };

/// Starts libvips once (later calls return the first result): 0 on success. Untrusted loaders are
/// blocked, the operation cache is off, each image is worked on by one thread (the caller runs
/// several images at once), and libvips's warnings are not printed.
int sg_codec_start(void);
/// "8.14.1".
const char *sg_codec_version(void);
/// Whether this libvips can write `format`.
int sg_codec_can_save(int format);

/// Reads the header only: 0 on success, -1 when libvips cannot read it.
int sg_image_probe(const void *data, size_t length, sg_image_info *info);

/// Decodes at most `width`×`height` (kept in proportion, never enlarged), upright, in sRGB, with
/// all metadata removed, into memory. NULL when it cannot be decoded (also when truncated; for
/// `level` see image_codec.c's load_options).
void *sg_image_decode(const void *data, size_t length, int width, int height, int level);
/// `image` scaled to cover exactly `width`×`height`, the overlap cut off evenly (centre).
void *sg_image_fill(void *image, int width, int height);
void sg_image_size(void *image, int *width, int *height);
/// Encodes `image`; the bytes are freed with `sg_buffer_free`. 0 on success.
int sg_image_save(void *image, int format, int quality, int effort, uint8_t **bytes, size_t *length);
void sg_image_free(void *image);
void sg_buffer_free(void *bytes);

/// The last libvips error message on this process (malloc'd, freed by the caller), and clears it.
char *sg_codec_error(void);

#endif
