#pragma once
// What Cairo 1.16 and libharu cannot write into a PDF, added afterwards in
// one place with libqpdf: the document language (/Lang), the title shown
// in the viewer's title bar (/ViewerPreferences /DisplayDocTitle), the alt
// text of the structure tree's Figure elements (/Alt), and content outside
// the structure marked as /Artifact. Used by both PDF exporters on their
// file before it is committed.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace ks {

struct PdfAccessibility {
    std::string lang;                      // BCP 47, e.g. "ja"; empty: not set
    bool display_doc_title = true;
    std::vector<std::string> figure_alts;  // in structure-tree order; "" leaves that Figure without /Alt
    bool mark_artifacts = false;           // wrap content outside any marked-content sequence as /Artifact
    // Link annotations whose /Dest is one of these names get that page
    // (0-based) as an explicit destination (Cairo 1.16 writes the name but,
    // in a tagged document, no /Dests for it).
    std::map<std::string, std::size_t> named_pages;
};

// Returns the PDF `pdf_bytes` with the entries added, in memory (the caller
// writes the result through its one output descriptor); `name` is for
// messages. Deterministic. Throws std::runtime_error.
std::string add_pdf_accessibility(const std::string& pdf_bytes, const std::string& name, const PdfAccessibility& a);

}  // namespace ks
