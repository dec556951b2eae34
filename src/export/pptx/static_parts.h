#pragma once
// The parts of a presentation that carry no slide: theme, properties, table
// styles, document properties.
#include <cstddef>
#include <string>

#include "frame/document.h"

namespace ks::pptx {

// A theme whose fonts (latin and East Asian, headings and body) are `font`.
std::string theme_xml(const std::string& font);
std::string presentation_props_xml();
std::string view_props_xml();
std::string table_styles_xml();
// docProps/core.xml: title, author and the document's fixed date.
std::string core_props_xml(const DocumentInfo& info);
// docProps/app.xml.
std::string app_props_xml(std::size_t slides, std::size_t notes);

}  // namespace ks::pptx
