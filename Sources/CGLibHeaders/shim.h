#ifndef SITEGEN_GLIB_HEADERS_SHIM_H
#define SITEGEN_GLIB_HEADERS_SHIM_H
// Only so that SwiftPM passes GLib's include folders (pkg-config glib-2.0) to CImageCodec,
// which includes <vips/vips.h>; nothing of GLib is called from Swift.
#include <glib.h>
#endif
