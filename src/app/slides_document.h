#pragma once
// The slides as a Document: the one place that turns the deck's sections and
// slide titles into bookmarks and its <meta> into document metadata. The
// handout imposer reuses both (its bookmarks point at handout pages).
#include <memory>
#include <vector>

#include "frame/document.h"
#include "model/deck.h"

namespace ks {

// One bookmark per section (at its first slide) and per slide, pointing at
// the slide index; a slide's title on one line, else its id, else
// 「スライド N」.
std::vector<OutlineEntry> slide_outline(const Deck& deck);

DocumentInfo document_info(const Deck& deck, const Timestamp& timestamp);

Document slides_document(const Deck& deck, std::vector<std::shared_ptr<const Frame>> frames,
                         const Timestamp& timestamp);

}  // namespace ks
