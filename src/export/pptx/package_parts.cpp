#include "export/pptx/package_parts.h"

#include <algorithm>

#include "export/pptx/pptx_xml.h"

namespace ks::pptx {

std::string Relationships::add(const std::string& type, const std::string& target) {
    return add_rel(type, target, false);
}

std::string Relationships::add_external(const std::string& type, const std::string& target) {
    return add_rel(type, target, true);
}

std::string Relationships::add_rel(const std::string& type, const std::string& target, bool external) {
    std::string full = type.find("://") == std::string::npos ? kRelBase + type : type;
    for (const auto& r : rels_)
        if (r.type == full && r.target == target && r.external == external) return r.id;
    rels_.push_back({"rId" + std::to_string(rels_.size() + 1), full, target, external});
    return rels_.back().id;
}

std::string Relationships::xml() const {
    pugi::xml_document doc;
    auto root = doc.append_child("Relationships");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
    for (const auto& r : rels_) {
        auto rel = root.append_child("Relationship");
        rel.append_attribute("Id") = r.id.c_str();
        rel.append_attribute("Type") = r.type.c_str();
        rel.append_attribute("Target") = r.target.c_str();
        if (r.external) rel.append_attribute("TargetMode") = "External";
    }
    return xml_bytes(doc);
}

void Package::add(const std::string& name, std::string bytes, const std::string& content_type, bool compress) {
    parts_.push_back({name, std::move(bytes), compress});
    if (!content_type.empty()) overrides_.emplace_back("/" + name, content_type);
}

void Package::add_default(const std::string& extension, const std::string& content_type) {
    for (const auto& d : defaults_)
        if (d.first == extension) return;
    defaults_.emplace_back(extension, content_type);
}

std::vector<PackagePart> Package::finish() const {
    pugi::xml_document doc;
    auto types = doc.append_child("Types");
    types.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
    auto add_default_node = [&](const std::string& ext, const std::string& type) {
        auto d = types.append_child("Default");
        d.append_attribute("Extension") = ext.c_str();
        d.append_attribute("ContentType") = type.c_str();
    };
    add_default_node("rels", "application/vnd.openxmlformats-package.relationships+xml");
    add_default_node("xml", "application/xml");
    for (const auto& [ext, type] : defaults_) add_default_node(ext, type);
    for (const auto& [name, type] : overrides_) {
        auto o = types.append_child("Override");
        o.append_attribute("PartName") = name.c_str();
        o.append_attribute("ContentType") = type.c_str();
    }
    std::vector<PackagePart> out;
    out.push_back({"[Content_Types].xml", xml_bytes(doc), true});
    auto rels_name = [](const std::string& part) {
        auto slash = part.rfind('/');
        std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
        std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
        return folder + "_rels/" + file + ".rels";
    };
    if (auto it = rels_.find(""); it != rels_.end()) out.push_back({"_rels/.rels", it->second.xml(), true});
    for (const auto& part : parts_) {
        out.push_back(part);
        if (auto it = rels_.find(part.name); it != rels_.end() && !it->second.empty())
            out.push_back({rels_name(part.name), it->second.xml(), true});
    }
    return out;
}

}  // namespace ks::pptx
