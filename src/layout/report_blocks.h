#pragma once
// A slide's blocks in the outline handout's report column, as strips (one
// per line, table row or picture): columns one after another, tables as
// tables, code in monospace on a light band, quotes set off by a rule, list
// items with hanging indents, images small with their captions.
#include <optional>
#include <vector>

#include "layout/content_page.h"
#include "model/deck.h"
#include "text/text_engine.h"

namespace ks {

struct ReportStyles {
    TextStyle body, body_head, muted, figure;
    double width = 0;  // the report column
};

std::vector<Strip> report_block_strips(const Block& block, const ReportStyles& styles, const TextEngine& text);

// A set text block as one strip per line, `indent` from the column's left;
// `mark` (a list number or bullet) hangs left of the first line.
struct TextStrips {
    double indent = 0;
    double space_before = 0;
    const TextBlock* mark = nullptr;
    bool quote_rule = false;  // a rule left of every line
    double code_band = 0;     // > 0: a light band this wide behind every line (code)
};
void push_text_strips(std::vector<Strip>& out, const TextBlock& block, const TextStrips& how);

}  // namespace ks
