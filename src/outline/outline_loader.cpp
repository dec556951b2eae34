#include "outline/outline_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include <pugixml.hpp>

#include "diag/source_map.h"
#include "outline/chart_loader.h"
#include "outline/link_reader.h"
#include "image/image_file.h"
#include "diag/xml_reader.h"
#include "model/table_grid.h"
#include "util/edit_distance.h"
#include "util/utf8.h"
#include "util/read_file.h"

namespace ks {
namespace {

const std::vector<std::string> kInlineElements = {"b", "i", "code", "br", "a"};
const std::vector<std::string> kBlockElements = {"p",     "list", "table", "image", "columns",
                                                 "quote", "figure-number", "pre", "agenda", "chart"};
const std::vector<std::string> kSlideChildren = {"title", "subtitle", "p",   "list",   "table",  "image", "columns",
                                                 "quote", "figure-number", "pre", "agenda", "chart", "notes"};

bool is_block_element(const std::string& name) {
    return std::find(kBlockElements.begin(), kBlockElements.end(), name) != kBlockElements.end();
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Collapses runs of XML whitespace to one space (U+3000 is content, kept).
std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool in_space = false;
    for (char c : s) {
        if (is_xml_space(c)) {
            in_space = true;
            continue;
        }
        if (in_space) out += ' ';
        in_space = false;
        out += c;
    }
    if (in_space) out += ' ';
    return out;
}

bool is_real_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

class Loader {
public:
    Loader(const std::string& path, const std::string& text, Diagnostics& diags, const OutlineOptions& options)
        : path_(path), xml_(path, text, diags, "outline"), diags_(diags), options_(options) {}

    std::optional<Deck> run() {
        pugi::xml_document doc;
        if (!xml_.parse(doc, pugi::parse_default | pugi::parse_ws_pcdata)) return std::nullopt;
        Deck deck;
        deck.source_file = path_;
        auto root = doc.document_element();
        if (std::string(root.name()) != "deck") {
            diags_.error(pos(root), "root element is <" + std::string(root.name()) + ">, expected <deck>",
                         {"an outline starts with <deck lang=\"ja\">"});
            return deck;
        }
        // lang is accepted (outlines say lang="ja"); text is always set as Japanese.
        check_attributes(root, {"lang", "layouts"});
        deck.lang = trim(root.attribute("lang").value());
        if (auto layouts = root.attribute("layouts")) {  // the layout set by name; checked by the driver
            deck.layouts = layouts.value();
            deck.layouts_where = pos(root);
            if (deck.layouts.empty() || deck.layouts.find_first_of("/\\") != std::string::npos)
                diags_.error(pos(root), "layouts=\"" + deck.layouts + "\" must name a layout set, e.g. \"briefing\"",
                             {"give the name of a file in the layouts/ folder without .xml, or use --layouts FILE"});
        }
        for (auto child : element_children(root)) {
            std::string name = child.name();
            if (name == "meta") read_meta(child, deck.meta);
            else if (name == "section") read_section(child, deck);
            else if (name == "slide") deck.slides.push_back(read_slide(child, ""));
            else unknown_element(child, {"meta", "section", "slide"});
        }
        if (deck.slides.empty()) diags_.error(pos(root), "the deck has no slides", {"add at least one <slide>"});
        finish_ids(deck);
        fill_agendas(deck);
        check_internal_links();
        return deck;
    }

private:
    // pugixml points at an element's name; GCC-style positions point at its '<'.
    SourcePosition pos(const pugi::xml_node& n) const { return xml_.pos(n); }

    // Element children; stray non-whitespace text between elements is an error.
    std::vector<pugi::xml_node> element_children(const pugi::xml_node& parent) {
        std::vector<pugi::xml_node> out;
        for (auto child : parent.children()) {
            if (child.type() == pugi::node_element) out.push_back(child);
            else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                if (!collapse_whitespace(child.value()).empty() && collapse_whitespace(child.value()) != " ")
                    diags_.error(pos(child), "text directly inside <" + std::string(parent.name()) + "> is not shown",
                                 {"put it inside an element such as <p> or <item>"});
            }
        }
        return out;
    }

    void unknown_element(const pugi::xml_node& n, const std::vector<std::string>& allowed) {
        std::string name = n.name();
        std::string message = "unknown element <" + name + "> inside <" + n.parent().name() + ">";
        std::vector<std::string> notes;
        std::string guess = closest_match(name, allowed);
        if (!guess.empty()) message += "; did you mean <" + guess + ">?";
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "<" : ", <") + a + ">";
        notes.push_back("allowed here: " + list);
        diags_.error(pos(n), message, notes);
    }

    void check_attributes(const pugi::xml_node& n, const std::vector<std::string>& allowed) {
        xml_.check_attributes(n, allowed);
    }

    std::string plain_text_of(const pugi::xml_node& n) {
        for (auto child : n.children())
            if (child.type() == pugi::node_element)
                diags_.error(pos(child), "<" + std::string(n.name()) + "> takes plain text, not <" + child.name() + ">");
        std::string s = collapse_whitespace(n.text().get());
        return trim(s);
    }

    static std::string trim(const std::string& s) {
        auto b = s.find_first_not_of(' ');
        if (b == std::string::npos) return "";
        auto e = s.find_last_not_of(' ');
        return s.substr(b, e - b + 1);
    }

    void read_meta(const pugi::xml_node& n, DeckMeta& meta) {
        check_attributes(n, {});
        for (auto child : element_children(n)) {
            std::string name = child.name();
            check_attributes(child, {});
            if (name == "title") meta.title = plain_text_of(child), meta.title_where = pos(child);
            else if (name == "subtitle") meta.subtitle = plain_text_of(child);
            else if (name == "author") meta.author = plain_text_of(child);
            else if (name == "confidentiality") meta.confidentiality = plain_text_of(child);
            else if (name == "date") {
                meta.date = plain_text_of(child);
                if (!is_real_iso_date(meta.date))
                    diags_.error(pos(child), "date '" + meta.date + "' is not an ISO date of a real day",
                                 {"write it as YYYY-MM-DD, e.g. <date>2025-06-26</date>"});
            } else unknown_element(child, {"title", "subtitle", "date", "author", "confidentiality"});
        }
    }

    void read_section(const pugi::xml_node& n, Deck& deck) {
        check_attributes(n, {"title"});
        Section section;
        section.title = trim(collapse_whitespace(n.attribute("title").value()));
        section.where = pos(n);
        if (section.title.empty())
            diags_.error(pos(n), "<section> has no title", {"write <section title=\"…\">"});
        section.first_slide = deck.slides.size();
        for (auto child : element_children(n)) {
            if (std::string(child.name()) == "slide") deck.slides.push_back(read_slide(child, section.title));
            else unknown_element(child, {"slide"});
        }
        section.slide_count = deck.slides.size() - section.first_slide;
        if (section.slide_count == 0)
            diags_.warning(pos(n), "section '" + section.title + "' has no slides");
        deck.sections.push_back(std::move(section));
    }

    Slide read_slide(const pugi::xml_node& n, const std::string& section) {
        check_attributes(n, {"layout", "id"});
        Slide slide;
        slide.where = pos(n);
        slide.section = section;
        slide.layout = n.attribute("layout").value();
        slide.id = n.attribute("id").value();
        if (!slide.id.empty()) {
            if (!ids_.insert(slide.id).second)
                diags_.error(pos(n), "duplicate slide id '" + slide.id + "'", {"every id must be unique"});
        }
        bool has_title = false, has_subtitle = false, has_notes = false;
        for (auto child : element_children(n)) {
            std::string name = child.name();
            if (name == "title") {
                if (has_title) diags_.error(pos(child), "a slide has at most one <title>");
                has_title = true;
                check_attributes(child, {});
                slide.title = read_inline(child);
            } else if (name == "subtitle") {
                if (has_subtitle) diags_.error(pos(child), "a slide has at most one <subtitle>");
                has_subtitle = true;
                check_attributes(child, {});
                slide.subtitle = read_inline(child);
            } else if (name == "notes") {
                if (has_notes) diags_.error(pos(child), "a slide has at most one <notes>");
                has_notes = true;
                slide.notes = read_notes(child);
            } else if (is_block_element(name)) {
                slide.blocks.push_back(read_block(child));
            } else {
                unknown_element(child, kSlideChildren);
            }
        }
        if (!has_title && slide.blocks.empty())
            diags_.error(pos(n), "slide is empty", {"give it a <title> or some content"});
        return slide;
    }

    Block read_block(const pugi::xml_node& n) {
        std::string name = n.name();
        if (name == "p") {
            check_attributes(n, {});
            return Paragraph{read_inline(n), pos(n)};
        }
        if (name == "list") return read_list(n);
        if (name == "table") return read_table(n);
        if (name == "columns") return read_columns(n);
        if (name == "quote") return read_quote(n);
        if (name == "figure-number") return read_figure_number(n);
        if (name == "pre") return read_pre(n);
        if (name == "chart") return read_chart(n, xml_, diags_);  // outline/chart_loader
        if (name == "agenda") {
            check_attributes(n, {});
            for (auto child : element_children(n)) unknown_element(child, {});
            return Agenda{{}, -1, pos(n)};
        }
        return read_image(n);
    }

    // "2,1" → {2, 1}; reports values that are not positive numbers.
    std::optional<std::vector<double>> number_list(const pugi::xml_node& n, const char* attr) {
        std::vector<double> out;
        std::string value = n.attribute(attr).value();
        std::size_t at = 0;
        for (;;) {
            std::size_t comma = value.find(',', at);
            std::string part = trim(value.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
            char* end = nullptr;
            double v = std::strtod(part.c_str(), &end);
            if (part.empty() || end != part.c_str() + part.size() || !(v > 0) || v > 1000) {
                diags_.error(pos(n), std::string(attr) + "=\"" + value + "\" must be positive numbers separated by commas",
                             {std::string("e.g. ") + attr + "=\"2,1\": relative widths, one per column"});
                return std::nullopt;
            }
            out.push_back(v);
            if (comma == std::string::npos) return out;
            at = comma + 1;
        }
    }

    // One of `allowed`, or a located error with a guess.
    std::optional<std::string> keyword(const pugi::xml_node& n, const std::string& what, std::string value,
                                       const std::vector<std::string>& allowed) {
        value = trim(value);
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        std::string guess = closest_match(value, allowed);
        diags_.error(pos(n), what + " '" + value + "' is not known" + (guess.empty() ? "" : "; did you mean '" + guess + "'?"),
                     {"allowed: " + list});
        return std::nullopt;
    }

    Columns read_columns(const pugi::xml_node& n) {
        check_attributes(n, {"widths"});
        Columns cols;
        cols.where = pos(n);
        for (auto child : element_children(n)) {
            if (std::string(child.name()) != "column") {
                unknown_element(child, {"column"});
                continue;
            }
            cols.columns.push_back(read_column(child));
        }
        if (cols.columns.size() < 2 || cols.columns.size() > 3)
            diags_.error(pos(n), "<columns> has " + std::to_string(cols.columns.size()) + " <column>s; it takes 2 or 3",
                         {"split the content into two or three <column> elements"});
        if (n.attribute("widths")) {
            if (auto w = number_list(n, "widths")) {
                if (w->size() != cols.columns.size())
                    diags_.error(pos(n), "widths=\"" + std::string(n.attribute("widths").value()) + "\" gives " +
                                             std::to_string(w->size()) + " widths for " +
                                             std::to_string(cols.columns.size()) + " columns",
                                 {"give one width per <column>, e.g. widths=\"2,1\""});
                else cols.widths = *w;
            }
        }
        return cols;
    }

    Column read_column(const pugi::xml_node& n) {
        check_attributes(n, {});
        Column col;
        col.where = pos(n);
        bool first = true;
        for (auto child : element_children(n)) {
            std::string name = child.name();
            if (name == "heading") {
                if (!first)
                    diags_.error(pos(child), "<heading> must be the first element of its <column>",
                                 {"move it to the top of the column"});
                check_attributes(child, {});
                col.heading = read_inline(child);
            } else if (name == "columns") {
                diags_.error(pos(child), "<columns> cannot be nested inside a <column>",
                             {"use one <columns> with up to three <column>s"});
            } else if (is_block_element(name)) {
                col.blocks.push_back(read_block(child));
            } else {
                std::vector<std::string> allowed = {"heading"};
                for (const auto& b : kBlockElements)
                    if (b != "columns") allowed.push_back(b);
                unknown_element(child, allowed);
            }
            first = false;
        }
        if (col.blocks.empty() && col.heading.empty())
            diags_.warning(pos(n), "empty <column>", {"give it some content or remove it"});
        return col;
    }

    Quote read_quote(const pugi::xml_node& n) {
        check_attributes(n, {"cite"});
        Quote q;
        q.where = pos(n);
        q.cite = trim(collapse_whitespace(n.attribute("cite").value()));
        bool paragraphs = false;
        for (auto child : n.children())
            if (child.type() == pugi::node_element && std::string(child.name()) == "p") paragraphs = true;
        if (paragraphs) {
            for (auto child : element_children(n)) {
                if (std::string(child.name()) != "p") {
                    unknown_element(child, {"p"});
                    continue;
                }
                check_attributes(child, {});
                q.paragraphs.push_back(read_inline(child));
            }
        } else {
            q.paragraphs.push_back(read_inline(n));
        }
        if (q.paragraphs.empty() || q.paragraphs.front().empty())
            diags_.error(pos(n), "empty <quote>", {"write the quotation inside <quote cite=\"…\">…</quote>"});
        return q;
    }

    FigureNumber read_figure_number(const pugi::xml_node& n) {
        check_attributes(n, {"value", "label"});
        FigureNumber f;
        f.where = pos(n);
        f.value = trim(collapse_whitespace(n.attribute("value").value()));
        f.label = trim(collapse_whitespace(n.attribute("label").value()));
        f.note = read_inline(n);
        if (f.value.empty())
            diags_.error(pos(n), "<figure-number> needs a value", {"e.g. <figure-number value=\"+12.4%\" label=\"前年比\"/>"});
        return f;
    }

    // Code as written: one leading newline and the common indentation are
    // XML layout, not code; tabs become 4 spaces.
    Pre read_pre(const pugi::xml_node& n) {
        check_attributes(n, {});
        Pre pre;
        pre.where = pos(n);
        std::string raw;
        for (auto child : n.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) raw += child.value();
            else if (child.type() == pugi::node_element)
                diags_.error(pos(child), "<pre> takes plain text, not <" + std::string(child.name()) + ">",
                             {"write < as &lt; and & as &amp;, or wrap the code in <![CDATA[ … ]]>"});
        }
        std::string line;
        std::vector<std::string> lines;
        for (char c : raw + "\n") {
            if (c == '\r') continue;
            if (c == '\n') {
                lines.push_back(line);
                line.clear();
            } else if (c == '\t') line += std::string(4 - line.size() % 4, ' ');
            else line += c;
        }
        auto blank = [](const std::string& l) { return l.find_first_not_of(' ') == std::string::npos; };
        while (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
        while (!lines.empty() && blank(lines.back())) lines.pop_back();
        std::size_t indent = std::string::npos;
        for (const auto& l : lines)
            if (!blank(l)) indent = std::min(indent, l.find_first_not_of(' '));
        for (auto& l : lines) {
            l = blank(l) ? "" : l.substr(indent);
            while (!l.empty() && l.back() == ' ') l.pop_back();
        }
        pre.lines = std::move(lines);
        if (pre.lines.empty()) diags_.error(pos(n), "empty <pre>", {"write the code inside <pre>…</pre>"});
        return pre;
    }

    List read_list(const pugi::xml_node& n) {
        check_attributes(n, {"ordered", "start"});
        List list;
        if (++list_depth_ > kMaxListDepth) {
            --list_depth_;
            diags_.error(pos(n), "lists nested more than " + std::to_string(kMaxListDepth) + " deep",
                         {"flatten the list; a slide cannot show this many levels"});
            return list;
        }
        list.where = pos(n);
        list.ordered = std::string(n.attribute("ordered").value()) == "true";
        if (auto start = n.attribute("start")) {  // an ordered list continued by hand from an earlier slide
            list.start = start.as_int(0);
            if (list.start < 1 || list.start > 99999 || std::to_string(list.start) != start.value()) {
                diags_.error(pos(n), "start must be a whole number from 1, not '" + std::string(start.value()) + "'",
                             {"e.g. <list ordered=\"true\" start=\"6\">"});
                list.start = 1;
            }
        }
        for (auto child : element_children(n)) {
            if (std::string(child.name()) != "item") {
                unknown_element(child, {"item"});
                continue;
            }
            check_attributes(child, {});
            ListItem item;
            item.where = pos(child);
            item.text = read_inline(child, &item.children);
            list.items.push_back(std::move(item));
        }
        if (list.items.empty()) diags_.warning(pos(n), "empty <list>");
        --list_depth_;
        return list;
    }

    Table read_table(const pugi::xml_node& n) {
        check_attributes(n, {"align", "widths"});
        Table table;
        table.where = pos(n);
        std::size_t columns = 0;
        bool first = true;
        for (auto child : element_children(n)) {
            std::string name = child.name();
            if (name == "caption") {
                if (!first) diags_.error(pos(child), "<caption> must be the first element of its <table>");
                check_attributes(child, {});
                table.caption = read_inline(child);
                first = false;
                continue;
            }
            first = false;
            if (name != "row") {
                unknown_element(child, {"caption", "row"});
                continue;
            }
            check_attributes(child, {"header", "total"});
            TableRow row;
            row.where = pos(child);
            row.header = std::string(child.attribute("header").value()) == "true";
            if (auto total = child.attribute("total"))
                row.total = keyword(child, "total", total.value(), {"true", "false"}).value_or("") == "true";
            for (auto cell : element_children(child)) {
                if (std::string(cell.name()) != "cell") {
                    unknown_element(cell, {"cell"});
                    continue;
                }
                check_attributes(cell, {"colspan", "rowspan"});
                TableCell c{read_inline(cell), pos(cell)};
                c.colspan = cell_span(cell, "colspan");
                c.rowspan = cell_span(cell, "rowspan");
                row.cells.push_back(std::move(c));
            }
            table.rows.push_back(std::move(row));
        }
        if (table.rows.empty()) diags_.error(pos(n), "empty <table>", {"add <row> elements with <cell>s"});
        columns = place_table_cells(table.rows);
        if (auto align = n.attribute("align")) {
            std::string value = align.value();
            std::size_t at = 0;
            for (;;) {
                std::size_t comma = value.find(',', at);
                std::string part = value.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
                auto word = keyword(n, "align value", part, {"left", "right", "center", "auto"});
                table.align.push_back(!word ? CellAlign::Auto
                                      : *word == "left"   ? CellAlign::Left
                                      : *word == "right"  ? CellAlign::Right
                                      : *word == "center" ? CellAlign::Center
                                                          : CellAlign::Auto);
                if (comma == std::string::npos) break;
                at = comma + 1;
            }
            if (columns && table.align.size() != columns)
                diags_.error(pos(n), "align=\"" + value + "\" gives " + std::to_string(table.align.size()) +
                                         " values for " + std::to_string(columns) + " columns",
                             {"give one of left, right, center, auto per column, e.g. align=\"left,right\""});
        }
        if (n.attribute("widths")) {
            if (auto w = number_list(n, "widths")) {
                if (columns && w->size() != columns)
                    diags_.error(pos(n), "widths=\"" + std::string(n.attribute("widths").value()) + "\" gives " +
                                             std::to_string(w->size()) + " widths for " + std::to_string(columns) +
                                             " columns",
                                 {"give one relative width per column, e.g. widths=\"3,1,1\""});
                else table.widths = *w;
            }
        }
        return table;
    }

    // colspan="" / rowspan="" of a <cell>: a whole number from 1 (1 when absent or wrong).
    int cell_span(const pugi::xml_node& cell, const char* name) {
        auto a = cell.attribute(name);
        if (!a) return 1;
        int v = a.as_int(0);
        if (v < 1 || v > 999 || std::to_string(v) != a.value()) {
            diags_.error(pos(cell), std::string(name) + " must be a whole number from 1, not '" + a.value() + "'",
                         {std::string("e.g. <cell ") + name + "=\"2\"> for a cell over two " +
                          (std::string(name) == "colspan" ? "columns" : "rows")});
            return 1;
        }
        return v;
    }

    // Stands every cell on the table's grid (TableCell::column) and reports
    // merged cells that overlap or run off the table, ragged rows, and a
    // header cell merged down into the body. Returns the number of columns.
    std::size_t place_table_cells(std::vector<TableRow>& rows) {
        TableGrid grid = table_grid(rows);
        for (const auto& p : grid.problems) diags_.error(p.where, p.message, {p.hint});
        for (const GridCell& g : grid.cells) {
            TableCell& cell = rows[g.row].cells[g.index];
            cell.column = g.col;
            std::size_t last = g.row + static_cast<std::size_t>(g.rowspan) - 1;
            if (rows[g.row].header && !rows[last].header)
                diags_.error(cell.where, "a header cell's rowspan reaches into the body rows",
                             {"end the rowspan at the last header row"});
        }
        return grid.columns;
    }

    Image read_image(const pugi::xml_node& n) {
        check_attributes(n, {"src", "alt", "fit", "width"});
        Image image;
        image.where = pos(n);
        image.src = n.attribute("src").value();
        image.alt = n.attribute("alt").value();
        if (auto fit = n.attribute("fit"))
            if (auto word = keyword(n, "fit", fit.value(), {"contain", "cover"}))
                image.fit = *word == "cover" ? ImageFit::Cover : ImageFit::Contain;
        if (auto width = n.attribute("width")) {
            std::string w = trim(width.value());
            char* end = nullptr;
            double v = std::strtod(w.c_str(), &end);
            if (w.size() < 2 || w.back() != '%' || end != w.c_str() + w.size() - 1 || !(v > 0) || v > 100)
                diags_.error(pos(n), "width=\"" + w + "\" must be a percentage from 1% to 100%",
                             {"e.g. width=\"60%\": the share of the column the image may take"});
            else image.width_fraction = v / 100;
        }
        for (auto child : element_children(n)) {
            if (std::string(child.name()) != "caption") {
                unknown_element(child, {"caption"});
                continue;
            }
            check_attributes(child, {});
            image.caption = read_inline(child);
        }
        if (image.src.empty()) {
            diags_.error(pos(n), "<image> needs a src attribute", {"write <image src=\"picture.png\" alt=\"…\"/>"});
            return image;
        }
        namespace fs = std::filesystem;
        fs::path p(image.src);
        if (p.is_relative()) p = fs::path(path_).parent_path() / p;
        image.resolved = p.lexically_normal().string();
        check_image_file(image, pos(n));
        if (image.alt.empty()) diags_.warning(pos(n), "<image> has no alt text", {"add alt=\"…\" for handouts and readers"});
        return image;
    }

    // Decodes the file in full (once per path), so `check` reports what the
    // exporters would fail on: a missing, unreadable or undecodable image is
    // an error naming the file and what is wrong.
    void check_image_file(Image& image, SourcePosition where) {
        auto [it, fresh] = checked_images_.try_emplace(image.resolved);
        if (fresh) it->second = check_image(image.resolved, options_.max_image_pixels);
        const ImageCheck& checked = it->second;
        if (checked.info) {
            image.format = checked.info->format;
            return;
        }
        diags_.error(where, "cannot use image '" + image.src + "' (" + image.resolved + "): " + checked.problem,
                     {"give the path of a PNG, JPEG or SVG file, relative to the outline"});
    }

    RichText read_notes(const pugi::xml_node& n) {
        check_attributes(n, {});
        bool has_paragraphs = false;
        for (auto child : n.children())
            if (child.type() == pugi::node_element && std::string(child.name()) == "p") has_paragraphs = true;
        if (!has_paragraphs) return read_inline(n);
        RichText notes;
        notes.where = pos(n);
        for (auto child : element_children(n)) {
            if (std::string(child.name()) != "p") {
                unknown_element(child, {"p"});
                continue;
            }
            RichText para = read_inline(child);
            if (!notes.spans.empty()) notes.spans.push_back({"\n\n", false, false, false, pos(child)});
            notes.spans.insert(notes.spans.end(), para.spans.begin(), para.spans.end());
        }
        return notes;
    }

    struct InlineStyle {
        bool bold = false, italic = false, code = false;
        std::string href;
    };

    RichText read_inline(const pugi::xml_node& n, std::vector<List>* nested_lists = nullptr) {
        RichText rt;
        rt.where = pos(n);
        read_inline_into(n, InlineStyle{}, rt, nested_lists);
        normalise_edges(rt);
        return rt;
    }

    void read_inline_into(const pugi::xml_node& n, InlineStyle style, RichText& rt, std::vector<List>* nested,
                          int depth = 0) {
        if (depth > kMaxInlineDepth) {
            diags_.error(pos(n), "inline elements nested more than " + std::to_string(kMaxInlineDepth) + " deep",
                         {"remove the redundant <b>/<i>/<code> wrappers"});
            return;
        }
        for (auto child : n.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                std::string text = collapse_whitespace(child.value());
                if (text.empty()) continue;
                Span span{text, style.bold, style.italic, style.code, pos(child), style.href};
                if (style.href.empty() && !style.code)
                    for (auto& piece : autolink(span)) append(rt, std::move(piece));  // bare URLs are links
                else append(rt, std::move(span));
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            std::string name = child.name();
            InlineStyle inner = style;
            if (name == "b") inner.bold = true;
            else if (name == "i") inner.italic = true;
            else if (name == "code") inner.code = true;
            else if (name == "a") {
                check_attributes(child, {"href"});
                inner.href = read_href(child);
                read_inline_into(child, inner, rt, nested, depth + 1);
                continue;
            } else if (name == "br") {
                rt.spans.push_back({"\n", style.bold, style.italic, style.code, pos(child)});
                continue;
            } else if (name == "list" && nested && n.parent() && std::string(n.name()) == "item") {
                nested->push_back(read_list(child));
                continue;
            } else {
                std::vector<std::string> allowed = kInlineElements;
                if (nested) allowed.push_back("list");
                unknown_element(child, allowed);
                continue;
            }
            check_attributes(child, {});
            read_inline_into(child, inner, rt, nested, depth + 1);
        }
    }

    static void append(RichText& rt, Span span) {
        // Merge with the previous span when the style is the same.
        if (!rt.spans.empty()) {
            auto& last = rt.spans.back();
            if (last.text != "\n" && last.bold == span.bold && last.italic == span.italic && last.code == span.code &&
                last.href == span.href) {
                last.text += span.text;
                return;
            }
        }
        rt.spans.push_back(std::move(span));
    }

    // Leading/trailing spaces of a text block and spaces next to <br/> are layout, not content.
    static void normalise_edges(RichText& rt) {
        for (std::size_t i = 0; i < rt.spans.size(); ++i) {
            auto& s = rt.spans[i];
            if (s.text == "\n") continue;
            bool at_start = i == 0 || rt.spans[i - 1].text == "\n";
            bool at_end = i + 1 == rt.spans.size() || rt.spans[i + 1].text == "\n";
            while (at_start && !s.text.empty() && s.text.front() == ' ') s.text.erase(0, 1);
            while (at_end && !s.text.empty() && s.text.back() == ' ') s.text.pop_back();
        }
        std::erase_if(rt.spans, [](const Span& s) { return s.text.empty(); });
    }

    // <a href="…">: a URL is checked now, a slide id once all ids are known.
    std::string read_href(const pugi::xml_node& a) {
        std::string href = trim(a.attribute("href").value());
        std::string problem;
        if (!a.attribute("href")) {
            diags_.error(pos(a), "<a> needs an href", {"write <a href=\"https://…\">text</a> or <a href=\"#slide-id\">"});
            return {};
        }
        if (!valid_href(href, problem)) {
            diags_.error(pos(a), "bad link: " + problem,
                         {"link to an absolute http:// or https:// URL, or to a slide as href=\"#slide-id\""});
            return {};
        }
        if (href[0] == '#') internal_links_.push_back({href.substr(1), pos(a)});
        return href;
    }

    void check_internal_links() {
        std::vector<std::string> known(ids_.begin(), ids_.end());
        for (const auto& [id, where] : internal_links_) {
            if (ids_.count(id)) continue;
            std::string guess = closest_match(id, known);
            diags_.error(where, "link to unknown slide id '" + id + "'" + (guess.empty() ? "" : "; did you mean '" + guess + "'?"),
                         {"href=\"#ID\" must name the id=\"\" of a slide in this deck"});
        }
    }

    // <agenda/> lists the deck's sections; the section the slide is in is current.
    void fill_agendas(Deck& deck) {
        std::vector<std::string> titles, targets;
        for (const auto& sec : deck.sections) {
            titles.push_back(sec.title);
            targets.push_back(sec.slide_count ? deck.slides[sec.first_slide].id : std::string());
        }
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            int current = -1;
            for (std::size_t k = 0; k < deck.sections.size(); ++k)
                if (i >= deck.sections[k].first_slide && i < deck.sections[k].first_slide + deck.sections[k].slide_count)
                    current = static_cast<int>(k);
            std::function<void(std::vector<Block>&)> fill = [&](std::vector<Block>& blocks) {
                for (auto& b : blocks) {
                    if (auto* a = std::get_if<Agenda>(&b)) {
                        a->sections = titles;
                        a->targets = targets;
                        a->current = current;
                        if (titles.empty())
                            diags_.error(a->where, "<agenda/> lists the deck's sections, and this deck has none",
                                         {"group the slides in <section title=\"…\"> elements"});
                    } else if (auto* c = std::get_if<Columns>(&b)) {
                        for (auto& col : c->columns) fill(col.blocks);
                    }
                }
            };
            fill(deck.slides[i].blocks);
        }
    }

    void finish_ids(Deck& deck) {
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            auto& s = deck.slides[i];
            if (!s.id.empty()) continue;
            std::string id = "slide-" + std::to_string(i + 1);
            while (ids_.count(id)) id += "x";
            ids_.insert(id);
            s.id = id;
        }
    }

    std::string path_;
    XmlReader xml_;
    Diagnostics& diags_;
    OutlineOptions options_;
    std::set<std::string> ids_;
    std::vector<std::pair<std::string, SourcePosition>> internal_links_;  // #id links, checked at the end
    std::map<std::string, ImageCheck> checked_images_;  // by resolved path
    // Bounds on nesting keep hostile input from exhausting the stack.
    static constexpr int kMaxListDepth = 8;
    static constexpr int kMaxInlineDepth = 32;
    int list_depth_ = 0;
};

}  // namespace

std::optional<Deck> load_outline_from_string(const std::string& path, const std::string& text, Diagnostics& diags,
                                             const OutlineOptions& options) {
    return Loader(path, text, diags, options).run();
}

std::optional<Deck> load_outline(const std::string& path, Diagnostics& diags, const OutlineOptions& options) {
    std::string why;
    auto text = read_file(path, &why);
    if (!text) {
        diags.error({path, 0, 0}, "cannot read the outline file: " + why, {"give the path of a regular, readable file"});
        return std::nullopt;
    }
    return load_outline_from_string(path, *text, diags, options);
}

}  // namespace ks
