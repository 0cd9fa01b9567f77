#include "CTestImages.h"
#include "CImageCodec.h"

#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

/// Sky from blue (top) to warm (bottom), with grain.
static VipsImage *sky(int width, int height, unsigned seed, double grain) {
    VipsImage *xyz = NULL, *y = NULL, *gradient = NULL, *noise = NULL, *sum = NULL, *bytes = NULL;
    // Evening, noon, dawn: top colour and the change towards the horizon.
    static const double tops[3][3] = {{40, 90, 210}, {70, 150, 230}, {120, 80, 170}};
    static const double changes[3][3] = {{200, 110, -130}, {120, 80, -20}, {130, 120, -60}};
    const double *top = tops[seed % 3], *change = changes[seed % 3];
    double a[3] = {change[0] / height, change[1] / height, change[2] / height}, b[3] = {top[0], top[1], top[2]};
    if (vips_xyz(&xyz, width, height, NULL) || vips_extract_band(xyz, &y, 1, NULL) || vips_linear(y, &gradient, a, b, 3, NULL)
        || vips_gaussnoise(&noise, width, height, "sigma", grain > 0 ? grain : 9.0, "mean", 0.0, "seed", (int)seed, NULL)
        || vips_add(gradient, noise, &sum, NULL) || vips_cast(sum, &bytes, VIPS_FORMAT_UCHAR, "shift", FALSE, NULL)) {
        bytes = NULL;
    }
    VipsImage *memory = bytes ? vips_image_copy_memory(bytes) : NULL;
    VipsImage *all[] = {xyz, y, gradient, noise, sum, bytes};
    for (int i = 0; i < 6; i++) if (all[i]) g_object_unref(all[i]);
    return memory;
}

/// A sun, a skyline of towers and the red mark, drawn into `image`.
static void draw(VipsImage *image, int width, int height, unsigned seed, int mark) {
    double sun[3] = {255, 214, 120}, tower[3] = {34, 38, 52}, red[3] = {230, 20, 20};
    vips_draw_circle(image, sun, 3, width * 7 / 10, height * 3 / 10, height / 9, "fill", TRUE, NULL);
    unsigned state = seed * 2654435761u + 1;
    for (int x = 0; x < width; ) {
        state = state * 1103515245u + 12345u;
        int w = width / 40 + (int)(state >> 16) % (width / 12 + 1);
        int h = height / 8 + (int)(state >> 8) % (height / 3 + 1);
        vips_draw_rect(image, tower, 3, x, height - h, w, h, "fill", TRUE, NULL);
        x += w + width / 200;
    }
    if (mark) vips_draw_rect(image, red, 3, 0, 0, width / 10 + 1, height / 10 + 1, "fill", TRUE, NULL);
}

/// What a phone records about a photo: camera, owner, place.
static void personal_data(VipsImage *image) {
    vips_image_set_string(image, "exif-ifd0-Make", "GeheimCam");
    vips_image_set_string(image, "exif-ifd0-Model", "Modell 7 Pro");
    vips_image_set_string(image, "exif-ifd0-Artist", "Erika Mustermann");
    vips_image_set_string(image, "exif-ifd2-BodySerialNumber", "SN-4711-0815");
    vips_image_set_string(image, "exif-ifd3-GPSLatitudeRef", "N");
    vips_image_set_string(image, "exif-ifd3-GPSLatitude", "51/1 30/1 1234/100");
    vips_image_set_string(image, "exif-ifd3-GPSLongitudeRef", "E");
    vips_image_set_string(image, "exif-ifd3-GPSLongitude", "7/1 28/1 0/1");
    const char *xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">"
        "<dc:creator>Erika Mustermann</dc:creator><exif:GPSLatitude>51,30.2N</exif:GPSLatitude></rdf:Description></rdf:RDF></x:xmpmeta>";
    vips_image_set_blob_copy(image, "xmp-data", xmp, strlen(xmp));
    // An IPTC block as Photoshop writes it (APP13): by-line "Erika Mustermann".
    static const unsigned char iptc[] = "Photoshop 3.0\0" "8BIM\x04\x04\0\0\0\0\0\x15\x1c\x02\x50\0\x10" "Erika Mustermann";
    vips_image_set_blob_copy(image, "iptc-data", iptc, sizeof iptc - 1);
}

static int save(VipsImage *image, const tp_photo *p, void **buffer, size_t *size) {
    switch (p->format) {
    case TP_JPEG: return vips_jpegsave_buffer(image, buffer, size, "Q", p->quality, NULL);
    case TP_PNG: return vips_pngsave_buffer(image, buffer, size, "compression", 1, NULL);
    case TP_WEBP: return vips_webpsave_buffer(image, buffer, size, "Q", p->quality, NULL);
    case TP_HEIC: return vips_heifsave_buffer(image, buffer, size, "Q", p->quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, NULL);
    case TP_TIFF: return vips_tiffsave_buffer(image, buffer, size, NULL);
    default: return -1;
    }
}

int tp_make_photo(const tp_photo *p, uint8_t **bytes, size_t *length) {
    if (sg_codec_start() != 0) return -1;
    VipsImage *image = sky(p->width, p->height, p->seed, p->grain);
    if (image == NULL) return -1;
    draw(image, p->width, p->height, p->seed, !p->no_mark);
    // Orientation 6 as a phone writes it: the scene (width × height, upright) stored turned a
    // quarter to the left, with the tag saying to turn it back.
    if (p->orientation == 6) {
        VipsImage *turned = NULL;
        int failed = vips_rot(image, &turned, VIPS_ANGLE_D270, NULL);
        g_object_unref(image);
        if (failed) return -1;
        image = turned;
    }
    VipsImage *out = NULL;
    if (p->alpha) {
        VipsImage *opaque = image;
        if (vips_bandjoin_const1(opaque, &out, 255.0, NULL)) { g_object_unref(opaque); return -1; }
        g_object_unref(opaque);
    } else if (vips_copy(image, &out, NULL)) {
        g_object_unref(image);
        return -1;
    } else {
        g_object_unref(image);
    }
    if (p->display_p3) {
        VipsImage *wide = NULL;
        int failed = vips_icc_transform(out, &wide, "p3", "input_profile", "srgb", NULL);
        g_object_unref(out);
        if (failed) return -1;
        out = wide;
    }
    if (p->orientation > 1) vips_image_set_int(out, "orientation", p->orientation);
    if (p->personal_data) personal_data(out);
    void *buffer = NULL;
    size_t size = 0;
    int failed = save(out, p, &buffer, &size);
    g_object_unref(out);
    if (failed) return -1;
    *bytes = buffer;
    *length = size;
    return 0;
}

int tp_pixel(const void *data, size_t length, int x, int y, uint8_t rgb[3]) {
    if (sg_codec_start() != 0) return -1;
    VipsImage *image = vips_image_new_from_buffer(data, length, "", NULL);
    if (image == NULL) return -1;
    double *values = NULL;
    int n = 0;
    int failed = vips_getpoint(image, &values, &n, x, y, NULL);
    g_object_unref(image);
    if (failed || n < 3) return -1;
    for (int i = 0; i < 3; i++) rgb[i] = (uint8_t)values[i];
    g_free(values);
    return 0;
}

void tp_free(void *bytes) { g_free(bytes); }
