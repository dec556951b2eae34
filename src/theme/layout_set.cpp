#include "theme/layout_set.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <pugixml.hpp>

#include "diag/source_map.h"
#include "image/image_file.h"
#include "util/edit_distance.h"
#include "util/read_file.h"
#include "diag/xml_reader.h"

namespace ks {

const BoxSpec* LayoutSpec::box(const std::string& role) const {
    for (const auto& b : boxes)
        if (b.role == role) return &b;
    return nullptr;
}

const LayoutSpec* LayoutSet::find(const std::string& n) const {
    auto it = layouts.find(n);
    return it == layouts.end() ? nullptr : &it->second;
}

std::vector<std::string> LayoutSet::names() const {
    std::vector<std::string> out;
    for (const auto& [n, _] : layouts) out.push_back(n);
    return out;
}

namespace {

const std::vector<std::string> kBoxAttributes = {
    "role", "x", "y", "w", "h", "font", "size", "min-size", "line-height", "bold", "color", "emphasis",
    "align", "valign", "heading", "text", "fill", "indent", "item-gap", "paragraph-gap", "table-scale",
    "bullet-color", "table-header-fill", "table-header-text", "table-stripe", "table-rule", "jl-spacing",
    "phrase-breaks", "image-min", "muted", "code-fill", "column-gap", "column-rule", "nested-min-size",
    "cell-min-size", "code-min-size", "caption-min-size"};
const std::vector<std::string> kRectAttributes = {"x", "y", "w", "h", "fill", "stroke", "stroke-width"};
const std::vector<std::string> kLogoAttributes = {"src", "x", "y", "w", "h"};

class SetLoader {
public:
    SetLoader(const std::string& path, const std::string& text, Diagnostics& diags)
        : path_(path), xml_(path, text, diags, "layout set"), diags_(diags) {}

    std::optional<LayoutSet> run() {
        pugi::xml_document doc;
        if (!xml_.parse(doc)) return std::nullopt;
        auto root = doc.document_element();
        if (std::string(root.name()) != "layout-set") {
            diags_.error(pos(root), "root element is <" + std::string(root.name()) + ">, expected <layout-set>");
            return std::nullopt;
        }
        check_attributes(root, {"name", "width", "height", "continued-mark"});
        LayoutSet set;
        set.file = path_;
        set.name = root.attribute("name").value();
        set.width = number(root, "width", 960);
        set.height = number(root, "height", 540);
        floor_scale_ = set.width > 0 ? set.width / ReadableFloors::kReferenceWidth : 1;
        // fonts and colours first: boxes refer to them by name
        if (auto fonts = root.child("fonts")) {
            for (auto a : fonts.attributes()) fonts_[a.name()] = a.value();
        }
        for (auto c : root.child("colors").children("color")) {
            check_attributes(c, {"name", "value"});
            auto value = parse_hex(c.attribute("value").value());
            if (!value) diags_.error(pos(c), "bad colour value '" + std::string(c.attribute("value").value()) + "'",
                                     {"write colours as #RRGGBB"});
            else colors_[c.attribute("name").value()] = *value;
        }
        read_palette_and_links(root);
        for (auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string name = child.name();
            if (name == "fonts" || name == "colors" || name == "palette" || name == "links") continue;
            if (name == "master") {
                set.master = read_layout(child);
                if (auto bg = child.attribute("background")) set.background = color(child, bg.value());
            } else if (name == "layout") {
                auto layout = read_layout(child);
                if (layout.name.empty()) diags_.error(pos(child), "<layout> needs a name");
                else if (set.layouts.count(layout.name)) diags_.error(pos(child), "duplicate layout '" + layout.name + "'");
                else set.layouts.emplace(layout.name, std::move(layout));
            } else {
                diags_.error(pos(child), "unknown element <" + name + "> in layout set",
                             {"allowed: <fonts>, <colors>, <palette>, <links>, <master>, <layout>"});
            }
        }
        if (set.layouts.empty()) diags_.error(pos(root), "layout set defines no <layout>");
        set.fonts = fonts_;
        set.palette = palette_;
        for (auto& [_, layout] : set.layouts)
            for (auto& box : layout.boxes) box.paper = layout.background.value_or(set.background);
        for (auto& box : set.master.boxes) box.paper = set.background;
        read_fitting_attributes(root, set);
        return set;
    }

private:
    SourcePosition pos(const pugi::xml_node& n) const { return xml_.pos(n); }

    static std::optional<Color> parse_hex(const std::string& s) {
        if (s.size() != 7 || s[0] != '#') return std::nullopt;
        char* end = nullptr;
        long v = std::strtol(s.c_str() + 1, &end, 16);
        if (*end) return std::nullopt;
        return Color{((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0, 1};
    }

    Color color(const pugi::xml_node& n, const std::string& value) {
        if (auto it = colors_.find(value); it != colors_.end()) return it->second;
        if (auto c = parse_hex(value)) return *c;
        std::vector<std::string> names;
        for (const auto& [k, _] : colors_) names.push_back(k);
        std::string guess = closest_match(value, names);
        diags_.error(pos(n), "unknown colour '" + value + "'" + (guess.empty() ? "" : "; did you mean '" + guess + "'?"),
                     {"use a name from <colors> or #RRGGBB"});
        return {};
    }

    double number(const pugi::xml_node& n, const char* attr, double fallback) {
        auto a = n.attribute(attr);
        if (!a) return fallback;
        char* end = nullptr;
        double v = std::strtod(a.value(), &end);
        if (end == a.value() || *end) {
            diags_.error(pos(n), std::string("attribute '") + attr + "' must be a number, not '" + a.value() + "'");
            return fallback;
        }
        return v;
    }

    void check_attributes(const pugi::xml_node& n, const std::vector<std::string>& allowed) {
        xml_.check_attributes(n, allowed);
    }

    LayoutSpec read_layout(const pugi::xml_node& n) {
        check_attributes(n, {"name", "background", "master"});
        LayoutSpec layout;
        layout.name = n.attribute("name").value();
        if (auto bg = n.attribute("background"); bg && std::string(n.name()) == "layout")
            layout.background = color(n, bg.value());
        if (auto m = n.attribute("master")) layout.master = std::string(m.value()) != "false";
        for (auto child : n.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string name = child.name();
            if (name == "rect") layout.rects.push_back(read_rect(child));
            else if (name == "box") layout.boxes.push_back(read_box(child));
            else if (name == "logo") {
                if (auto logo = read_logo(child)) layout.logos.push_back(*logo);
            } else diags_.error(pos(child), "unknown element <" + name + "> in a layout", {"allowed: <rect>, <box>, <logo>"});
        }
        return layout;
    }

    // <logo src="logo.svg" x y w h/>: the file is checked (decoded in full)
    // here, so a missing or broken logo is an error at its line.
    std::optional<LogoSpec> read_logo(const pugi::xml_node& n) {
        check_attributes(n, kLogoAttributes);
        LogoSpec logo;
        logo.where = pos(n);
        logo.src = n.attribute("src").value();
        logo.x = number(n, "x", 0);
        logo.y = number(n, "y", 0);
        logo.w = number(n, "w", 0);
        logo.h = number(n, "h", 0);
        if (logo.src.empty()) {
            diags_.error(logo.where, "<logo> needs a src attribute", {"e.g. <logo src=\"logo.svg\" x=\"860\" y=\"16\" w=\"72\" h=\"24\"/>"});
            return std::nullopt;
        }
        if (!(logo.w > 0) || !(logo.h > 0)) {
            diags_.error(logo.where, "<logo> needs a positive w and h (the rectangle it is fitted into)");
            return std::nullopt;
        }
        std::filesystem::path p(logo.src);
        if (p.is_relative()) p = std::filesystem::path(path_).parent_path() / p;
        logo.path = p.lexically_normal().string();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(logo.path, ec)) {
            diags_.error(logo.where, "logo image '" + logo.src + "' not found (looked for " + logo.path + ")",
                         {"give a path relative to the layout-set file"});
            return std::nullopt;
        }
        auto checked = check_image(logo.path);
        if (!checked.info) {
            diags_.error(logo.where, "cannot use logo image '" + logo.src + "' (" + logo.path + "): " + checked.problem,
                         {"give a PNG, JPEG or SVG file"});
            return std::nullopt;
        }
        logo.image_w = checked.info->width;
        logo.image_h = checked.info->height;
        logo.format = checked.info->format;
        return logo;
    }

    RectSpec read_rect(const pugi::xml_node& n) {
        check_attributes(n, kRectAttributes);
        RectSpec r;
        r.x = number(n, "x", 0);
        r.y = number(n, "y", 0);
        r.w = number(n, "w", 0);
        r.h = number(n, "h", 0);
        if (auto a = n.attribute("fill")) r.fill = color(n, a.value());
        if (auto a = n.attribute("stroke")) r.stroke = color(n, a.value());
        r.stroke_width = number(n, "stroke-width", 1);
        return r;
    }

    BoxSpec read_box(const pugi::xml_node& n) {
        check_attributes(n, kBoxAttributes);
        BoxSpec b;
        b.role = n.attribute("role").value();
        if (b.role.empty()) diags_.error(pos(n), "<box> needs a role", {"e.g. role=\"title\" or role=\"body\""});
        b.x = number(n, "x", 0);
        b.y = number(n, "y", 0);
        b.w = number(n, "w", 100);
        b.h = number(n, "h", 100);
        std::string font = n.attribute("font").as_string("sans");
        b.style.family = fonts_.count(font) ? fonts_[font] : font;
        b.style.mono_family = fonts_.count("mono") ? fonts_["mono"] : "monospace";
        b.style.size = number(n, "size", 24);
        b.min_size = number(n, "min-size", b.style.size);
        b.style.line_height = number(n, "line-height", 1.45);
        b.style.bold = n.attribute("bold").as_bool(false);
        b.style.heading = n.attribute("heading").as_bool(false);
        b.style.prefer_phrases = n.attribute("phrase-breaks").as_bool(true);
        b.style.jl_spacing_em = number(n, "jl-spacing", 0.25);
        b.style.color = color(n, n.attribute("color").as_string("text"));
        b.style.emphasis_color = n.attribute("emphasis") ? color(n, n.attribute("emphasis").value()) : b.style.color;
        std::string align = n.attribute("align").as_string("left");
        if (align == "left") b.style.align = Align::Left;
        else if (align == "center") b.style.align = Align::Center;
        else if (align == "right") b.style.align = Align::Right;
        else if (align == "justify") b.style.align = Align::Justify;
        else diags_.error(pos(n), "align must be left, center, right or justify, not '" + align + "'");
        std::string valign = n.attribute("valign").as_string("top");
        if (valign == "top") b.valign = VAlign::Top;
        else if (valign == "middle") b.valign = VAlign::Middle;
        else if (valign == "bottom") b.valign = VAlign::Bottom;
        else diags_.error(pos(n), "valign must be top, middle or bottom, not '" + valign + "'");
        b.text = n.attribute("text").value();
        if (auto a = n.attribute("fill")) b.fill = color(n, a.value());
        b.indent = number(n, "indent", 28);
        b.item_gap = number(n, "item-gap", 0.35);
        b.paragraph_gap = number(n, "paragraph-gap", 0.6);
        b.table_scale = number(n, "table-scale", 0.8);
        b.bullet_color = color(n, n.attribute("bullet-color").as_string(n.attribute("color").as_string("text")));
        b.table_header_fill = color(n, n.attribute("table-header-fill").as_string("#1F3A5F"));
        b.table_header_text = color(n, n.attribute("table-header-text").as_string("#FFFFFF"));
        b.table_stripe = color(n, n.attribute("table-stripe").as_string("#F3F5F8"));
        b.table_rule = color(n, n.attribute("table-rule").as_string("#C9D1DB"));
        b.muted_color = n.attribute("muted") ? color(n, n.attribute("muted").value()) : b.style.color;
        b.code_fill = color(n, n.attribute("code-fill").as_string("#F3F5F8"));
        b.column_gap = number(n, "column-gap", 32);
        if (auto a = n.attribute("column-rule")) b.column_rule = color(n, a.value());
        read_box_fitting(n, b);
        b.palette = palette_;
        b.link_color = link_color_;
        b.style.link_color = link_color_;
        b.link_underline = link_underline_;
        return b;
    }

    // <palette><color value="navy"/>…</palette>: chart series colours in
    // order (names from <colors> or #RRGGBB); <links color="accent"
    // underline="true"/>: how link text looks. Read before the boxes, which
    // carry both.
    void read_palette_and_links(const pugi::xml_node& root) {
        if (auto p = root.child("palette")) {
            check_attributes(p, {});
            for (auto c : p.children()) {
                if (c.type() != pugi::node_element) continue;
                if (std::string(c.name()) != "color") {
                    diags_.error(pos(c), "unknown element <" + std::string(c.name()) + "> in <palette>",
                                 {"write <color value=\"#RRGGBB\"/> per series colour"});
                    continue;
                }
                check_attributes(c, {"value"});
                palette_.push_back(color(c, c.attribute("value").value()));
            }
            if (palette_.size() < 2)
                diags_.error(pos(p), "<palette> needs at least two colours", {"give one <color> per chart series"});
        }
        // Without a <palette>: series colours that stay apart in grey.
        if (palette_.empty())
            for (const char* hex : {"#1F3A5F", "#6FA8DC", "#E69F00", "#B8C4D0", "#7A4F9A", "#2E8B57"})
                palette_.push_back(*parse_hex(hex));
        if (auto l = root.child("links")) {
            check_attributes(l, {"color", "underline"});
            if (auto a = l.attribute("color")) link_color_ = color(l, a.value());
            link_underline_ = l.attribute("underline").as_bool(true);
        }
    }

    // Fitting settings: how continuation slides are titled, where the fonts
    // are named (an unknown family is reported there).
    void read_fitting_attributes(const pugi::xml_node& root, LayoutSet& set) {
        if (auto a = root.attribute("continued-mark")) set.continued_mark = a.value();
        set.fonts_where = pos(root.child("fonts") ? root.child("fonts") : root);
    }

    void read_box_fitting(const pugi::xml_node& n, BoxSpec& b) {
        b.where = pos(n);
        read_floors(n, b);
        b.image_min = number(n, "image-min", 0.4);
        if (b.image_min <= 0 || b.image_min > 1) {
            diags_.error(pos(n), "image-min must be a share of the box height above 0 and at most 1",
                         {"e.g. image-min=\"0.4\""});
            b.image_min = 0.4;
        }
    }

    // The floors fitting keeps to: the box's own values, never below the
    // readable floors (scaled with the slide width). Body boxes floor their
    // text at min-size; a caption box is caption text.
    void read_floors(const pugi::xml_node& n, BoxSpec& b) {
        auto floor = [&](const char* attr, double value, double readable, const char* kind) {
            readable *= floor_scale_;
            if (value >= readable - 1e-9) return value;
            if (n.attribute(attr)) {
                char buf[200];
                std::snprintf(buf, sizeof buf, "%s %g pt is below the readable floor for %s (%g pt); %g pt is used",
                              attr, value, kind, readable, readable);
                diags_.add({Severity::Note, pos(n), buf, {}});
            }
            return readable;
        };
        if (b.role == "body") b.min_size = floor("min-size", b.min_size, ReadableFloors::kBody, "body text");
        if (b.role == "caption") b.min_size = floor("min-size", b.min_size, ReadableFloors::kSmall, "captions");
        b.nested_min_size = floor("nested-min-size", number(n, "nested-min-size", 0), ReadableFloors::kNested,
                                  "nested list levels");
        b.cell_min_size = floor("cell-min-size", number(n, "cell-min-size", 0), ReadableFloors::kSmall, "table cells");
        b.code_min_size = floor("code-min-size", number(n, "code-min-size", 0), ReadableFloors::kSmall, "code");
        b.caption_min_size = floor("caption-min-size", number(n, "caption-min-size", 0), ReadableFloors::kSmall,
                                   "captions and notes");
    }

    std::string path_;
    double floor_scale_ = 1;  // slide width / 960: the readable floors scale with it
    XmlReader xml_;
    Diagnostics& diags_;
    std::map<std::string, std::string> fonts_;
    std::map<std::string, Color> colors_;
    std::vector<Color> palette_;
    std::optional<Color> link_color_;
    bool link_underline_ = true;
};

}  // namespace

std::optional<LayoutSet> load_layout_set(const std::string& path, Diagnostics& diags) {
    std::string why;
    auto text = read_file(path, &why);
    if (!text) {
        diags.error({path, 0, 0}, "cannot read the layout set: " + why, {"check --layouts, or that layouts/ exists"});
        return std::nullopt;
    }
    return SetLoader(path, *text, diags).run();
}

}  // namespace ks
