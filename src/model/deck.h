#pragma once
// The outline as a plain, immutable-after-load value. Every node keeps the
// source position it came from so later stages can report problems precisely.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source_position.h"

namespace ks {

// A run of inline text with uniform styling. Line breaks (<br/>) are spans
// whose text is "\n".
struct Span {
    std::string text;  // UTF-8, whitespace already normalised
    bool bold = false;
    bool italic = false;
    bool code = false;
    SourcePosition where;
};

struct RichText {
    std::vector<Span> spans;
    SourcePosition where;

    std::string plain() const;  // concatenated text of all spans
    bool empty() const;
};

struct List;

struct ListItem {
    RichText text;  // empty on the carrier of children continued from an earlier slide
    std::vector<List> children;  // nested lists
    SourcePosition where;
};

struct List {
    bool ordered = false;
    int start = 1;  // number of the first item (a list continued on the next slide goes on counting)
    std::vector<ListItem> items;
    SourcePosition where;
};

struct Paragraph {
    RichText text;
    SourcePosition where;
};

struct TableCell {
    RichText text;
    SourcePosition where;
};

struct TableRow {
    bool header = false;
    std::vector<TableCell> cells;
    SourcePosition where;
};

struct Table {
    std::vector<TableRow> rows;
    SourcePosition where;
    // On a piece of a table continued over several slides: all its rows, so
    // every piece gets the same column widths.
    std::shared_ptr<const std::vector<TableRow>> sizing_rows;
};

struct Image {
    std::string src;       // as written
    std::string resolved;  // absolute or outline-relative path
    std::string alt;
    SourcePosition where;
};

using Block = std::variant<Paragraph, List, Table, Image>;

struct Slide {
    std::string id;      // from id="" or generated ("slide-3")
    std::string layout;  // as written; empty means "choose from content"
    RichText title;
    RichText subtitle;
    std::vector<Block> blocks;
    RichText notes;      // speaker notes, paragraphs separated by "\n\n"
    std::string section; // title of the enclosing <section>, if any
    std::string continues;  // on a continuation slide: the id of the slide it continues
    SourcePosition where;
};

struct DeckMeta {
    std::string title;
    std::string subtitle;
    std::string date;  // ISO yyyy-mm-dd when given
    std::string author;
    std::string confidentiality;
};

struct Section {
    std::string title;
    std::size_t first_slide = 0;  // index into Deck::slides
    std::size_t slide_count = 0;
    SourcePosition where;
};

struct Deck {
    DeckMeta meta;
    std::vector<Section> sections;
    std::vector<Slide> slides;  // in order, sections flattened
    std::string source_file;
};

}  // namespace ks
