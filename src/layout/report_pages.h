#pragma once
// The outline handout's pages, a report: section headings across the page,
// then each slide as a small picture (with its number) beside its title and
// content in report style (see report_blocks.h). Pages break between strips;
// a table row that opens a page gets its table's header rows above it.
#include <vector>

#include "layout/content_page.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

std::vector<ContentPage> layout_report_pages(const Deck& deck, const ContentSpec& spec, const TextEngine& text);

}  // namespace ks
