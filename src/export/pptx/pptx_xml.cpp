#include "export/pptx/pptx_xml.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ks::pptx {
namespace {
struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

int channel(double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); }
}  // namespace

std::int64_t emu(double points) { return std::llround(points * 12700.0); }

std::string hex_color(const Color& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02X%02X%02X", channel(c.r), channel(c.g), channel(c.b));
    return buf;
}

std::string xml_bytes(const pugi::xml_document& doc) {
    StringWriter w;
    w.out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return std::move(w.out);
}

pugi::xml_node presentation_root(pugi::xml_document& doc, const char* name) {
    auto root = doc.append_child(name);
    root.append_attribute("xmlns:a") = kNsA;
    root.append_attribute("xmlns:r") = kNsR;
    root.append_attribute("xmlns:p") = kNsP;
    return root;
}

void solid_fill(pugi::xml_node parent, const Color& color) {
    auto clr = parent.append_child("a:solidFill").append_child("a:srgbClr");
    clr.append_attribute("val") = hex_color(color).c_str();
    if (color.a < 0.999) set_num(clr.append_child("a:alpha"), "val", std::llround(color.a * 100000));
}

void hatch_fill(pugi::xml_node parent, const Color& stripes, const std::optional<Color>& under) {
    auto patt = parent.append_child("a:pattFill");
    patt.append_attribute("prst") = "wdUpDiag";  // wide upward diagonal, as the Cairo and PDF stripes
    auto color = [](pugi::xml_node node, const Color& c) {
        auto clr = node.append_child("a:srgbClr");
        clr.append_attribute("val") = hex_color(c).c_str();
        if (c.a < 0.999) set_num(clr.append_child("a:alpha"), "val", std::llround(c.a * 100000));
    };
    color(patt.append_child("a:fgClr"), stripes);
    color(patt.append_child("a:bgClr"), under.value_or(Color{1, 1, 1, 0}));
}

void set_num(pugi::xml_node node, const char* name, std::int64_t value) {
    node.append_attribute(name) = static_cast<long long>(value);
}

}  // namespace ks::pptx
