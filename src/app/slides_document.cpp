#include "app/slides_document.h"

#include <algorithm>

namespace ks {

std::vector<OutlineEntry> slide_outline(const Deck& deck) {
    std::vector<OutlineEntry> out;
    std::size_t section = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        while (section < deck.sections.size() &&
               deck.sections[section].first_slide + deck.sections[section].slide_count <= i)
            ++section;
        const bool in_section = section < deck.sections.size() && deck.sections[section].first_slide <= i;
        if (in_section && deck.sections[section].first_slide == i)
            out.push_back({deck.sections[section].title, i, 0});
        std::string title = deck.slides[i].title.plain();
        std::replace(title.begin(), title.end(), '\n', ' ');
        if (title.empty()) title = deck.slides[i].id;
        if (title.empty()) title = "スライド " + std::to_string(i + 1);
        // Slides outside any section are top-level entries.
        out.push_back({title, i, in_section ? 1 : 0});
    }
    return out;
}

DocumentInfo document_info(const Deck& deck, const Timestamp& timestamp) {
    DocumentInfo info;
    info.title = deck.meta.title;
    info.author = deck.meta.author;
    info.subject = deck.meta.subtitle;
    info.timestamp = timestamp;
    info.lang = deck.lang.empty() ? "ja" : deck.lang;
    return info;
}

Document slides_document(const Deck& deck, std::vector<std::shared_ptr<const Frame>> frames,
                         const Timestamp& timestamp) {
    Document doc;
    doc.pages = std::move(frames);
    doc.outline = slide_outline(deck);
    doc.info = document_info(deck, timestamp);
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        if (!doc.pages[p]->record.id.empty()) doc.anchors.try_emplace(doc.pages[p]->record.id, p);
    return doc;
}

}  // namespace ks
