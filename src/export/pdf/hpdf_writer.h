#pragma once
// The libharu exporter: one recursive walk over frame items onto PDF pages.
// Text is real text in the embedded TrueType face (searchable), placed
// cluster by cluster where the frame says; what libharu cannot encode
// (characters outside the BMP, shaped glyphs) is drawn from the glyph
// outline, with a warning when the text is not searchable. The glyph
// contract and libharu's limits: docs/ARCHITECTURE.md.
#include <string>

#include "diag/diagnostics.h"
#include "frame/document.h"

namespace ks {

struct HpdfOptions {
    // Draw every colour (and image) as its luminance in DeviceGray, so the
    // file prints the same on any printer.
    bool grayscale = false;
};

// Writes the document to `path` (the caller passes a temporary path and
// renames it; just write the file). Throws std::runtime_error on libharu
// failure; problems of the content (a font libharu cannot embed, an
// unreadable image) are warnings in `diags`.
void write_handout_pdf(const Document& doc, const HpdfOptions& options, const std::string& path, Diagnostics& diags);

}  // namespace ks
