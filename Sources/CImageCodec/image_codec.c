// Non-variadic wrappers around libvips (see CImageCodec.h).
//
// libvips is opened with dlopen when the first image needs it, not linked: with the hundred
// libraries it brings (codecs, GLib, …) every command started about 20 ms later, which was a
// quarter of a rebuild that finds nothing changed. Its headers give the types; every function
// is called through a pointer that `load` looks up by name.
#include "CImageCodec.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

#define SG_VIPS_FUNCTIONS(X) \
    X(vips_init) \
    X(vips_version) \
    X(vips_version_string) \
    X(vips_error) \
    X(g_log) \
    X(vips_block_untrusted_set) \
    X(vips_cache_set_max) \
    X(vips_concurrency_set) \
    X(g_log_set_handler) \
    X(vips_type_find) \
    X(vips_foreign_find_load_buffer) \
    X(vips_image_new_from_buffer) \
    X(vips_image_get_orientation_swap) \
    X(vips_image_get_orientation) \
    X(vips_image_hasalpha) \
    X(g_object_unref) \
    X(g_object_ref) \
    X(vips_copy) \
    X(vips_image_get_fields) \
    X(vips_image_remove) \
    X(g_strfreev) \
    X(vips_image_get_interpretation) \
    X(vips_colourspace) \
    X(vips_cast) \
    X(vips_thumbnail_buffer) \
    X(vips_image_copy_memory) \
    X(vips_thumbnail_image) \
    X(vips_array_double_newv) \
    X(vips_flatten) \
    X(vips_area_unref) \
    X(vips_jpegsave_buffer) \
    X(vips_pngsave_buffer) \
    X(vips_webpsave_buffer) \
    X(vips_heifsave_buffer) \
    X(g_free) \
    X(vips_error_buffer_copy)

#define SG_POINTER(name) static __typeof__(&name) sg_##name;
SG_VIPS_FUNCTIONS(SG_POINTER)

static int loaded = -1;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *names[] = {"libvips.so.42", "libvips.so", "libvips.42.dylib", "libvips.dylib"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_GLOBAL);
    if (!lib) return;
#define SG_LOOK_UP(name) if ((sg_##name = (__typeof__(&name))dlsym(lib, #name)) == NULL) return;
    SG_VIPS_FUNCTIONS(SG_LOOK_UP)
    loaded = 0;
}

// From here on, each libvips and GLib name means the pointer found by `load`.
#define vips_init sg_vips_init
#define vips_version sg_vips_version
#define vips_version_string sg_vips_version_string
#define vips_error sg_vips_error
#define g_log sg_g_log
#define vips_block_untrusted_set sg_vips_block_untrusted_set
#define vips_cache_set_max sg_vips_cache_set_max
#define vips_concurrency_set sg_vips_concurrency_set
#define g_log_set_handler sg_g_log_set_handler
#define vips_type_find sg_vips_type_find
#define vips_foreign_find_load_buffer sg_vips_foreign_find_load_buffer
#define vips_image_new_from_buffer sg_vips_image_new_from_buffer
#define vips_image_get_orientation_swap sg_vips_image_get_orientation_swap
#define vips_image_get_orientation sg_vips_image_get_orientation
#define vips_image_hasalpha sg_vips_image_hasalpha
#define g_object_unref sg_g_object_unref
#define g_object_ref sg_g_object_ref
#define vips_copy sg_vips_copy
#define vips_image_get_fields sg_vips_image_get_fields
#define vips_image_remove sg_vips_image_remove
#define g_strfreev sg_g_strfreev
#define vips_image_get_interpretation sg_vips_image_get_interpretation
#define vips_colourspace sg_vips_colourspace
#define vips_cast sg_vips_cast
#define vips_thumbnail_buffer sg_vips_thumbnail_buffer
#define vips_image_copy_memory sg_vips_image_copy_memory
#define vips_thumbnail_image sg_vips_thumbnail_image
#define vips_array_double_newv sg_vips_array_double_newv
#define vips_flatten sg_vips_flatten
#define vips_area_unref sg_vips_area_unref
#define vips_jpegsave_buffer sg_vips_jpegsave_buffer
#define vips_pngsave_buffer sg_vips_pngsave_buffer
#define vips_webpsave_buffer sg_vips_webpsave_buffer
#define vips_heifsave_buffer sg_vips_heifsave_buffer
#define g_free sg_g_free
#define vips_error_buffer_copy sg_vips_error_buffer_copy

static int started = -1;
static pthread_once_t once = PTHREAD_ONCE_INIT;

// libvips reports recoverable oddities (an ignored colour profile …) as GLib warnings on stderr;
// the build reports problems itself, naming the file.
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void start(void) {
    pthread_once(&load_once, load);
    if (loaded != 0 || VIPS_INIT("sitegen") != 0) return;
    // Editors' files are untrusted input: only the well-tested loaders may read them.
    vips_block_untrusted_set(TRUE);
    // Each image is read once; a cache of operations would only hold memory.
    vips_cache_set_max(0);
    // The caller runs one image per core; one thread per image keeps the cores busy without
    // oversubscribing them.
    vips_concurrency_set(1);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, quiet, NULL);
    started = 0;
}

int sg_codec_start(void) {
    pthread_once(&once, start);
    return started;
}

const char *sg_codec_version(void) {
    // Opens the library without starting it (which loads its modules).
    pthread_once(&load_once, load);
    return loaded == 0 ? vips_version_string() : "none";
}

int sg_codec_can_save(int format) {
    const char *name = format == SG_FORMAT_JPEG ? "jpegsave_buffer" : format == SG_FORMAT_PNG ? "pngsave_buffer"
        : format == SG_FORMAT_WEBP ? "webpsave_buffer" : format == SG_FORMAT_AVIF ? "heifsave_buffer" : NULL;
    return name != NULL && vips_type_find("VipsOperation", name) != 0;
}

int sg_image_probe(const void *data, size_t length, sg_image_info *info) {
    memset(info, 0, sizeof *info);
    const char *loader = vips_foreign_find_load_buffer(data, length);
    if (loader == NULL) return -1;
    VipsImage *image = vips_image_new_from_buffer(data, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    int swap = vips_image_get_orientation_swap(image);
    info->width = swap ? image->Ysize : image->Xsize;
    info->height = swap ? image->Xsize : image->Ysize;
    info->orientation = vips_image_get_orientation(image);
    info->has_alpha = vips_image_hasalpha(image);
    strncpy(info->loader, loader, sizeof info->loader - 1);
    g_object_unref(image);
    return 0;
}

/// A copy of `image` without any metadata: EXIF (GPS, camera, serial numbers), XMP, IPTC, maker
/// notes, comments, the colour profile (the pixels are sRGB already) and the orientation tag
/// (already applied). Savers' `strip` option alone left EXIF and XMP in WebP files (8.14).
static VipsImage *without_metadata(VipsImage *image) {
    VipsImage *copy = NULL;
    if (vips_copy(image, &copy, NULL) != 0) return NULL;
    gchar **fields = vips_image_get_fields(copy);
    for (int i = 0; fields[i] != NULL; i++) vips_image_remove(copy, fields[i]);
    g_strfreev(fields);
    return copy;
}

/// `image` as 8-bit sRGB (16-bit PNGs, greyscale and the like are converted).
static VipsImage *as_srgb(VipsImage *image) {
    if (vips_image_get_interpretation(image) == VIPS_INTERPRETATION_sRGB && image->BandFmt == VIPS_FORMAT_UCHAR) {
        g_object_ref(image);
        return image;
    }
    VipsImage *out = NULL;
    if (vips_colourspace(image, &out, VIPS_INTERPRETATION_sRGB, NULL) != 0) return NULL;
    if (out->BandFmt == VIPS_FORMAT_UCHAR) return out;
    VipsImage *cast = NULL;
    int failed = vips_cast(out, &cast, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(out);
    return failed ? NULL : cast;
}

/// The loader's options (thumbnail's own fail_on does not reach the loader in 8.14, its option
/// string does). `level` 2: a truncated file is an error rather than a grey band, and so, for a
/// JPEG, is a warning: libjpeg reports damaged data inside a JPEG (a scrambled stretch, "Corrupt
/// JPEG data") only as one and paints the rest grey. 1: truncation only; 0: nothing (only used
/// to tell why a file failed, see ImageCodec.make).
static const char *load_options(const void *data, size_t length, int level) {
    const unsigned char *bytes = data;
    int jpeg = length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;
    return level >= 2 && jpeg ? "fail_on=warning" : level >= 1 ? "fail_on=truncated" : "fail_on=none";
}

void *sg_image_decode(const void *data, size_t length, int width, int height, int level) {
    VipsImage *thumb = NULL;
    // Shrink-on-load, EXIF orientation applied, an embedded profile (or CMYK) converted to sRGB.
    if (vips_thumbnail_buffer((void *)data, length, &thumb, width, "height", height, "size", VIPS_SIZE_DOWN,
                              "export_profile", "srgb", "option_string", load_options(data, length, level), NULL) != 0) return NULL;
    VipsImage *rgb = as_srgb(thumb);
    g_object_unref(thumb);
    if (rgb == NULL) return NULL;
    VipsImage *bare = without_metadata(rgb);
    g_object_unref(rgb);
    if (bare == NULL) return NULL;
    // Decoding happens here, once; every size is made from these pixels.
    VipsImage *memory = vips_image_copy_memory(bare);
    g_object_unref(bare);
    return memory;
}

void *sg_image_fill(void *image, int width, int height) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image((VipsImage *)image, &out, width, "height", height, "size", VIPS_SIZE_BOTH,
                             "crop", VIPS_INTERESTING_CENTRE, NULL) != 0) return NULL;
    VipsImage *bare = without_metadata(out);
    g_object_unref(out);
    return bare;
}

void sg_image_size(void *image, int *width, int *height) {
    *width = ((VipsImage *)image)->Xsize;
    *height = ((VipsImage *)image)->Ysize;
}

/// JPEG has no transparency: transparent parts become white, as on the page.
static VipsImage *flattened(VipsImage *image) {
    VipsImage *out = NULL;
    if (!vips_image_hasalpha(image)) {
        g_object_ref(image);
        return image;
    }
    VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
    int failed = vips_flatten(image, &out, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    return failed ? NULL : out;
}

int sg_image_save(void *handle, int format, int quality, int effort, uint8_t **bytes, size_t *length) {
    VipsImage *image = handle;
    void *buffer = NULL;
    size_t size = 0;
    int failed = -1;
    *bytes = NULL;
    *length = 0;
    switch (format) {
    case SG_FORMAT_JPEG: {
        VipsImage *flat = flattened(image);
        if (flat == NULL) return -1;
        failed = vips_jpegsave_buffer(flat, &buffer, &size, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
        g_object_unref(flat);
        break;
    }
    case SG_FORMAT_PNG:
        failed = vips_pngsave_buffer(image, &buffer, &size, "compression", 6, "strip", TRUE, NULL);
        break;
    case SG_FORMAT_WEBP:
        failed = vips_webpsave_buffer(image, &buffer, &size, "Q", quality, "effort", effort, "strip", TRUE, NULL);
        break;
    case SG_FORMAT_AVIF:
        failed = vips_heifsave_buffer(image, &buffer, &size, "Q", quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                                      "effort", effort, "strip", TRUE, NULL);
        break;
    default:
        return -1;
    }
    if (failed != 0) return -1;
    *bytes = buffer;
    *length = size;
    return 0;
}

void sg_image_free(void *image) {
    if (image != NULL) g_object_unref(image);
}

void sg_buffer_free(void *bytes) { g_free(bytes); }

char *sg_codec_error(void) {
    char *message = vips_error_buffer_copy();
    if (message == NULL) return NULL;
    char *copy = strdup(message);
    g_free(message);
    return copy;
}
