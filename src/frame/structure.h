#pragma once
// The structure of one slide beside its ink: what the slide says, in reading
// order, as elements (a title, a paragraph, a list, a table, a figure, …) of
// paragraphs (a list item, a table cell, a code line, …) of laid-out lines of
// styled runs. Layout fills it while it draws; exporters that need more than
// ink read it instead of the model: the PowerPoint writer (editable text
// boxes, real lists and tables, pictures, notes, the master's furniture) and
// the tagged PDF (roles, alt text, links, artifacts). The layout dump shows it
// (`structure` of each slide).
//
// Every element and paragraph names the frame items that draw it, as a range
// of indices into the slide Frame's top-level `items`. An item in an
// element's range but in none of its paragraphs' ranges is the element's own
// decoration (a bullet, a table's row fills and rules, the code band, the
// quote bar). An item in no element's range is decoration of the slide (a
// layout's rectangles): an artifact for a tagged PDF.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "frame/color.h"
#include "util/image_format.h"

namespace ks {

// [begin, end) indices into Frame::items.
struct ItemRange {
    std::size_t begin = 0, end = 0;
    bool empty() const { return begin >= end; }
    bool contains(std::size_t i) const { return i >= begin && i < end; }
};

// One piece of a line in one style. Positions are slide points, origin top-left.
struct StructRun {
    std::string text;    // exactly what is shown
    std::string family;  // font family as named in the layout set ("BIZ UDPGothic")
    double size = 0;     // points
    bool bold = false, italic = false;
    bool code = false;   // set in the layout set's mono family
    Color color;
    double x = 0;        // left of the run on its baseline
    std::string link;    // link target (a URL or "#slide-id"); empty: none
};

// One line as layout broke it (a writer keeps the break).
struct StructLine {
    double x = 0, top = 0, w = 0, h = 0;  // the line box
    double baseline = 0;
    bool hard_break = false;  // starts after a <br/> (not a line break made by layout)
    std::vector<StructRun> runs;
};

enum class StructAlign { Left, Center, Right, Justify };

// A paragraph: the paragraph of a text element, one list item, one table
// cell, one code line, one agenda entry, the value/label/note of a big number.
struct StructParagraph {
    std::vector<StructLine> lines;
    StructAlign align = StructAlign::Left;
    int level = 0;          // list nesting, 0 = top
    int number = 0;         // an ordered list item's number; 0: bulleted (or not a list item)
    double marker_x = 0;    // list items: where the bullet or number starts
    // Table cells: position in the table as drawn on this slide and spans.
    int row = 0, col = 0, row_span = 1, col_span = 1;
    bool header = false;    // a header cell (or a column heading)
    double x = 0, y = 0, w = 0, h = 0;  // table cells: the cell; others: the lines' bounds
    ItemRange items;
};

enum class StructKind {
    Title,      // the slide title (a heading)
    Subtitle,
    Text,       // paragraphs of body text
    List,       // items with levels (bulleted or numbered)
    Table,      // cells in rows; header rows first
    Figure,     // an image (alt text, file, crop)
    Caption,    // a caption of a figure or table
    Quote,      // quotation paragraphs; the cite is a last paragraph with `cite` set
    BigNumber,  // a big number: value, label, note paragraphs
    Code,       // one paragraph a source line
    Agenda,     // the deck's sections, one paragraph each
    Heading,    // a column heading
    Furniture,  // the master's (or a layout's) footer, label, page number, meta text, logo
};

// A figure's picture: the file as written, the visible rectangle and the crop.
struct StructImage {
    std::string path;     // the file (PNG, JPEG, SVG); empty when it could not be read (a placeholder is drawn)
    std::string src;      // as written in the outline
    std::string alt;
    ImageFormat format = ImageFormat::Unknown;
    // Crop (fit="cover"): the shares of the picture cut off each side, 0..1.
    double crop_left = 0, crop_top = 0, crop_right = 0, crop_bottom = 0;
};

// A chart's data and look, for writers that rebuild it as a chart of their
// own (PowerPoint's native chart): what the slide draws, not how.
struct StructChartSeries {
    std::string name;
    Color color;                  // its bars or line (a pie's slices: StructChart::slice_colors)
    std::optional<Color> hatch;   // bars drawn with diagonal stripes of this colour over `color`
    std::vector<std::optional<double>> values;  // one per category; nullopt = a gap
};

struct StructChart {
    std::string type;             // column, bar, line, pie, stacked-column
    std::string unit;             // "億円"; empty: none
    std::string category_label;   // what the categories are (the header row's first cell)
    std::vector<std::string> categories;
    std::vector<StructChartSeries> series;
    std::vector<Color> slice_colors;  // a pie: one per category
    // The value axis as drawn (not a pie): lowest and highest tick, step.
    double axis_min = 0, axis_max = 0, axis_step = 0;
    int axis_decimals = 0, value_decimals = 0;  // decimals of the tick and value labels
    int category_every = 1;       // the label of every n-th category is shown (long labels in narrow slots)
    bool legend = false;          // a legend is drawn (several series, or a pie)
    // The plot area, from the chart's top-left (points).
    double plot_x = 0, plot_y = 0, plot_w = 0, plot_h = 0;
    // Labels: family and size; colours of text, ticks and unit, grid, zero line, paper.
    std::string family;
    double size = 0;
    Color text, muted, grid, axis, paper;
};

struct StructElement {
    StructKind kind = StructKind::Text;
    double x = 0, y = 0, w = 0, h = 0;  // the element's rectangle on the slide
    std::vector<StructParagraph> paragraphs;
    ItemRange items;
    bool ordered = false;            // List
    int table_rows = 0, table_cols = 0;  // Table
    std::vector<double> col_widths;      // Table
    std::vector<double> row_heights;     // Table
    StructImage image;               // Figure (and a logo in Furniture)
    std::optional<StructChart> chart;  // Figure: a chart drawn from its data (no picture file)
    bool cite = false;               // Quote: the last paragraph is the cite
    // Furniture: which box ("footer", "confidentiality", "page-number",
    // "meta", "logo") and, for text, the layout set's template with the
    // per-slide fields left as written ("{page} / 25", "{section}").
    std::string furniture;
    std::string field_text;
    bool from_master = false;        // drawn by the master (else by the slide's layout)
};

// The structure of one slide.
struct SlideStructure {
    std::vector<StructElement> elements;  // reading order
    std::string title;                    // the slide title as plain text
    std::string section;                  // the enclosing <section>'s title, if any
    std::vector<std::string> notes;       // speaker notes, one string a paragraph
    ItemRange master_items;               // everything the master drew (decoration and furniture)
    ItemRange layout_items;               // the slide layout's own rectangles and logos
};

}  // namespace ks
