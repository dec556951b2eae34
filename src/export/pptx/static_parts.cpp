#include "export/pptx/static_parts.h"

#include <stdexcept>

#include "export/pptx/pptx_xml.h"

namespace ks::pptx {
namespace {

// The theme's fixed parts (colours, the three required fill, line, effect
// and background styles); fonts are set from the layout set's.
constexpr const char* kTheme = R"(<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="kamishibai">
<a:themeElements>
<a:clrScheme name="kamishibai">
<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="1F3A5F"/></a:dk2><a:lt2><a:srgbClr val="F3F5F8"/></a:lt2>
<a:accent1><a:srgbClr val="1F3A5F"/></a:accent1><a:accent2><a:srgbClr val="C8102E"/></a:accent2>
<a:accent3><a:srgbClr val="5B7FA6"/></a:accent3><a:accent4><a:srgbClr val="E0A526"/></a:accent4>
<a:accent5><a:srgbClr val="6B7785"/></a:accent5><a:accent6><a:srgbClr val="2E8B57"/></a:accent6>
<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>
</a:clrScheme>
<a:fontScheme name="kamishibai">
<a:majorFont><a:latin typeface=""/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface=""/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>
</a:fontScheme>
<a:fmtScheme name="kamishibai">
<a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>
<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>
<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>
</a:fmtScheme>
</a:themeElements>
<a:objectDefaults/>
<a:extraClrSchemeLst/>
</a:theme>)";

pugi::xml_document parse_template(const char* text) {
    pugi::xml_document doc;
    if (!doc.load_string(text)) throw std::logic_error("the built-in PowerPoint theme does not parse");
    return doc;
}

}  // namespace

std::string theme_xml(const std::string& font) {
    pugi::xml_document doc = parse_template(kTheme);
    auto scheme = doc.child("a:theme").child("a:themeElements").child("a:fontScheme");
    for (auto group : scheme.children())
        for (auto face : group.children()) face.attribute("typeface").set_value(font.c_str());
    return xml_bytes(doc);
}

std::string presentation_props_xml() {
    pugi::xml_document doc;
    presentation_root(doc, "p:presentationPr");
    return xml_bytes(doc);
}

std::string view_props_xml() {
    pugi::xml_document doc;
    auto root = presentation_root(doc, "p:viewPr");
    root.append_attribute("lastView") = "sldView";
    return xml_bytes(doc);
}

std::string table_styles_xml() {
    pugi::xml_document doc;
    auto root = doc.append_child("a:tblStyleLst");
    root.append_attribute("xmlns:a") = kNsA;
    root.append_attribute("def") = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}";
    return xml_bytes(doc);
}

std::string core_props_xml(const DocumentInfo& info) {
    pugi::xml_document doc;
    auto root = doc.append_child("cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_child("dc:title").text() = info.title.c_str();
    if (!info.subject.empty()) root.append_child("dc:subject").text() = info.subject.c_str();
    root.append_child("dc:creator").text() = info.author.c_str();
    root.append_child("cp:lastModifiedBy").text() = info.author.c_str();
    const std::string date = iso8601_date(info.timestamp);
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
        auto node = root.append_child(name);
        node.append_attribute("xsi:type") = "dcterms:W3CDTF";
        node.text() = date.c_str();
    }
    return xml_bytes(doc);
}

std::string app_props_xml(std::size_t slides, std::size_t notes) {
    pugi::xml_document doc;
    auto root = doc.append_child("Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    root.append_child("Application").text() = "kamishibai";
    root.append_child("Slides").text() = static_cast<unsigned long long>(slides);
    root.append_child("Notes").text() = static_cast<unsigned long long>(notes);
    return xml_bytes(doc);
}

}  // namespace ks::pptx
