#include "text/font_context.h"

#include <filesystem>
#include <set>
#include <stdexcept>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

namespace ks {

FontContext::FontContext(const std::string& fonts_dir)
    : config_(FcConfigCreate()), font_map_(nullptr, g_object_unref) {
    // Absolute: fontconfig looks for a relative name in its own folders, not here.
    std::string conf = (std::filesystem::absolute(fonts_dir) / "fonts.conf").string();
    if (!std::filesystem::exists(conf))
        throw std::runtime_error("font configuration not found: " + conf);
    // fontconfig would block for ever on a FIFO.
    if (!std::filesystem::is_regular_file(conf))
        throw std::runtime_error("font configuration " + conf + " is not a regular file");
    if (!FcConfigParseAndLoad(config_.get(), reinterpret_cast<const FcChar8*>(conf.c_str()), FcTrue))
        throw std::runtime_error("cannot parse font configuration " + conf);
    if (!FcConfigBuildFonts(config_.get()))
        throw std::runtime_error("fontconfig could not scan the fonts named in " + conf);
    // Without a single font Pango hands out null fonts and shaping crashes.
    FcFontSet* system = FcConfigGetFonts(config_.get(), FcSetSystem);
    FcFontSet* application = FcConfigGetFonts(config_.get(), FcSetApplication);
    if ((!system || system->nfont == 0) && (!application || application->nfont == 0))
        throw std::runtime_error("no fonts found through " + conf +
                                 "; install the BIZ UD fonts (fonts-morisawa-bizud-gothic, "
                                 "fonts-morisawa-bizud-mincho) or point its <dir> at a folder of fonts");

    font_map_.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    if (!font_map_) throw std::runtime_error("Pango has no FreeType font map");
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), config_.get());
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_.get()), 72.0);
}

FontContext::~FontContext() = default;

std::shared_ptr<const FontFace> FontContext::face_for(PangoFont* font) const {
    std::lock_guard lock(mutex_);
    if (!font || !PANGO_IS_FC_FONT(font))
        throw std::runtime_error("no font could be loaded for some text; check the fonts named in fonts.conf");
    if (auto it = faces_by_font_.find(font); it != faces_by_font_.end()) return it->second;
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    int index = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcChar8* family = nullptr;
    FcPatternGetString(pattern, FC_FILE, 0, &file);
    FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
    FcPatternGetInteger(pattern, FC_WEIGHT, 0, &weight);
    FcPatternGetString(pattern, FC_FAMILY, 0, &family);
    FcPatternGetInteger(pattern, FC_SLANT, 0, &slant);
    std::string path = file ? reinterpret_cast<const char*>(file) : "";
    std::string key = path + "#" + std::to_string(index);
    auto& shared = faces_by_file_[key];
    if (!shared) {
        auto face = std::make_shared<FontFace>();
        face->file = path;
        face->index = index;
        face->family = family ? reinterpret_cast<const char*>(family) : "";
        face->bold = weight >= FC_WEIGHT_BOLD;
        face->italic = slant != FC_SLANT_ROMAN;
        shared = face;
    }
    faces_by_font_[font] = shared;
    return shared;
}

bool FontContext::has_family(const std::string& family) const {
    UniqueCPtr<FcPattern, FcPatternDestroy> pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    UniqueCPtr<FcObjectSet, FcObjectSetDestroy> os(FcObjectSetBuild(FC_FAMILY, nullptr));
    UniqueCPtr<FcFontSet, FcFontSetDestroy> set(FcFontList(config_.get(), pattern.get(), os.get()));
    return set && set->nfont > 0;
}

std::vector<std::string> FontContext::families() const {
    UniqueCPtr<FcPattern, FcPatternDestroy> pattern(FcPatternCreate());
    UniqueCPtr<FcObjectSet, FcObjectSetDestroy> os(FcObjectSetBuild(FC_FAMILY, nullptr));
    UniqueCPtr<FcFontSet, FcFontSetDestroy> set(FcFontList(config_.get(), pattern.get(), os.get()));
    std::set<std::string> names;
    for (int i = 0; set && i < set->nfont; ++i) {
        FcChar8* family = nullptr;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &family) == FcResultMatch; ++k)
            names.insert(reinterpret_cast<const char*>(family));
    }
    return {names.begin(), names.end()};
}

}  // namespace ks
