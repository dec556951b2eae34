#pragma once
#include <string>

#include <cairo.h>

namespace ks {

// Writes a CAIRO_FORMAT_RGB24 image surface as an 8-bit RGB PNG. Faster than
// cairo_surface_write_to_png: fast zlib level, one filter, no alpha channel.
void write_png_rgb(cairo_surface_t* surface, const std::string& path);

}  // namespace ks
