#pragma once
// The third exporter: a plain-text dump of a Document, one item per line,
// indented by nesting (in the spirit of SILE's debug output). Deterministic
// and independent of the machine (fonts by family and file name, numbers to
// 0.01 pt), so it serves as a text golden for slides and handout pages
// (tests/golden/render/ and impose/, see docs/ARCHITECTURE.md).
#include <cstddef>
#include <string>

#include "frame/document.h"

namespace ks {

struct TextDumpOptions {
    // Image paths are printed relative to this directory when under it
    // (empty: as they are), so goldens do not depend on the checkout path.
    std::string relative_to;
    // A group showing one of these pages (the handout's slide pictures, which
    // share the slides' frames) is one line, "... page=N of shared", instead
    // of the page's items again: impose goldens show what imposition did.
    const Document* shared_pages = nullptr;
};

// The document header, its outline and every page.
std::string dump_document(const Document& doc, const TextDumpOptions& options = {});

// One page only (0-based), as it appears in dump_document.
std::string dump_page(const Document& doc, std::size_t page, const TextDumpOptions& options = {});

}  // namespace ks
