#pragma once
// Links in inline text: checks an <a href> and finds bare http(s) URLs in
// running text so they become links too.
#include <optional>
#include <string>
#include <vector>

#include "model/deck.h"

namespace ks {

// Whether `href` can be a link target: an absolute http:// or https:// URL
// with a host and no spaces or control characters, or "#id". On failure
// `problem` says why.
bool valid_href(const std::string& href, std::string& problem);

// `span` cut so every bare http(s):// URL in its text is a span of its own
// whose href is the URL (trailing punctuation and closing brackets stay text).
std::vector<Span> autolink(const Span& span);

}  // namespace ks
