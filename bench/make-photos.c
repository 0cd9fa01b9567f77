// Writes made-up photos (Tests/CTestImages/test_images.c) for the image benchmark and the example
// site. Build: cc bench/make-photos.c Tests/CTestImages/test_images.c -ITests/CTestImages/include \
//   $(pkg-config --cflags --libs vips) -o make-photos
//
//   make-photos FOLDER COUNT [WIDTH HEIGHT QUALITY ROTATE_EVERY PERSONAL SEED PREFIX GRAIN MARK]
//
// Every ROTATE_EVERY-th photo is a portrait one (HEIGHT × WIDTH as seen), stored lying on its side
// with EXIF orientation 6, as phones store them; PERSONAL=1 records a camera, a photographer and a
// GPS position. GRAIN (default 9) is the noise strength, MARK=0 leaves the red test mark out.
#include "CTestImages.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s FOLDER COUNT [WIDTH HEIGHT QUALITY ROTATE_EVERY PERSONAL SEED PREFIX GRAIN MARK]\n", argv[0]);
        return 2;
    }
    int count = atoi(argv[2]);
    int width = argc > 3 ? atoi(argv[3]) : 4000, height = argc > 4 ? atoi(argv[4]) : 3000;
    int quality = argc > 5 ? atoi(argv[5]) : 92, rotate_every = argc > 6 ? atoi(argv[6]) : 5;
    int personal = argc > 7 ? atoi(argv[7]) : 1;
    unsigned seed = argc > 8 ? (unsigned)atoi(argv[8]) : 1;
    const char *prefix = argc > 9 ? argv[9] : "foto";
    double grain = argc > 10 ? atof(argv[10]) : 9.0;
    int mark = argc > 11 ? atoi(argv[11]) : 1;
    for (int i = 1; i <= count; i++) {
        int portrait = rotate_every > 0 && i % rotate_every == 0;
        // A portrait photo is seen height × width, stored width × height with orientation 6.
        tp_photo p = {portrait ? height : width, portrait ? width : height, seed + (unsigned)i, portrait ? 6 : 1, personal, 0,
                      TP_JPEG, quality, grain, !mark, 0};
        uint8_t *bytes = NULL;
        size_t length = 0;
        if (tp_make_photo(&p, &bytes, &length) != 0) {
            fprintf(stderr, "photo %d failed\n", i);
            return 1;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s-%02d.jpg", argv[1], prefix, i);
        FILE *f = fopen(path, "wb");
        if (f == NULL || fwrite(bytes, 1, length, f) != length || fclose(f) != 0) {
            fprintf(stderr, "cannot write %s\n", path);
            return 1;
        }
        tp_free(bytes);
    }
    return 0;
}
