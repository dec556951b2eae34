#include "export/pptx/pptx_writer.h"

#include <cstdint>
#include <map>

#include "export/pptx/chart_part.h"
#include "export/pptx/media.h"
#include "export/pptx/package_parts.h"
#include "export/pptx/pptx_xml.h"
#include "export/pptx/slide_parts.h"
#include "export/pptx/static_parts.h"
#include "export/pptx/zip_package.h"
#include "util/hash.h"

namespace ks {
namespace {

using namespace pptx;

constexpr const char* kTypeBase = "application/vnd.openxmlformats-officedocument.presentationml.";

std::string type_of(const char* what) { return std::string(kTypeBase) + what + "+xml"; }

// A section's id: a GUID made from its place and name, so it is stable.
std::string section_guid(std::size_t index, const std::string& name) {
    const std::uint64_t h = fnv1a64(std::to_string(index) + "\x1F" + name);
    char buf[40];
    std::snprintf(buf, sizeof buf, "{%08X-%04X-4%03X-8%03X-%012llX}", static_cast<unsigned>(h >> 32),
                  static_cast<unsigned>((h >> 16) & 0xFFFF), static_cast<unsigned>(h & 0xFFF),
                  static_cast<unsigned>((h >> 20) & 0xFFF), static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFull));
    return buf;
}

// The font of the deck's first text run: the theme's font.
std::string deck_font(const Document& doc) {
    for (const auto& page : doc.pages)
        for (const auto& e : page->record.structure.elements)
            for (const auto& p : e.paragraphs)
                for (const auto& l : p.lines)
                    for (const auto& r : l.runs)
                        if (!r.family.empty() && !r.code) return r.family;
    return "BIZ UDPGothic";
}

// Consecutive slides of one section; slides outside sections form their own.
struct SectionRun {
    std::string name;
    std::size_t first = 0, count = 0;
};

std::vector<SectionRun> sections_of(const Document& doc) {
    std::vector<SectionRun> out;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const auto& s = doc.pages[i]->record.structure;
        std::string name = s.section.empty() ? s.title : s.section;
        if (!out.empty() && out.back().name == name && !s.section.empty()) {
            ++out.back().count;
            continue;
        }
        if (!out.empty() && s.section.empty() && doc.pages[out.back().first]->record.structure.section.empty()) {
            ++out.back().count;  // slides outside sections stay together
            continue;
        }
        out.push_back({name.empty() ? "スライド" : name, i, 1});
    }
    return out;
}

void section_list(pugi::xml_node presentation, const Document& doc) {
    auto sections = sections_of(doc);
    if (sections.empty()) return;
    auto ext = presentation.append_child("p:extLst").append_child("p:ext");
    ext.append_attribute("uri") = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}";
    auto list = ext.append_child("p14:sectionLst");
    list.append_attribute("xmlns:p14") = "http://schemas.microsoft.com/office/powerpoint/2010/main";
    for (std::size_t k = 0; k < sections.size(); ++k) {
        auto section = list.append_child("p14:section");
        section.append_attribute("name") = sections[k].name.c_str();
        section.append_attribute("id") = section_guid(k, sections[k].name).c_str();
        auto ids = section.append_child("p14:sldIdLst");
        for (std::size_t i = sections[k].first; i < sections[k].first + sections[k].count; ++i)
            ids.append_child("p14:sldId").append_attribute("id") = static_cast<unsigned long long>(256 + i);
    }
}

// Builds the package part by part: masters and layouts, slides and notes,
// the fixed parts, then presentation.xml, which lists them.
class PresentationBuilder {
public:
    explicit PresentationBuilder(const Document& doc)
        : doc_(doc), media_(package_), charts_(package_, doc.info.timestamp) {
        for (const auto& page : doc.pages) any_notes_ = any_notes_ || !page->record.structure.notes.empty();
    }

    std::string build() {
        auto& root_rels = package_.rels("");
        root_rels.add("officeDocument", "ppt/presentation.xml");
        root_rels.add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml");
        root_rels.add("extended-properties", "docProps/app.xml");
        add_master_and_layouts();
        add_slides();
        add_fixed_parts();
        package_.add("ppt/presentation.xml", presentation_xml(), type_of("presentation.main"));
        package_.add("docProps/core.xml", core_props_xml(doc_.info),
                     "application/vnd.openxmlformats-package.core-properties+xml");
        package_.add("docProps/app.xml", app_props_xml(doc_.pages.size(), notes_count_),
                     "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        return zip_package(package_.finish(), doc_.info.timestamp);
    }

private:
    double slide_w() const { return doc_.pages.empty() ? 960 : doc_.pages.front()->width; }
    double slide_h() const { return doc_.pages.empty() ? 540 : doc_.pages.front()->height; }

    // Layouts in the order slides first use them, each from its first slide;
    // the master from the first slide that shows it.
    void add_master_and_layouts() {
        std::vector<const Frame*> firsts;
        const Frame* master_frame = nullptr;
        for (const auto& page : doc_.pages) {
            if (layout_index_.emplace(page->record.layout, firsts.size()).second) firsts.push_back(page.get());
            if (!master_frame && !page->record.structure.master_items.empty()) master_frame = page.get();
        }
        const Frame* background = master_frame ? master_frame : doc_.pages.empty() ? nullptr : doc_.pages[0].get();
        master_rid_ = pres_rels().add("slideMaster", "slideMasters/slideMaster1.xml");
        auto& master_rels = package_.rels("ppt/slideMasters/slideMaster1.xml");
        for (std::size_t k = 0; k < firsts.size(); ++k) {
            layout_parts_.push_back("slideLayouts/slideLayout" + std::to_string(k + 1) + ".xml");
            master_rels.add("slideLayout", "../" + layout_parts_.back());
        }
        master_rels.add("theme", "../theme/theme1.xml");
        package_.add("ppt/slideMasters/slideMaster1.xml",
                     master_xml(background, static_cast<int>(firsts.size()), master_rels, media_), type_of("slideMaster"));
        for (std::size_t k = 0; k < firsts.size(); ++k) {
            const std::string part = "ppt/" + layout_parts_[k];
            auto& rels = package_.rels(part);
            rels.add("slideMaster", "../slideMasters/slideMaster1.xml");
            const bool own_background = background && firsts[k]->background &&
                                        !(firsts[k]->background == background->background);
            package_.add(part, layout_xml(*firsts[k], firsts[k]->record.layout, own_background, rels, media_),
                         type_of("slideLayout"));
        }
    }

    // The notes master (notes pages need one), then each slide and its notes page.
    void add_slides() {
        if (any_notes_) {
            notes_master_rid_ = pres_rels().add("notesMaster", "notesMasters/notesMaster1.xml");
            package_.rels("ppt/notesMasters/notesMaster1.xml").add("theme", "../theme/theme2.xml");
            package_.add("ppt/notesMasters/notesMaster1.xml", notes_master_xml(slide_w(), slide_h()),
                         type_of("notesMaster"));
        }
        std::map<std::string, std::size_t> slide_index;  // for links to slides
        for (std::size_t i = 0; i < doc_.pages.size(); ++i) slide_index.emplace(doc_.pages[i]->record.id, i);
        for (std::size_t i = 0; i < doc_.pages.size(); ++i) {
            const Frame& frame = *doc_.pages[i];
            const std::string name = "slide" + std::to_string(i + 1) + ".xml";
            const std::string part = "ppt/slides/" + name;
            slide_rids_.push_back(pres_rels().add("slide", "slides/" + name));
            auto& rels = package_.rels(part);
            rels.add("slideLayout", "../" + layout_parts_[layout_index_[frame.record.layout]]);
            const auto& notes = frame.record.structure.notes;
            const std::string notes_name = "notesSlide" + std::to_string(notes_count_ + 1) + ".xml";
            if (!notes.empty()) rels.add("notesSlide", "../notesSlides/" + notes_name);
            package_.add(part, slide_xml(frame, rels, media_, charts_, slide_index), type_of("slide"));
            if (notes.empty()) continue;
            ++notes_count_;
            auto& notes_rels = package_.rels("ppt/notesSlides/" + notes_name);
            notes_rels.add("notesMaster", "../notesMasters/notesMaster1.xml");
            notes_rels.add("slide", "../slides/" + name);
            package_.add("ppt/notesSlides/" + notes_name, notes_slide_xml(notes), type_of("notesSlide"));
        }
    }

    void add_fixed_parts() {
        const std::string font = deck_font(doc_);
        const char* theme_type = "application/vnd.openxmlformats-officedocument.theme+xml";
        package_.add("ppt/theme/theme1.xml", theme_xml(font), theme_type);
        if (any_notes_) package_.add("ppt/theme/theme2.xml", theme_xml(font), theme_type);
        pres_rels().add("theme", "theme/theme1.xml");
        pres_rels().add("presProps", "presProps.xml");
        pres_rels().add("viewProps", "viewProps.xml");
        pres_rels().add("tableStyles", "tableStyles.xml");
        package_.add("ppt/presProps.xml", presentation_props_xml(), type_of("presProps"));
        package_.add("ppt/viewProps.xml", view_props_xml(), type_of("viewProps"));
        package_.add("ppt/tableStyles.xml", table_styles_xml(), type_of("tableStyles"));
    }

    std::string presentation_xml() {
        pugi::xml_document doc;
        auto pres = presentation_root(doc, "p:presentation");
        pres.append_attribute("saveSubsetFonts") = 1;
        auto master = pres.append_child("p:sldMasterIdLst").append_child("p:sldMasterId");
        master.append_attribute("id") = 2147483648LL;
        master.append_attribute("r:id") = master_rid_.c_str();
        if (any_notes_)
            pres.append_child("p:notesMasterIdLst").append_child("p:notesMasterId").append_attribute("r:id") =
                notes_master_rid_.c_str();
        auto slide_ids = pres.append_child("p:sldIdLst");
        for (std::size_t i = 0; i < slide_rids_.size(); ++i) {
            auto id = slide_ids.append_child("p:sldId");
            id.append_attribute("id") = static_cast<unsigned long long>(256 + i);
            id.append_attribute("r:id") = slide_rids_[i].c_str();
        }
        auto size = pres.append_child("p:sldSz");
        set_num(size, "cx", emu(slide_w()));
        set_num(size, "cy", emu(slide_h()));
        auto notes_size = pres.append_child("p:notesSz");
        notes_size.append_attribute("cx") = 6858000;
        notes_size.append_attribute("cy") = 9144000;
        section_list(pres, doc_);
        return xml_bytes(doc);
    }

    Relationships& pres_rels() { return package_.rels("ppt/presentation.xml"); }

    const Document& doc_;
    Package package_;
    MediaStore media_;
    ChartStore charts_;
    bool any_notes_ = false;
    std::size_t notes_count_ = 0;
    std::map<std::string, std::size_t> layout_index_;
    std::vector<std::string> layout_parts_, slide_rids_;
    std::string master_rid_, notes_master_rid_;
};

}  // namespace

std::string write_pptx(const Document& doc) { return PresentationBuilder(doc).build(); }

}  // namespace ks
