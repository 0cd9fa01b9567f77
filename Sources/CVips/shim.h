#ifndef SITEGEN_VIPS_SHIM_H
#define SITEGEN_VIPS_SHIM_H
#include <vips/vips.h>
#endif
