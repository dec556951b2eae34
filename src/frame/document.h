#pragma once
// What every exporter receives: the pages of one output file (each a Frame),
// its bookmarks and its metadata, all decided before any exporter runs. The
// slides and every handout are a Document; an exporter takes a Document plus
// its own render options and nothing else (it reads no model, no handout
// settings and no environment). See docs/ARCHITECTURE.md, "The Document".
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "util/dates.h"

namespace ks {

// One bookmark: a title pointing at a page.
struct OutlineEntry {
    std::string title;     // one line, as shown in a PDF viewer's sidebar
    std::size_t page = 0;  // 0-based page index in the document
    int level = 0;         // 0 = top level (a section, or a slide outside one), 1 = inside a section
};

struct DocumentInfo {
    std::string title, author, subject;
    std::string creator = "kamishibai";
    // Chosen once by the app (the outline's <date>, else SOURCE_DATE_EPOCH,
    // else 2000-01-01) so both PDFs carry the same reproducible date.
    Timestamp timestamp;
    std::string lang;  // BCP 47 language of the text (<deck lang>), e.g. "ja"
};

struct Document {
    std::vector<std::shared_ptr<const Frame>> pages;
    std::vector<OutlineEntry> outline;  // in page order
    DocumentInfo info;
    // Link targets inside the document: slide id → page index (0-based)
    // where that slide is shown first. A GlyphRun's link "#id" goes there.
    std::map<std::string, std::size_t> anchors;

    void add_page(Frame page) { pages.push_back(std::make_shared<const Frame>(std::move(page))); }
};

}  // namespace ks
