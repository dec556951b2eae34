#pragma once
// The one way kamishibai reads an XML input (outline, layout set), so both
// follow one written rule (README, "Input rules"):
// - the file is UTF-8;
// - NUL, C0 controls other than tab, newline and CR, noncharacters (U+FFFE,
//   U+FFFF, U+FDD0-U+FDEF, U+nFFFE, U+nFFFF) and lone surrogates are errors,
//   written directly or as character references (so are references beyond
//   U+10FFFF), in text and in attributes alike;
// - no DOCTYPE; entities are only the five XML ones (&lt; &gt; &amp; &quot;
//   &apos;) and numeric references; a bare '&' is an error;
// - one root element and nothing but comments and white space after it;
// - unknown attributes are errors with "did you mean".
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "diag/diagnostics.h"
#include "diag/source_map.h"

namespace ks {

class XmlReader {
public:
    // `what` names the kind of file in messages ("outline", "layout set").
    XmlReader(const std::string& path, const std::string& text, Diagnostics& diags, std::string what);

    // Checks the characters, then parses into `doc`; false (with errors
    // reported) when the document cannot be used.
    bool parse(pugi::xml_document& doc, unsigned options = pugi::parse_default);

    // GCC-style position of a node (an element's '<').
    SourcePosition pos(const pugi::xml_node& n) const;
    SourcePosition at(std::ptrdiff_t offset) const { return map_.at(offset); }

    // Every attribute of `n` not in `allowed` is an error with a guess.
    void check_attributes(const pugi::xml_node& n, const std::vector<std::string>& allowed);

private:
    bool check_characters();
    bool check_after_root(const pugi::xml_document& doc);

    std::string path_;
    const std::string& text_;
    SourceMap map_;
    Diagnostics& diags_;
    std::string what_;
};

// True for the code points the rule above forbids.
bool forbidden_character(char32_t cp);

}  // namespace ks
