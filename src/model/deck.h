#pragma once
// The outline as a plain, immutable-after-load value. Every node keeps the
// source position it came from so later stages can report problems precisely.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source_position.h"
#include "util/image_format.h"

namespace ks {

// A run of inline text with uniform styling. Line breaks (<br/>) are spans
// whose text is "\n".
struct Span {
    std::string text;  // UTF-8, whitespace already normalised
    bool bold = false;
    bool italic = false;
    bool code = false;
    SourcePosition where;
    std::string href;  // <a href> or an auto-linked URL: "https://…" or "#slide-id"; empty: no link
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
    int colspan = 1, rowspan = 1;  // merged cells (colspan="", rowspan="")
    int column = -1;  // grid column it starts at, set by the loader; -1: the next free one (model/table_grid.h)
};

struct TableRow {
    bool header = false;
    std::vector<TableCell> cells;
    SourcePosition where;
    bool total = false;  // <row total="true">: set bold with a rule above
};

// Horizontal alignment of a table column; Auto: right when the column holds
// only numbers (see is_numeric_cell), else left.
enum class CellAlign { Auto, Left, Center, Right };

struct Table {
    std::vector<TableRow> rows;
    SourcePosition where;
    std::vector<CellAlign> align;  // per column from align=""; empty or shorter: Auto
    std::vector<double> widths;    // relative column widths from widths=""; empty: from content
    RichText caption;              // optional <caption>, set above the table (repeated on continued pieces)
    // On a piece of a table continued over several slides: all its rows, so
    // every piece gets the same column widths.
    std::shared_ptr<const std::vector<TableRow>> sizing_rows;
};

enum class ImageFit { Contain, Cover };

struct Image {
    std::string src;       // as written
    std::string resolved;  // absolute or outline-relative path
    std::string alt;
    ImageFit fit = ImageFit::Contain;  // cover: fills the space it gets, cropped, aspect kept
    double width_fraction = 0;         // width="60%" → 0.6 of the column; 0 = as large as fits
    RichText caption;                  // optional <caption>, set under the image
    ImageFormat format = ImageFormat::Unknown;  // from the file's magic bytes
    SourcePosition where;
};

// A quotation set large, its source (cite) below right.
struct Quote {
    std::vector<RichText> paragraphs;
    std::string cite;
    SourcePosition where;
};

// A big number ("+12.4%") with its label ("前年比") and an optional note line.
struct FigureNumber {
    std::string value;
    std::string label;
    RichText note;
    SourcePosition where;
    // On a piece of a row of big numbers continued over several slides: every
    // value of the whole row, so each piece gets the same grid and size.
    std::shared_ptr<const std::vector<std::string>> group_values;
};

// A code block: lines kept verbatim (tabs expanded), set in the mono font.
struct Pre {
    std::vector<std::string> lines;
    SourcePosition where;
};

// The deck's sections, generated; `current` is the section of the slide it
// is on (-1: none highlighted). Filled in by the loader.
struct Agenda {
    std::vector<std::string> sections;
    int current = -1;
    SourcePosition where;
    std::vector<std::string> targets;  // id of each section's first slide (its entry links there)
    // The entries shown, [first, end) of `sections`: an agenda too long for
    // one slide continues onto the next (layout/paginate.cpp).
    std::size_t first = 0;
    std::size_t end = static_cast<std::size_t>(-1);
    std::size_t shown_end() const { return end < sections.size() ? end : sections.size(); }
};

// The byte length of the number a section title starts with ("1. 進捗",
// "2）課題", "第3章 展望", "04　まとめ"), without the space after it; 0 when
// the title carries no number of its own. An agenda numbers only titles
// without one (slides and the outline handout alike).
std::size_t own_number_length(const std::string& title);

// A chart drawn from its data (<chart>): the first cell of each row names the
// category, the header row names the series. Values are read as tables read
// numbers (△/▲ minus); an empty cell is a gap.
enum class ChartType { Column, Bar, Line, Pie, StackedColumn };

struct ChartSeries {
    std::string name;
    std::vector<std::optional<double>> values;  // one per category; nullopt = gap
};

struct Chart {
    ChartType type = ChartType::Column;
    std::string unit;             // unit="億円": the axis unit, shown once
    std::string caption;          // caption="…": set under the chart
    std::string alt;              // alt="…", or generated from the data by the loader
    bool alt_generated = false;
    double width_fraction = 0;    // width="60%" → 0.6 of the column; 0 = the whole column
    std::string category_label;   // the header row's first cell (e.g. 四半期)
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    std::vector<std::vector<std::string>> cells;  // the data as written, header row first (table views)
    SourcePosition where;
};

const char* chart_type_name(ChartType type);

// The chart's data as a table (header row first, numbers as written, the
// unit in the caption): its table view in handouts and other outputs.
Table chart_as_table(const Chart& chart);

struct Column;

struct Columns {
    std::vector<Column> columns;  // 2 or 3
    std::vector<double> widths;   // relative widths; empty = equal
    SourcePosition where;
};

using Block = std::variant<Paragraph, List, Table, Image, Columns, Quote, FigureNumber, Pre, Agenda, Chart>;

struct Column {
    RichText heading;  // optional first <heading> (the comparison layout shows it as a header)
    std::vector<Block> blocks;
    SourcePosition where;
};

// Where a block starts in the outline.
SourcePosition block_where(const Block& block);

struct Slide {
    std::string id;      // from id="" or generated ("slide-3")
    std::string layout;  // as written; empty means "choose from content"
    RichText title;
    RichText subtitle;
    std::vector<Block> blocks;
    RichText notes;      // speaker notes, paragraphs separated by "\n\n"
    std::string section; // title of the enclosing <section>, if any
    std::string continues;  // on a continuation slide: the id of the slide it continues
    double fit_size = 0;    // set by fitting on every slide of a run: the body size all its pieces share
    SourcePosition where;
};

struct DeckMeta {
    std::string title;
    std::string subtitle;
    std::string date;  // ISO yyyy-mm-dd when given
    std::string author;
    std::string confidentiality;
    SourcePosition title_where;  // the <title> element, for messages about the title
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
    std::string lang;     // <deck lang="ja">: the language of the text (PDF /Lang)
    std::string layouts;  // <deck layouts="NAME">: a layout set from the data dir; empty = default
    SourcePosition layouts_where;
};

}  // namespace ks
