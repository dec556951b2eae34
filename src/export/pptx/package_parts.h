#pragma once
// The parts of an Office Open XML package with their content types and
// relationships: parts are kept in the order added, [Content_Types].xml
// first, so the same document gives the same archive.
#include <map>
#include <string>
#include <vector>

#include "export/pptx/zip_package.h"

namespace ks::pptx {

// The relationships of one part (its _rels/NAME.rels).
class Relationships {
public:
    // Adds a relationship of `type` (the last word of the type URI, e.g.
    // "slide", or a full URI) to `target` (relative to the part's folder);
    // returns its id ("rId3"). The same type and target give the same id.
    std::string add(const std::string& type, const std::string& target);
    // A relationship to something outside the package (a web address).
    std::string add_external(const std::string& type, const std::string& target);
    bool empty() const { return rels_.empty(); }
    std::string xml() const;

private:
    struct Rel {
        std::string id, type, target;
        bool external = false;
    };
    std::string add_rel(const std::string& type, const std::string& target, bool external);
    std::vector<Rel> rels_;
};

class Package {
public:
    // Adds a part; `content_type` empty: the default of its extension.
    void add(const std::string& name, std::string bytes, const std::string& content_type = "",
             bool compress = true);
    // The relationships of part `name` ("" for the package itself).
    Relationships& rels(const std::string& name) { return rels_[name]; }
    void add_default(const std::string& extension, const std::string& content_type);
    // Every part in order, [Content_Types].xml first, each part's rels after it.
    std::vector<PackagePart> finish() const;

private:
    std::vector<PackagePart> parts_;
    std::vector<std::pair<std::string, std::string>> overrides_;  // part name, content type
    std::vector<std::pair<std::string, std::string>> defaults_;   // extension, content type
    std::map<std::string, Relationships> rels_;
};

}  // namespace ks::pptx
