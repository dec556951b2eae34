#pragma once
// The libharu exporter: one recursive walk over frame items onto PDF pages.
// Text is real text in the embedded TrueType face (searchable), placed
// cluster by cluster where the frame says; what libharu cannot encode
// (characters outside the BMP, shaped glyphs) is drawn from the glyph
// outline, with a warning when the text is not searchable.
#include <string>

#include "diag/diagnostics.h"
#include "handout/handout_imposer.h"

namespace ks {

struct PdfInfo {
    std::string title, author, subject, creator = "kamishibai";
    std::string date;  // ISO yyyy-mm-dd or empty
};

// Writes the pages to `path` (the caller passes a temporary path and renames
// it; just write the file). Throws std::runtime_error on libharu failure.
void write_handout_pdf(const HandoutDocument& doc, const PdfInfo& info, const std::string& path, Diagnostics& diags);

}  // namespace ks
