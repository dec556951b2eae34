#pragma once
#include <string>

#include <cairo.h>

namespace ks {

// Writes a CAIRO_FORMAT_RGB24 image surface as an 8-bit RGB PNG. Slide
// images are large and flat, so this writer trades a little size for speed:
// the Sub filter and a run-length deflate (fast_deflate.h), many times
// faster than cairo_surface_write_to_png (zlib default level, adaptive filters).
void write_png_rgb(cairo_surface_t* surface, const std::string& path);

}  // namespace ks
