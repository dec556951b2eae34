#pragma once
// slides.pptx in the build: its render key and the writing of the file.
#include <cstdint>
#include <string>

#include "cache/render_key.h"
#include "frame/document.h"

namespace ks {

// Every page's frame (as for slides.pdf) plus what only the slides'
// structure carries: speaker notes, alt text, sections, roles.
std::uint64_t pptx_key(RenderKeys& keys, const Document& slides);

// Writes the presentation to `path` (a temporary of the output folder).
void write_pptx_file(const Document& slides, const std::string& path);

}  // namespace ks
