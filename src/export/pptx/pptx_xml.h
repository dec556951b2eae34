#pragma once
// Small shared pieces of the PowerPoint writer: namespaces, units, colours
// and XML serialisation (pugixml, no formatting: the same tree gives the
// same bytes).
#include <cstdint>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "frame/color.h"

namespace ks::pptx {

inline constexpr const char* kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kNsP = "http://schemas.openxmlformats.org/presentationml/2006/main";
inline constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Points to English Metric Units (12700 a point).
std::int64_t emu(double points);

// "1F3A5F".
std::string hex_color(const Color& color);

// The document with an XML declaration, no indentation.
std::string xml_bytes(const pugi::xml_document& doc);

// A root element with the a:, r: and p: namespaces declared.
pugi::xml_node presentation_root(pugi::xml_document& doc, const char* name);

// <a:solidFill><a:srgbClr val=…/></a:solidFill> (with alpha when not opaque).
void solid_fill(pugi::xml_node parent, const Color& color);
// A native pattern fill of diagonal stripes over `under` (none: transparent).
void hatch_fill(pugi::xml_node parent, const Color& stripes, const std::optional<Color>& under);

// Sets an attribute from a number.
void set_num(pugi::xml_node node, const char* name, std::int64_t value);

}  // namespace ks::pptx
